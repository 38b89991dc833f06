package dev.seer.algorithms.hybrid;

/**
 * Per-user standardisation of score vectors, so that the parts of a hybrid or ensemble are on one
 * scale: {@code z_i = (s_i - mean) / sd} with the mean and the population standard deviation of the
 * user's scores over all items of the model. A constant vector ({@code sd = 0}) gets {@code sd =
 * 1}, so its standardised scores are all 0. Non-finite scores count as the lowest finite score of
 * the vector.
 */
final class ScoreNorm {
  private ScoreNorm() {}

  /**
   * Computes the mean and standard deviation of a score vector.
   *
   * @param s the scores (non-finite values are replaced in place by the lowest finite one)
   * @return {@code {mean, sd}}, {@code sd > 0}
   */
  static double[] stats(float[] s) {
    float low = Float.POSITIVE_INFINITY;
    boolean bad = false;
    for (float v : s) {
      if (Float.isFinite(v)) {
        low = Math.min(low, v);
      } else {
        bad = true;
      }
    }
    if (bad) {
      float fill = Float.isFinite(low) ? low : 0f;
      for (int i = 0; i < s.length; i++) {
        if (!Float.isFinite(s[i])) {
          s[i] = fill;
        }
      }
    }
    double sum = 0;
    for (float v : s) {
      sum += v;
    }
    double mean = s.length == 0 ? 0 : sum / s.length;
    double ss = 0;
    for (float v : s) {
      double d = v - mean;
      ss += d * d;
    }
    double sd = s.length == 0 ? 0 : Math.sqrt(ss / s.length);
    return new double[] {mean, sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1};
  }

  /**
   * Standardises a vector in place.
   *
   * @param s the scores
   * @return {@code {mean, sd}} as {@link #stats}
   */
  static double[] standardise(float[] s) {
    double[] st = stats(s);
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) ((s[i] - st[0]) / st[1]);
    }
    return st;
  }
}
