package dev.seer.eval;

import java.util.Arrays;

/**
 * Paired significance tests between two algorithms' per-user values on the same users: Student's
 * paired t-test and the Wilcoxon signed-rank test.
 */
public final class Significance {
  /** Up to this many non-zero differences without ties, Wilcoxon uses the exact distribution. */
  public static final int WILCOXON_EXACT_MAX = 50;

  private Significance() {}

  /**
   * Student's paired t-test of mean(a − b) = 0.
   *
   * @param a values of the first algorithm, one per user
   * @param b values of the second algorithm for the same users, in the same order
   * @return the result; p is 1 when every difference is 0, NaN when there are fewer than 2 pairs
   */
  public static TestResult pairedT(double[] a, double[] b) {
    double[] d = differences(a, b);
    int n = d.length;
    Summary s = Summary.of(d);
    if (n < 2) {
      return new TestResult("paired-t", n, s.mean(), Double.NaN, Double.NaN, Double.NaN, false);
    }
    if (s.sd() == 0) {
      double t = s.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, s.mean());
      return new TestResult("paired-t", n, s.mean(), t, Double.NaN, s.mean() == 0 ? 1 : 0, false);
    }
    double t = s.mean() / (s.sd() / Math.sqrt(n));
    return new TestResult(
        "paired-t", n, s.mean(), t, Double.NaN, Distributions.studentTwoSided(t, n - 1), false);
  }

  /**
   * The Wilcoxon signed-rank test. Zero differences are dropped (Wilcoxon's method); tied absolute
   * differences get their mean rank. With at most {@value #WILCOXON_EXACT_MAX} non-zero differences
   * and no ties the p-value is exact; otherwise it uses the normal approximation with the tie
   * correction of the variance and a continuity correction of 0.5.
   *
   * @param a values of the first algorithm, one per user
   * @param b values of the second algorithm for the same users
   * @return the result; p is 1 when no difference is non-zero
   */
  public static TestResult wilcoxon(double[] a, double[] b) {
    double[] all = differences(a, b);
    double meanDiff = Summary.of(all).mean();
    double[] d = Arrays.stream(all).filter(x -> x != 0).toArray();
    int n = d.length;
    if (n == 0) {
      return new TestResult("wilcoxon", 0, meanDiff, 0, 0, 1, true);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(Math.abs(d[x]), Math.abs(d[y])));
    double[] rank = new double[n];
    double tieTerm = 0;
    boolean ties = false;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
        j++;
      }
      double r = (i + j + 2) / 2.0; // ranks are 1-based: mean of i+1 .. j+1
      for (int k = i; k <= j; k++) {
        rank[order[k]] = r;
      }
      int t = j - i + 1;
      if (t > 1) {
        ties = true;
        tieTerm += (double) t * t * t - t;
      }
      i = j + 1;
    }
    double wPlus = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        wPlus += rank[i];
      }
    }
    if (!ties && n <= WILCOXON_EXACT_MAX) {
      return new TestResult("wilcoxon", n, meanDiff, wPlus, Double.NaN, exactP(n, wPlus), true);
    }
    double mean = n * (n + 1) / 4.0;
    double var = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
    double diff = wPlus - mean;
    double corrected = Math.signum(diff) * Math.max(0, Math.abs(diff) - 0.5);
    double z = var > 0 ? corrected / Math.sqrt(var) : 0;
    return new TestResult(
        "wilcoxon", n, meanDiff, wPlus, z, Distributions.normalTwoSided(z), false);
  }

  /** Exact two-sided p-value of W+ with n untied non-zero differences. */
  private static double exactP(int n, double wPlus) {
    int max = n * (n + 1) / 2;
    // count[s] = number of sign patterns of ranks 1..n with W+ = s (as doubles: up to 2^50)
    double[] count = new double[max + 1];
    count[0] = 1;
    for (int r = 1; r <= n; r++) {
      for (int s = max; s >= r; s--) {
        count[s] += count[s - r];
      }
    }
    double total = Math.pow(2, n);
    int w = (int) Math.round(wPlus);
    double lower = 0;
    for (int s = 0; s <= w; s++) {
      lower += count[s];
    }
    double upper = 0;
    for (int s = w; s <= max; s++) {
      upper += count[s];
    }
    return Math.min(1, 2 * Math.min(lower, upper) / total);
  }

  private static double[] differences(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "paired tests need the same users: " + a.length + " vs " + b.length + " values");
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }
}
