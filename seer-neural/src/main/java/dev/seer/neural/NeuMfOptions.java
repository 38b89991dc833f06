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
 * @param foldInSteps Adam steps that fit a fresh user vector to the items of a user not in training
 *     (the item side frozen), at least 1
 * @param foldInRate the learning rate of those steps, greater than 0
 */
public record NeuMfOptions(
    int factors, String layers, int negatives, int foldInSteps, double foldInRate)
    implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "neumf";

  /** Validates the options. */
  public NeuMfOptions {
    Checks.atLeast("factors", factors, 1);
    Checks.atLeast("negatives", negatives, 1);
    Checks.atLeast("fold-in-steps", foldInSteps, 1);
    if (!(foldInRate > 0) || Double.isInfinite(foldInRate)) {
      throw new InputException(
          "fold-in-rate=" + foldInRate + " is not valid; give a number greater than 0.");
    }
    int[] l = sizes(layers);
    if (l[0] % 2 != 0) {
      throw new InputException(
          "layers=" + layers + " is not valid; the first size must be even (user + item halves).");
    }
  }

  /**
   * Creates options with the default fold-in (50 steps at rate 0.05).
   *
   * @param factors GMF embedding size
   * @param layers MLP layer sizes
   * @param negatives negatives per positive
   */
  public NeuMfOptions(int factors, String layers, int negatives) {
    this(factors, layers, negatives, 50, 0.05);
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
   * Returns the defaults: 16 factors, layers 64/32/16, 4 negatives, fold-in by 50 steps at 0.05.
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
        r.intValue("negatives", d.negatives),
        r.intValue("fold-in-steps", d.foldInSteps),
        r.doubleValue("fold-in-rate", d.foldInRate));
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
    m.put("fold-in-steps", Integer.toString(foldInSteps));
    m.put("fold-in-rate", Double.toString(foldInRate));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new NeuMf(numUsers, numItems, this);
  }
}
