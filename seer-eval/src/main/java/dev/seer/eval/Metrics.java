package dev.seer.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Per-user ranking metrics and the rating errors, as plain functions of what they depend on, so
 * each can be checked by hand. A ranked list is given as {@code hit[r]}: whether the item at rank
 * {@code r + 1} is relevant. A list may be shorter than the cutoff (when fewer candidates exist).
 * Relevance is binary.
 *
 * <p>Definitions at cutoff K, with {@code R} the number of relevant items of the user:
 *
 * <ul>
 *   <li>Precision@K = hits in the top K / K.
 *   <li>Recall@K = hits / R.
 *   <li>CappedRecall@K = hits / min(K, R), so that a perfect list scores 1 even when R &gt; K (the
 *       variant of Liang et al., "Variational Autoencoders for Collaborative Filtering", WWW 2018).
 *   <li>NDCG@K = DCG / IDCG with DCG = Σ over hit ranks r ≤ K of 1 / log2(r + 1) and IDCG the DCG
 *       of min(K, R) hits at the top.
 *   <li>MAP@K: AP@K = Σ over hit ranks r ≤ K of Precision@r, divided by min(K, R) (the
 *       normalisation RecBole uses).
 *   <li>MRR@K = 1 / rank of the first hit within K, 0 if none.
 *   <li>HitRate@K = 1 if there is a hit within K, else 0.
 * </ul>
 */
public final class Metrics {
  private static final double LN2 = Math.log(2);

  private Metrics() {}

  /**
   * Counts the hits within the cutoff.
   *
   * @param hit relevance of each ranked item, best first
   * @param k cutoff
   * @return hits among the first {@code min(k, hit.length)} items
   */
  public static int hits(boolean[] hit, int k) {
    int h = 0;
    for (int r = 0; r < Math.min(k, hit.length); r++) {
      if (hit[r]) {
        h++;
      }
    }
    return h;
  }

  /**
   * Precision@K.
   *
   * @param hit relevance by rank
   * @param k cutoff
   * @return hits / k
   */
  public static double precision(boolean[] hit, int k) {
    return (double) hits(hit, k) / k;
  }

  /**
   * Recall@K.
   *
   * @param hit relevance by rank
   * @param relevant number of relevant items, positive
   * @param k cutoff
   * @return hits / relevant
   */
  public static double recall(boolean[] hit, int relevant, int k) {
    return (double) hits(hit, k) / relevant;
  }

  /**
   * CappedRecall@K (recall normalised by min(K, R)).
   *
   * @param hit relevance by rank
   * @param relevant number of relevant items, positive
   * @param k cutoff
   * @return hits / min(k, relevant)
   */
  public static double cappedRecall(boolean[] hit, int relevant, int k) {
    return (double) hits(hit, k) / Math.min(k, relevant);
  }

  /**
   * NDCG@K with binary relevance.
   *
   * @param hit relevance by rank
   * @param relevant number of relevant items, positive
   * @param k cutoff
   * @return DCG / IDCG
   */
  public static double ndcg(boolean[] hit, int relevant, int k) {
    double dcg = 0;
    for (int r = 0; r < Math.min(k, hit.length); r++) {
      if (hit[r]) {
        dcg += discount(r + 1);
      }
    }
    double idcg = 0;
    for (int r = 1; r <= Math.min(k, relevant); r++) {
      idcg += discount(r);
    }
    return dcg / idcg;
  }

  /**
   * The DCG discount of a rank.
   *
   * @param rank 1-based rank
   * @return 1 / log2(rank + 1)
   */
  public static double discount(int rank) {
    return LN2 / Math.log(rank + 1.0);
  }

  /**
   * Average precision at K (the per-user term of MAP@K).
   *
   * @param hit relevance by rank
   * @param relevant number of relevant items, positive
   * @param k cutoff
   * @return AP@K
   */
  public static double averagePrecision(boolean[] hit, int relevant, int k) {
    double sum = 0;
    int h = 0;
    for (int r = 0; r < Math.min(k, hit.length); r++) {
      if (hit[r]) {
        h++;
        sum += (double) h / (r + 1);
      }
    }
    return sum / Math.min(k, relevant);
  }

