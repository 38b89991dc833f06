package dev.seer.data.split;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-fold cross-validation, stratified per user: each user's rows are shuffled and dealt to the
 * folds in turn (a user's rows are spread over the folds as evenly as possible, and fold sizes
 * differ by at most one row). Fold {@code f}'s test part is the rows dealt to {@code f}; its train
 * part is all other rows. The test parts partition the data.
 *
 * @param k number of folds, at least 2
 * @param seed random seed
 */
public record KFold(int k, long seed) {
  /** Validates k. */
  public KFold {
    if (k < 2) {
      throw new InputException("k is " + k + " but k-fold needs at least 2 folds; pass e.g. 5.");
    }
  }

  /**
   * Assigns each row to a fold.
   *
   * @param data the interactions
   * @return per row, its fold in {@code 0..k-1}
   */
  public int[] assignments(Interactions data) {
    int[] fold = new int[data.size()];
    SplittableRandom rnd = new SplittableRandom(seed);
    long dealt = rnd.nextInt(k);
    for (int[] rows : Rows.byUser(data)) {
      for (int r : Rows.pick(rows, rows.length, rnd)) {
        fold[r] = (int) (dealt++ % k);
      }
    }
    return fold;
  }

  /**
   * Builds the k splits.
   *
   * @param data the interactions
   * @return k splits; split {@code f} tests on fold {@code f}
   */
  public List<Split> folds(Interactions data) {
    int[] fold = assignments(data);
    List<Split> out = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      byte[] a = new byte[fold.length];
      for (int r = 0; r < fold.length; r++) {
        a[r] = fold[r] == f ? Rows.TEST : Rows.TRAIN;
      }
      out.add(
          Split.of(
              describe() + ": fold " + (f + 1) + " of " + k,
              Rows.part(data, a, Rows.TRAIN),
              Rows.part(data, a, Rows.TEST)));
    }
    return List.copyOf(out);
  }

  /**
   * Describes the folds.
   *
   * @return the description
   */
  public String describe() {
    return k + "-fold per user (seed " + seed + ")";
  }
}
