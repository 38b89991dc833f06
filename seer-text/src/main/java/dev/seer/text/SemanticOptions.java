package dev.seer.text;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of the semantic recommender.
 *
 * @param embedder the embedder name ({@link Embedders#create}): {@code minilm} or {@code hash-<n>}
 * @param maxChars the most characters of an item's text that are embedded, 16 to 100000
 * @param batchSize texts per call of the embedding model, 1 to 4096
 * @param liked which of a user's items make up the profile: {@code above-mean} (rated at or above
 *     the user's mean rating; all items for implicit data) or {@code all}
 */
public record SemanticOptions(String embedder, int maxChars, int batchSize, String liked) {
  /** The option names, in documentation order. */
  public static final Set<String> NAMES = Set.of("embedder", "maxChars", "batchSize", "liked");

  /** Validates the options. */
  public SemanticOptions {
    Embedders.create(embedder);
    if (maxChars < 16 || maxChars > 100_000) {
      throw new InputException(
          "The semantic option maxChars must be between 16 and 100000, got " + maxChars + ".");
    }
    if (batchSize < 1 || batchSize > 4096) {
      throw new InputException(
          "The semantic option batchSize must be between 1 and 4096, got " + batchSize + ".");
    }
    if (!"above-mean".equals(liked) && !"all".equals(liked)) {
      throw new InputException(
          "The semantic option liked must be above-mean or all, got '" + liked + "'.");
    }
  }

  /**
   * Returns the defaults: the packaged MiniLM model, 1000 characters, batches of 32, above-mean.
   *
   * @return the defaults
   */
  public static SemanticOptions defaults() {
    return new SemanticOptions(Embedders.MINILM, 1000, 32, "above-mean");
  }

  /**
   * Parses options from text; absent ones take their defaults.
   *
   * @param options name to value
   * @return the options
   * @throws InputException if a name is unknown or a value is bad
   */
  public static SemanticOptions parse(Map<String, String> options) {
    for (String k : options.keySet()) {
      if (!NAMES.contains(k)) {
        throw new InputException(
            "Unknown option '"
                + k
                + "' for the semantic algorithm; known options: embedder, maxChars, batchSize,"
                + " liked.");
      }
    }
    SemanticOptions d = defaults();
    return new SemanticOptions(
        options.getOrDefault("embedder", d.embedder()),
        integer(options, "maxChars", d.maxChars()),
        integer(options, "batchSize", d.batchSize()),
        options.getOrDefault("liked", d.liked()));
  }

  /**
   * Returns the options as text.
   *
   * @return name to value, in documentation order
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("embedder", embedder);
    m.put("maxChars", Integer.toString(maxChars));
    m.put("batchSize", Integer.toString(batchSize));
    m.put("liked", liked);
    return m;
  }

  private static int integer(Map<String, String> o, String name, int dflt) {
    String v = o.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException(
          "The semantic option " + name + " must be a whole number, got '" + v + "'.");
    }
  }
}
