package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of NeuMF (He et al., WWW 2017): generalised matrix factorisation and an MLP over user and
 * item embeddings, fused by a final linear layer, trained with BCE on sampled negatives.
 *
 * @param factors GMF embedding size, at least 1
 * @param layers MLP layer sizes, for example {@code "64,32,16"}; the first is the concatenated user
 *     and item embedding size and must be even
 * @param negatives negatives per positive interaction, at least 1
 */
public record NeuMfOptions(int factors, String layers, int negatives) implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "neumf";

  /** Validates the options. */
  public NeuMfOptions {
    Checks.atLeast("factors", factors, 1);
    Checks.atLeast("negatives", negatives, 1);
    int[] l = sizes(layers);
    if (l[0] % 2 != 0) {
      throw new InputException(
          "layers=" + layers + " is not valid; the first size must be even (user + item halves).");
    }
  }

  static int[] sizes(String layers) {
    try {
      String[] parts = layers.split("[,;/]");
      int[] out = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = Integer.parseInt(parts[i].trim());
        if (out[i] < 1) {
          throw new NumberFormatException();
        }
      }
      return out;
    } catch (RuntimeException e) {
      throw new InputException(
          "layers=" + layers + " is not valid; give layer sizes such as 64/32/16.");
    }
  }

  /**
   * Returns the defaults: 16 factors, layers 64/32/16, 4 negatives.
   *
   * @return the defaults
   */
  public static NeuMfOptions defaults() {
    return new NeuMfOptions(16, "64/32/16", 4);
  }

  static NeuMfOptions parse(Opts r) {
    NeuMfOptions d = defaults();
    return new NeuMfOptions(
        r.intValue("factors", d.factors),
        r.text("layers", d.layers),
        r.intValue("negatives", d.negatives));
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("factors", Integer.toString(factors));
    m.put("layers", layers);
    m.put("negatives", Integer.toString(negatives));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new NeuMf(numUsers, numItems, this);
  }
}
