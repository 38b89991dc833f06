package dev.seer.algorithms.hybrid;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Shapley values of a game whose players bring additive contributions {@code x_k} to a quantity
 * that a function then maps to the score: {@code v(S) = g(sum_{k in S} x_k)}. This is how a
 * non-linear combination (reciprocal rank fusion: the share {@code w / (k + rank)} is a step
 * function of the part's score) sees the reasons of a part that add up to its score. The values add
 * up to {@code g(sum_k x_k) - g(0)} (efficiency) for every number of permutations.
 *
 * <p>{@link #sampled} is the permutation-sampling estimate (E. Štrumbelj and I. Kononenko,
 * "Explaining prediction models and individual predictions with feature contributions", Knowledge
 * and Information Systems 41, 2014; J. Castro, D. Gómez and J. Tejada, "Polynomial calculation of
 * the Shapley value based on sampling", Computers &amp; Operations Research 36, 2009): each sampled
 * permutation adds the players one by one and gives each its marginal change of {@code g}, so the
 * marginal changes of one permutation telescope to {@code g(all) - g(0)}. For a linear {@code g}
 * every marginal change of player {@code k} is {@code g'} times {@code x_k}, so one permutation
 * already gives the exact values. {@link #exact} enumerates all coalitions for small games.
 */
final class SumShapley {
  private SumShapley() {}

  /**
   * Sampled Shapley values.
   *
   * @param x the players' contributions
   * @param g the map from the summed contributions to the score
   * @param full {@code g(sum x)} as the caller computed it (used for the last step of every
   *     permutation, so that the values add up to exactly {@code full - g(0)})
   * @param permutations how many permutations, at least 1
   * @param seed seed of the permutations
   * @return one value per player
   */
  static double[] sampled(
      double[] x, DoubleUnaryOperator g, double full, int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
    }
    int n = x.length;
    double[] phi = new double[n];
    if (n == 0) {
      return phi;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    double empty = g.applyAsDouble(0);
    for (int m = 0; m < permutations; m++) {
      for (int k = n - 1; k > 0; k--) {
        int j = rnd.nextInt(k + 1);
        int t = order[k];
        order[k] = order[j];
        order[j] = t;
      }
      double sum = 0;
      double prev = empty;
      for (int p = 0; p < n; p++) {
        int k = order[p];
        sum += x[k];
        double now = p == n - 1 ? full : g.applyAsDouble(sum);
        phi[k] += now - prev;
        prev = now;
      }
    }
    for (int k = 0; k < n; k++) {
      phi[k] /= permutations;
    }
    return phi;
  }

  /**
   * Exact Shapley values by enumerating the {@code 2^n} coalitions; {@code n} at most 20.
   *
   * @param x the players' contributions
   * @param g the map from the summed contributions to the score
   * @return one value per player
   */
  static double[] exact(double[] x, DoubleUnaryOperator g) {
    int n = x.length;
    if (n > 20) {
      throw new IllegalArgumentException("exact Shapley values need n <= 20, got " + n);
    }
    double[] value = new double[1 << n];
    for (int s = 0; s < value.length; s++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        if ((s & (1 << k)) != 0) {
          sum += x[k];
        }
      }
      value[s] = g.applyAsDouble(sum);
    }
    double[] fact = new double[n + 1];
    fact[0] = 1;
    for (int k = 1; k <= n; k++) {
      fact[k] = fact[k - 1] * k;
    }
    double[] phi = new double[n];
    for (int s = 0; s < value.length; s++) {
      int size = Integer.bitCount(s);
      for (int k = 0; k < n; k++) {
        if ((s & (1 << k)) == 0) {
          phi[k] += fact[size] * fact[n - size - 1] / fact[n] * (value[s | (1 << k)] - value[s]);
        }
      }
    }
    return phi;
  }
}
