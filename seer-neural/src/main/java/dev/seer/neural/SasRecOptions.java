package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of SASRec (Kang and McAuley, ICDM 2018): causal self-attention over the last {@code
 * max-length} items.
 *
 * @param dims embedding and hidden size, divisible by {@code heads}
 * @param blocks self-attention blocks, at least 1
 * @param heads attention heads, at least 1
 * @param maxLength the most recent items the model reads, at least 2
 * @param dropout dropout rate in [0, 1)
 * @param loss the training objective
 * @param negatives sampled negatives: one per position when 1, else this many per sequence shared
 *     by its positions
 * @param gbceT gBCE calibration {@code t} in [0, 1] (used by {@link Loss#GBCE} only)
 */
public record SasRecOptions(
    int dims,
    int blocks,
    int heads,
    int maxLength,
    double dropout,
    Loss loss,
    int negatives,
    double gbceT)
    implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "sasrec";

  /** Validates the options. */
  public SasRecOptions {
    Checks.common(dims, maxLength, dropout, loss, negatives, gbceT);
    Checks.atLeast("blocks", blocks, 1);
    Checks.atLeast("heads", heads, 1);
    if (dims % heads != 0) {
      throw new InputException(
          "dims=" + dims + " is not divisible by heads=" + heads + "; change one of them.");
    }
  }

  /**
   * Returns the defaults: 64 dims, 2 blocks, 1 head, length 50, dropout 0.2, BCE with one negative.
   *
   * @return the defaults
   */
  public static SasRecOptions defaults() {
    return new SasRecOptions(64, 2, 1, 50, 0.2, Loss.BCE, 1, 0.75);
  }

  static SasRecOptions parse(Opts r) {
    SasRecOptions d = defaults();
    return new SasRecOptions(
        r.intValue("dims", d.dims),
        r.intValue("blocks", d.blocks),
        r.intValue("heads", d.heads),
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
    m.put("blocks", Integer.toString(blocks));
    m.put("heads", Integer.toString(heads));
    m.put("max-length", Integer.toString(maxLength));
    m.put("dropout", Double.toString(dropout));
    m.put("loss", Opts.display(loss));
    m.put("negatives", Integer.toString(negatives));
    m.put("gbce-t", Double.toString(gbceT));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new SasRec(numUsers, numItems, this);
  }
}
