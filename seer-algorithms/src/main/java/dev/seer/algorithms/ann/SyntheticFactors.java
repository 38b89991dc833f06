package dev.seer.algorithms.ann;

import java.util.SplittableRandom;

/**
 * Seeded synthetic vectors shaped like matrix-factorisation factors, for tests and {@link
 * AnnBenchmark}. Items fall into Gaussian clusters of unequal size (cluster {@code c} is chosen
 * with weight {@code 1 / sqrt(c + 1)}); each cluster has a random centre of norm about 1 and a
 * random scale, and each item adds its own noise and a log-normal norm factor, so norms vary as
 * they do for items of unequal popularity. Users mix a main cluster centre with a second one, plus
 * noise, with log-normal norms.
 *
 * @param dimension vector length
 * @param clusters number of item clusters
 * @param seed the seed; the same seed gives the same vectors
 */
record SyntheticFactors(int dimension, int clusters, long seed) {
  /** Spread of an item around its cluster centre, relative to the centre norm. */
  private static final double ITEM_NOISE = 0.45;

  /** Standard deviation of the log of an item's norm factor. */
  private static final double ITEM_NORM_SIGMA = 0.35;

  /** Standard deviation of the log of a cluster's scale. */
  private static final double CLUSTER_SCALE_SIGMA = 0.25;

  /** Weight of a user's second cluster. */
  private static final double USER_MIX = 0.5;

  /** Spread of a user around the mixed centre, relative to the centre norm. */
  private static final double USER_NOISE = 0.6;

  /** Standard deviation of the log of a user's norm factor. */
  private static final double USER_NORM_SIGMA = 0.3;

  private double[] centres() {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[clusters * dimension];
    double s = 1 / Math.sqrt(dimension);
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextGaussian() * s;
    }
    return c;
  }

  /** Cumulative cluster weights {@code 1 / sqrt(c + 1)}, normalised. */
  private double[] cumulativeWeights() {
    double[] w = new double[clusters];
    double sum = 0;
    for (int c = 0; c < clusters; c++) {
      sum += 1 / Math.sqrt(c + 1);
      w[c] = sum;
    }
    for (int c = 0; c < clusters; c++) {
      w[c] /= sum;
    }
    return w;
  }

  private static int pick(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Returns item vectors, {@code n * dimension} floats.
   *
   * @param n number of items
   * @return the vectors, row-major
   */
  float[] items(int n) {
    double[] c = centres();
    double[] w = cumulativeWeights();
    SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    double[] scale = new double[clusters];
    for (int k = 0; k < clusters; k++) {
      scale[k] = Math.exp(r.nextGaussian() * CLUSTER_SCALE_SIGMA);
    }
    float[] out = new float[n * dimension];
    double noise = ITEM_NOISE / Math.sqrt(dimension);
    for (int i = 0; i < n; i++) {
      int k = pick(w, r.nextDouble());
      double f = scale[k] * Math.exp(r.nextGaussian() * ITEM_NORM_SIGMA);
      for (int j = 0; j < dimension; j++) {
        out[i * dimension + j] = (float) (f * (c[k * dimension + j] + r.nextGaussian() * noise));
      }
    }
    return out;
  }

  /**
   * Returns user vectors (queries), {@code n * dimension} floats.
   *
   * @param n number of users
   * @param userSeed seed of the users, so that queries differ from the items' draws
   * @return the vectors, row-major
   */
  float[] users(int n, long userSeed) {
    double[] c = centres();
    double[] w = cumulativeWeights();
    SplittableRandom r = new SplittableRandom(userSeed);
    float[] out = new float[n * dimension];
    double noise = USER_NOISE / Math.sqrt(dimension);
    for (int i = 0; i < n; i++) {
      int a = pick(w, r.nextDouble());
      int b = r.nextInt(clusters);
      double f = Math.exp(r.nextGaussian() * USER_NORM_SIGMA);
      for (int j = 0; j < dimension; j++) {
        double x = c[a * dimension + j] + USER_MIX * c[b * dimension + j];
        out[i * dimension + j] = (float) (f * (x + r.nextGaussian() * noise));
      }
    }
    return out;
  }
}
