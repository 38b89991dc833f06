package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/** Carves a validation part out of a split's training rows. */
public final class Validation {
  private Validation() {}

  /**
   * Moves a per-user random share of the TRAIN rows into validation, with the same rule as {@link
   * RandomSplitter} (users keep at least one train row). Rows already in the split's validation
   * part stay there, before the carved rows. Test and fold-in are unchanged.
   *
   * @param split the split
   * @param ratio share of each user's train rows to move, in (0, 1)
   * @param seed random seed
   * @return the new split
   */
  public static Split carve(Split split, double ratio, long seed) {
    Rows.checkRatio("validation ratio", ratio, "0.1");
    Interactions train = split.train();
    boolean[] moved = Rows.perUserRandom(train, ratio, seed);
    byte[] a = new byte[train.size()];
    for (int k = 0; k < a.length; k++) {
      a[k] = moved[k] ? Rows.VALIDATION : Rows.TRAIN;
    }
    Interactions carved = Rows.part(train, a, Rows.VALIDATION);
    Interactions validation =
        split.validation().size() == 0 ? carved : Rows.concat(split.validation(), carved);
    return new Split(
        split.name()
            + "; validation: "
            + Rows.num(ratio)
            + " of each user's train rows (seed "
            + seed
            + ")",
        Rows.part(train, a, Rows.TRAIN),
        validation,
        split.test(),
        split.foldIn());
  }
}
