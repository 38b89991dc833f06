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
 * @param imageWeight the weight of image vectors in the item vectors, 0 (text only, the default) to
 *     1; above 0 every item whose attribute {@code imageAttribute} names a local image file gets
 *     {@link dev.seer.text.image.Multimodal#combine} of its text and image vectors
 * @param imageAttribute the item attribute holding the local image path (default {@code image})
 * @param imageModel an ONNX image-encoder file (224-pixel input, CLIP normalisation), or empty for
 *     the built-in {@link dev.seer.text.image.ColourTextureDescriptor}
 */
public record SemanticOptions(
    String embedder,
    int maxChars,
    int batchSize,
    String liked,
    double imageWeight,
    String imageAttribute,
    String imageModel) {
  /** The option names, in documentation order. */
  public static final Set<String> NAMES =
      Set.of(
          "embedder",
          "maxChars",
          "batchSize",
          "liked",
          "imageWeight",
          "imageAttribute",
          "imageModel");

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
    if (!(imageWeight >= 0 && imageWeight <= 1)) {
      throw new InputException(
          "The semantic option imageWeight must be between 0 and 1, got " + imageWeight + ".");
    }
    imageAttribute = imageAttribute == null || imageAttribute.isBlank() ? "image" : imageAttribute;
    imageModel = imageModel == null ? "" : imageModel.strip();
  }

  /**
   * Text-only options.
   *
   * @param embedder the embedder name
   * @param maxChars the most characters embedded per item
   * @param batchSize texts per call of the embedding model
   * @param liked which of a user's items make up the profile
   */
  public SemanticOptions(String embedder, int maxChars, int batchSize, String liked) {
    this(embedder, maxChars, batchSize, liked, 0, "image", "");
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
                + " liked, imageWeight, imageAttribute, imageModel.");
      }
    }
    SemanticOptions d = defaults();
    return new SemanticOptions(
        options.getOrDefault("embedder", d.embedder()),
        integer(options, "maxChars", d.maxChars()),
        integer(options, "batchSize", d.batchSize()),
        options.getOrDefault("liked", d.liked()),
        decimal(options, "imageWeight", 0),
        options.getOrDefault("imageAttribute", "image"),
        options.getOrDefault("imageModel", ""));
  }

  private static double decimal(Map<String, String> o, String name, double dflt) {
    String v = o.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException(
          "The semantic option " + name + " must be a number, got '" + v + "'.");
    }
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
    if (imageWeight > 0) {
      // only when images are used, so that text-only model cards stay as they were
      m.put("imageWeight", Double.toString(imageWeight));
      m.put("imageAttribute", imageAttribute);
      m.put("imageModel", imageModel);
    }
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
