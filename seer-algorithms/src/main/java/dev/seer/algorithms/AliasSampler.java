package dev.seer.algorithms;

import java.util.SplittableRandom;

/**
 * Draws indices {@code 0..n-1} with probability proportional to given weights in constant time, by
 * Walker's alias method (A. J. Walker, "An efficient method for generating discrete random
 * variables with general distributions", ACM TOMS 3(3), 1977), built in linear time as described by
 * M. D. Vose ("A linear algorithm for generating random numbers with a given distribution", IEEE
 * TSE 17(9), 1991). Construction is deterministic, so the same weights and the same random
 * generator give the same draws. Immutable and thread-safe (the generator is the caller's).
 */
public final class AliasSampler {
  private final double[] prob;
  private final int[] alias;

  /**
   * Builds the tables.
   *
   * @param weights non-negative finite weights, not all zero
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
   */
  public AliasSampler(double[] weights) {
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    prob = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[nl - 1];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1;
      if (scaled[l] < 1) {
        nl--;
        small[ns++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      prob[l] = 1;
      alias[l] = l;
    }
    while (ns > 0) { // only through rounding: these columns are full
      int s = small[--ns];
      prob[s] = 1;
      alias[s] = s;
    }
  }

  /**
   * Returns the number of indices.
   *
   * @return n
   */
  public int size() {
    return prob.length;
  }

  /**
   * Draws one index.
   *
   * @param rnd the random generator
   * @return an index with probability proportional to its weight
   */
  public int next(SplittableRandom rnd) {
    int i = rnd.nextInt(prob.length);
    return rnd.nextDouble() < prob[i] ? i : alias[i];
  }
}
