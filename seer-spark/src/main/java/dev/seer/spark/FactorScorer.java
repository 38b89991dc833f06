package dev.seer.spark;

import java.util.Arrays;

/**
 * Dot products with item factors, summed factor by factor in the same order as Seer's {@code
 * AlsModel}, so that scores are bit-for-bit those of the exported model.
 */
public final class FactorScorer implements Scorer {
  private static final long serialVersionUID = 1L;
  private final int n;
  private final int k;
  private final float[] byFactor;

  /**
   * Creates a scorer.
   *
   * @param itemFactors items × k, row-major
   * @param n number of items
   * @param k number of factors
   */
  public FactorScorer(float[] itemFactors, int n, int k) {
    this.n = n;
    this.k = k;
    this.byFactor = new float[itemFactors.length];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        byFactor[a * n + i] = itemFactors[i * k + a];
      }
    }
  }

  @Override
  public int numItems() {
    return n;
  }

  @Override
  public void score(float[] x, int[] seen, float[] out) {
    Arrays.fill(out, 0, n, 0f);
    if (x == null) {
      return;
    }
    for (int a = 0; a < k; a++) {
      float xa = x[a];
      int o = a * n;
      for (int i = 0; i < n; i++) {
        out[i] += xa * byFactor[o + i];
      }
    }
  }
}
