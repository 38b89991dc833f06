package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Parallel;
import dev.seer.algorithms.Randoms;
import dev.seer.api.Interactions;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The standardised scores ({@link ScoreNorm}) of several models, trained on the fit part of a
 * validation split, for the users who have validation rows, with what is needed to compute each
 * user's NDCG@K by full ranking over the items they have not interacted with in the fit part. Used
 * to choose the mixing weights of hybrids and ensembles; the test data is never involved.
 */
final class ValidationScores {
  /** The validation users, ascending. */
  final int[] users;

  /** Per user slot, the validation items, ascending and distinct. */
  final int[][] relevant;

  /** Per user slot, the fit-part items, ascending. */
  final int[][] seen;

  /** Per component, per user slot, the standardised scores of all items. */
  final float[][][] z;

  private final int numItems;

  private ValidationScores(
      int[] users, int[][] relevant, int[][] seen, float[][][] z, int numItems) {
    this.users = users;
    this.relevant = relevant;
    this.seen = seen;
    this.z = z;
    this.numItems = numItems;
  }

  /**
   * Scores the validation users.
   *
   * @param models models trained on {@code fit}
   * @param fit the fit part
   * @param held the validation part
   * @param maxUsers the most users to keep (a seeded random sample when there are more), 0 for all
   * @param seed seed of the sample
   * @param threads threads for scoring
   * @return the scores
   */
  static ValidationScores build(
      List<Recommender> models,
      Interactions fit,
      Interactions held,
      int maxUsers,
      long seed,
      int threads) {
    SparseMatrix byUserHeld = held.byUser();
    SparseMatrix byUserFit = fit.byUser();
    int[] candidates = new int[byUserHeld.rows()];
    int n = 0;
    for (int u = 0; u < byUserHeld.rows(); u++) {
      if (byUserHeld.rowNnz(u) > 0) {
        candidates[n++] = u;
      }
    }
    int[] users = Arrays.copyOf(candidates, n);
    if (maxUsers > 0 && n > maxUsers) {
      SplittableRandom rnd = new SplittableRandom(Randoms.mix(seed, 0x76616cL));
      for (int k = 0; k < maxUsers; k++) {
        int j = k + rnd.nextInt(n - k);
        int t = users[k];
        users[k] = users[j];
        users[j] = t;
      }
      users = Arrays.copyOf(users, maxUsers);
      Arrays.sort(users);
    }
    int numItems = fit.numItems();
    int slots = users.length;
    int[][] relevant = new int[slots][];
    int[][] seen = new int[slots][];
    float[][][] z = new float[models.size()][slots][];
    int[] us = users;
    Parallel.forEachChunk(
        slots,
        32,
        threads,
        () -> null,
        (from, to, s) -> {
          for (int k = from; k < to; k++) {
            int u = us[k];
            relevant[k] = Arrays.stream(byUserHeld.row(u)).sorted().distinct().toArray();
            seen[k] = u < byUserFit.rows() ? sorted(byUserFit.row(u)) : new int[0];
            for (int c = 0; c < models.size(); c++) {
              float[] v = new float[numItems];
              models.get(c).score(u, v);
              ScoreNorm.standardise(v);
              z[c][k] = v;
            }
          }
        });
    return new ValidationScores(users, relevant, seen, z, numItems);
  }

  private static int[] sorted(int[] a) {
    int[] b = a.clone();
    Arrays.sort(b);
    return b;
  }

  /**
   * Returns the number of user slots.
   *
   * @return the count
   */
  int size() {
    return users.length;
  }

  /**
   * Returns a scratch vector for {@link #ndcg}.
   *
   * @return a new vector of one value per item
   */
  float[] scratch() {
    return new float[numItems];
  }

  /**
   * Computes a user's NDCG@K (binary relevance, {@code 1/log2(rank+1)} discount, ideal DCG over
   * {@code min(K, relevant)} hits) of a combined score vector; the fit-part items are excluded from
   * the ranking (the vector is overwritten there).
   *
   * @param slot the user slot
   * @param scores the combined scores, overwritten at the user's fit-part items
   * @param k the cutoff
   * @return the NDCG, in [0, 1]
   */
  double ndcg(int slot, float[] scores, int k) {
    for (int i : seen[slot]) {
      scores[i] = Float.NEGATIVE_INFINITY;
    }
    Ranking r = Ranker.topN(scores, k, null);
    int[] rel = relevant[slot];
    double dcg = 0;
    int[] top = r.items();
    for (int p = 0; p < top.length; p++) {
      if (Arrays.binarySearch(rel, top[p]) >= 0) {
        dcg += 1 / log2(p + 2);
      }
    }
    double idcg = 0;
    for (int p = 1; p <= Math.min(k, rel.length); p++) {
      idcg += 1 / log2(p + 1);
    }
    return dcg / idcg;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
