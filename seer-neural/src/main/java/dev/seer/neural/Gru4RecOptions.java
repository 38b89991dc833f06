package dev.seer.neural;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of GRU4Rec (Hidasi et al., ICLR 2016): a recurrent layer over the item sequence, trained
 * to predict the next item at every position.
 *
 * @param dims embedding and hidden size
 * @param cell GRU (the paper's) or LSTM
 * @param maxLength the most recent items the model reads, at least 2
 * @param dropout dropout rate on the inputs and outputs of the recurrent layer, in [0, 1)
 * @param loss the training objective
 * @param negatives sampled negatives (one per position when 1, else per sequence)
 * @param gbceT gBCE calibration (used by {@link Loss#GBCE} only)
 */
public record Gru4RecOptions(
    int dims, Cell cell, int maxLength, double dropout, Loss loss, int negatives, double gbceT)
    implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "gru4rec";

  /** Recurrent cells. */
  public enum Cell {
    /** Gated recurrent unit. */
    GRU,
    /** Long short-term memory. */
    LSTM
  }

  /** Validates the options. */
  public Gru4RecOptions {
    Checks.common(dims, maxLength, dropout, loss, negatives, gbceT);
    if (cell == null) {
      throw new dev.seer.api.InputException("cell must be given: gru or lstm.");
    }
  }

  /**
   * Returns the defaults: 64 dims, GRU, length 50, dropout 0.2, sampled softmax over 64 negatives.
   *
   * @return the defaults
   */
  public static Gru4RecOptions defaults() {
    return new Gru4RecOptions(64, Cell.GRU, 50, 0.2, Loss.SAMPLED_SOFTMAX, 64, 0.75);
  }

  static Gru4RecOptions parse(Opts r) {
    Gru4RecOptions d = defaults();
    return new Gru4RecOptions(
        r.intValue("dims", d.dims),
        r.enumValue("cell", Cell.class, d.cell),
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
    m.put("cell", Opts.display(cell));
    m.put("max-length", Integer.toString(maxLength));
    m.put("dropout", Double.toString(dropout));
    m.put("loss", Opts.display(loss));
    m.put("negatives", Integer.toString(negatives));
    m.put("gbce-t", Double.toString(gbceT));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new Gru4Rec(numUsers, numItems, this);
  }
}