  /**
   * Reciprocal rank of the first hit within K.
   *
   * @param hit relevance by rank
   * @param k cutoff
   * @return 1 / rank, or 0
   */
  public static double reciprocalRank(boolean[] hit, int k) {
    for (int r = 0; r < Math.min(k, hit.length); r++) {
      if (hit[r]) {
        return 1.0 / (r + 1);
      }
    }
    return 0;
  }

  /**
   * HitRate@K for one user.
   *
   * @param hit relevance by rank
   * @param k cutoff
   * @return 1 or 0
   */
  public static double hitRate(boolean[] hit, int k) {
    return hits(hit, k) > 0 ? 1 : 0;
  }

  /**
   * The area under the ROC curve for one user: the probability that a relevant candidate scores
   * above a non-relevant one, ties counting one half.
   *
   * @param relevantScores scores of the relevant candidates
   * @param negativeScores scores of the non-relevant candidates (sorted in place)
   * @return AUC in [0, 1], or NaN when either list is empty
   */
  public static double auc(float[] relevantScores, float[] negativeScores) {
    if (relevantScores.length == 0 || negativeScores.length == 0) {
      return Double.NaN;
    }
    for (int i = 0; i < negativeScores.length; i++) {
      if (Float.isNaN(negativeScores[i])) {
        negativeScores[i] = Float.NEGATIVE_INFINITY;
      }
    }
    Arrays.sort(negativeScores);
    double sum = 0;
    for (float s0 : relevantScores) {
      float s = Float.isNaN(s0) ? Float.NEGATIVE_INFINITY : s0;
      int below = lowerBound(negativeScores, s);
      int notAbove = upperBound(negativeScores, s);
      sum += below + 0.5 * (notAbove - below);
    }
    return sum / ((double) relevantScores.length * negativeScores.length);
  }

  private static int lowerBound(float[] a, float x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(float[] a, float x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Novelty of a list: the mean self-information −log2(pop(i) / users) of its first K items, where
   * pop(i) is the number of training users who have item i (items nobody has count as 1 user).
   * After Zhou et al., "Solving the apparent diversity-accuracy dilemma", PNAS 2010.
   *
   * @param items ranked items, best first
   * @param k cutoff
   * @param popularity training users per item
   * @param users number of users in the training data
   * @return mean self-information in bits, 0 for an empty list
   */
  public static double novelty(int[] items, int k, int[] popularity, int users) {
    int n = Math.min(k, items.length);
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (int r = 0; r < n; r++) {
      int pop = Math.max(1, popularity[items[r]]);
      sum += -Math.log((double) pop / users) / LN2;
    }
    return sum / n;
  }

  /**
   * Intra-list diversity: the mean over pairs of the first K items of 1 − Jaccard(features of the
   * two items). Two items without features have distance 1.
   *
   * @param items ranked items, best first
   * @param k cutoff
   * @param features the features (for example genres) of each item index
   * @return mean pairwise distance, 0 for lists of fewer than two items
   */
  public static double intraListDiversity(int[] items, int k, List<Set<String>> features) {
    int n = Math.min(k, items.length);
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    for (int a = 0; a < n; a++) {
      Set<String> fa = features.get(items[a]);
      for (int b = a + 1; b < n; b++) {
        Set<String> fb = features.get(items[b]);
        int common = 0;
        for (String f : fa) {
          if (fb.contains(f)) {
            common++;
          }
        }
        int union = fa.size() + fb.size() - common;
        sum += union == 0 ? 1 : 1 - (double) common / union;
      }
    }
    return sum / (n * (n - 1) / 2.0);
  }

  /**
   * Root mean squared error.
   *
   * @param predicted predictions
   * @param actual true values
   * @return RMSE, NaN for no values
   */
  public static double rmse(double[] predicted, double[] actual) {
    double ss = 0;
    for (int i = 0; i < predicted.length; i++) {
      double e = predicted[i] - actual[i];
      ss += e * e;
    }
    return predicted.length == 0 ? Double.NaN : Math.sqrt(ss / predicted.length);
  }

  /**
   * Mean absolute error.
   *
   * @param predicted predictions
   * @param actual true values
   * @return MAE, NaN for no values
   */
  public static double mae(double[] predicted, double[] actual) {
    double s = 0;
    for (int i = 0; i < predicted.length; i++) {
      s += Math.abs(predicted[i] - actual[i]);
    }
    return predicted.length == 0 ? Double.NaN : s / predicted.length;
  }
}
