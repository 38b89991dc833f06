package dev.seer.text.explain;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Per-feature contributions of a score {@code f(x)} relative to a baseline input {@code b}: the
 * Shapley values of the game whose coalition {@code S} scores {@code f(z)} with {@code z_k = x_k}
 * for {@code k} in {@code S} and {@code z_k = b_k} otherwise. They add up to {@code f(x) - f(b)}
 * (efficiency).
 *
 * <ul>
 *   <li>{@link #linear}: exact, for a linear score {@code f(x) = c + w . x}: {@code phi_k = w_k
 *       (x_k - b_k)}.
 *   <li>{@link #exact}: exact by enumerating all {@code 2^n} coalitions, for small {@code n}.
 *   <li>{@link #sampled}: the permutation-sampling estimate of Štrumbelj and Kononenko ("Explaining
 *       prediction models and individual predictions with feature contributions", Knowledge and
 *       Information Systems 41, 2014, 647–665), with the baseline in place of a random data
 *       instance; each sampled permutation is walked once and gives every feature its marginal
 *       contribution (as in Castro, Gómez and Tejada, Computers &amp; Operations Research 36,
 *       2009), so the estimate is unbiased and efficiency holds exactly for every sample size.
 * </ul>
 */
public final class Shapley {
  private Shapley() {}

  /**
   * Exact contributions of a linear score.
   *
   * @param weights the weights {@code w}
   * @param x the input
   * @param baseline the baseline input
   * @return {@code w_k (x_k - b_k)}
   */
  public static double[] linear(double[] weights, double[] x, double[] baseline) {
    check(x, baseline);
    if (weights.length != x.length) {
      throw new IllegalArgumentException(
          "weights have " + weights.length + " values, the input " + x.length);
    }
    double[] phi = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      phi[k] = weights[k] * (x[k] - baseline[k]);
    }
    return phi;
  }

  /**
   * Exact Shapley values by enumerating every coalition; {@code n} at most 20.
   *
   * @param f the score
   * @param x the input
   * @param baseline the baseline input
   * @return one value per feature
   */
  public static double[] exact(ToDoubleFunction<double[]> f, double[] x, double[] baseline) {
    check(x, baseline);
    int n = x.length;
    if (n > 20) {
      throw new IllegalArgumentException("exact Shapley values need n <= 20, got " + n);
    }
    double[] value = new double[1 << n];
    double[] z = new double[n];
    for (int s = 0; s < value.length; s++) {
      for (int k = 0; k < n; k++) {
        z[k] = (s & (1 << k)) != 0 ? x[k] : baseline[k];
      }
      value[s] = f.applyAsDouble(z.clone());
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
          double w = fact[size] * fact[n - size - 1] / fact[n];
          phi[k] += w * (value[s | (1 << k)] - value[s]);
        }
      }
    }
    return phi;
  }

  /**
   * Sampled Shapley values from random permutations.
   *
   * @param f the score
   * @param x the input
   * @param baseline the baseline input
   * @param permutations how many permutations to sample, at least 1
   * @param seed the seed of the permutations
   * @return one estimate per feature; they sum to {@code f(x) - f(baseline)} up to rounding
   */
  public static double[] sampled(
      ToDoubleFunction<double[]> f, double[] x, double[] baseline, int permutations, long seed) {
    check(x, baseline);
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
    double base = f.applyAsDouble(baseline.clone());
    for (int m = 0; m < permutations; m++) {
      for (int k = n - 1; k > 0; k--) {
        int j = rnd.nextInt(k + 1);
        int t = order[k];
        order[k] = order[j];
        order[j] = t;
      }
      double[] z = baseline.clone();
      double prev = base;
      for (int k : order) {
        z[k] = x[k];
        double now = f.applyAsDouble(z.clone());
        phi[k] += now - prev;
        prev = now;
      }
    }
    for (int k = 0; k < n; k++) {
      phi[k] /= permutations;
    }
    return phi;
  }

  private static void check(double[] x, double[] baseline) {
    if (x.length != baseline.length) {
      throw new IllegalArgumentException(
          "the input has " + x.length + " values, the baseline " + baseline.length);
    }
  }
}
