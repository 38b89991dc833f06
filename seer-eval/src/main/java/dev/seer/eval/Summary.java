package dev.seer.eval;

/**
 * The mean of per-user values with its 95% confidence interval from Student's t.
 *
 * @param n number of values
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n − 1 in the denominator); 0 when n &lt; 2
 * @param ciLow lower end of the 95% confidence interval of the mean
 * @param ciHigh upper end
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {
  /**
   * Summarises values, summed in array order (so the result is reproducible bit for bit).
   *
   * @param values the values
   * @return the summary; NaN fields when there are no values
   */
  public static Summary of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Summary(1, mean, 0, mean, mean);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = Distributions.studentQuantile(0.975, n - 1) * sd / Math.sqrt(n);
    return new Summary(n, mean, sd, mean - half, mean + half);
  }

  /**
   * Returns half the width of the confidence interval.
   *
   * @return the ± part
   */
  public double halfWidth() {
    return (ciHigh - ciLow) / 2;
  }
}
