package dev.seer.data.split;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * K-fold cross-validation, stratified per user: each user's rows are shuffled and dealt to the
 * folds in turn from a random first fold ({@link PerUser#dealFolds}), so a user's rows are spread
 * over the folds as evenly as possible and the deal depends only on the seed, the user's external
 * id and the user's rows. Fold {@code f}'s test part is the rows dealt to {@code f}; its train part
 * is all other rows. The test parts partition the data.
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
    int[][] groups = Rows.byUser(data);
    for (int u = 0; u < groups.length; u++) {
      int[] rows = groups[u];
      if (rows.length == 0) {
        continue;
      }
      Rows.UserRows r = Rows.UserRows.of(data, rows);
      int[] f = PerUser.dealFolds(seed, data.users().id(u), r.items, r.ratings, r.times, k);
      for (int j = 0; j < rows.length; j++) {
        fold[rows[j]] = f[j];
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
