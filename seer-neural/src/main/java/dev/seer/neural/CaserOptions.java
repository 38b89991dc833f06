package dev.seer.neural;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of Caser (Tang and Wang, WSDM 2018): horizontal and vertical convolutions over the
 * embeddings of the last {@code window} items.
 *
 * @param dims embedding size
 * @param window items per convolution window (the paper's L), at least 1
 * @param horizontal horizontal filters per height 1..window, at least 1
 * @param vertical vertical filters, at least 1
 * @param maxLength the training sequence length (positions trained per user), at least 2
 * @param dropout dropout rate before the fully connected layer, in [0, 1)
 * @param loss the training objective
 * @param negatives sampled negatives
 * @param gbceT gBCE calibration (used by {@link Loss#GBCE} only)
 */
public record CaserOptions(
    int dims,
    int window,
    int horizontal,
    int vertical,
    int maxLength,
    double dropout,
    Loss loss,
    int negatives,
    double gbceT)
    implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "caser";

  /** Validates the options. */
  public CaserOptions {
    Checks.common(dims, maxLength, dropout, loss, negatives, gbceT);
    Checks.atLeast("window", window, 1);
    Checks.atLeast("horizontal", horizontal, 1);
    Checks.atLeast("vertical", vertical, 1);
  }

  /**
   * Returns the defaults: 64 dims, window 5, 16 horizontal and 4 vertical filters, length 50,
   * dropout 0.5, BCE with 3 negatives per sequence.
   *
   * @return the defaults
   */
  public static CaserOptions defaults() {
    return new CaserOptions(64, 5, 16, 4, 50, 0.5, Loss.BCE, 3, 0.75);
  }

  static CaserOptions parse(Opts r) {
    CaserOptions d = defaults();
    return new CaserOptions(
        r.intValue("dims", d.dims),
        r.intValue("window", d.window),
        r.intValue("horizontal", d.horizontal),
        r.intValue("vertical", d.vertical),
        r.intValue("max-length", d.maxLength),
        r.doubleValue("dropout", d.dropout),
        r.enumValue("loss", Loss.class, d.loss),
        r.intValue("negatives", d.negatives),
        r.doubleValue("gbce-t", d.gbceT));
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dims", Integer.toString(dims));
    m.put("window", Integer.toString(window));
    m.put("horizontal", Integer.toString(horizontal));
    m.put("vertical", Integer.toString(vertical));
    m.put("max-length", Integer.toString(maxLength));
    m.put("dropout", Double.toString(dropout));
    m.put("loss", Opts.display(loss));
    m.put("negatives", Integer.toString(negatives));
    m.put("gbce-t", Double.toString(gbceT));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new Caser(numUsers, numItems, this);
  }
}
