package dev.seer.eval;

/**
 * The few probability distributions the significance tests need: Student's t and the standard
 * normal. Implemented from the textbook definitions through the regularized incomplete beta and
 * gamma functions (Abramowitz and Stegun 6.5, 26.5, 26.7), evaluated with Lentz's continued
 * fractions.
 */
public final class Distributions {
  private static final double EPS = 1e-15;
  private static final double TINY = 1e-300;
  private static final int MAX_ITER = 10_000;

  private Distributions() {}

  /**
   * The natural logarithm of the gamma function, by the Lanczos approximation (g = 7, 9 terms),
   * accurate to about 1e-15 for positive arguments.
   *
   * @param x a positive number
   * @return ln Γ(x)
   */
  public static double lnGamma(double x) {
    if (x < 0.5) {
      // Reflection: Γ(x)Γ(1-x) = π / sin(πx)
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
    }
    double[] c = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double z = x - 1;
    double a = c[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /**
   * The regularized incomplete beta function I_x(a, b).
   *
   * @param x in [0, 1]
   * @param a positive
   * @param b positive
   * @return I_x(a, b)
   */
  public static double incompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront =
        lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 / nonZero(1 - qab * x / qap);
    double h = d;
    for (int m = 1; m <= MAX_ITER; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        break;
      }
    }
    return h;
  }

  /** Lentz's guard: keeps a continued-fraction term away from zero. */
  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }

  /**
   * The upper regularized incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
   *
   * @param a positive
   * @param x non-negative
   * @return Q(a, x)
   */
  public static double upperGamma(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    double lnFront = -x + a * Math.log(x) - lnGamma(a);
    if (x < a + 1) {
      double sum = 1 / a;
      double term = sum;
      for (int n = 1; n <= MAX_ITER; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPS) {
          break;
        }
      }
      return 1 - sum * Math.exp(lnFront);
    }
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i <= MAX_ITER; i++) {
      double an = -i * (i - a);
      b += 2;
      d = 1 / nonZero(an * d + b);
      c = nonZero(b + an / c);
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        break;
      }
    }
    return Math.exp(lnFront) * h;
  }

  /**
   * The probability that a standard normal variable exceeds {@code |z|} in either direction.
   *
   * @param z a z-score
   * @return the two-sided p-value 2·(1 − Φ(|z|))
   */
  public static double normalTwoSided(double z) {
    // 2 (1 - Φ(|z|)) = erfc(|z| / √2) = Q(1/2, z² / 2)
    return upperGamma(0.5, z * z / 2);
  }

  /**
   * The standard normal cumulative distribution function Φ(z).
   *
   * @param z a value
   * @return Φ(z)
   */
  public static double normalCdf(double z) {
    double tail = 0.5 * normalTwoSided(z);
    return z >= 0 ? 1 - tail : tail;
  }

  /**
   * The probability that Student's t with {@code df} degrees of freedom exceeds {@code |t|} in
   * either direction.
   *
   * @param t the statistic
   * @param df degrees of freedom, positive
   * @return the two-sided p-value
   */
  public static double studentTwoSided(double t, double df) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    return incompleteBeta(df / (df + t * t), df / 2, 0.5);
  }

  /**
   * The quantile of Student's t: the value q with P(T ≤ q) = p.
   *
   * @param p a probability in (0, 1)
   * @param df degrees of freedom, positive
   * @return the quantile
   */
  public static double studentQuantile(double p, double df) {
    if (!(p > 0 && p < 1) || !(df > 0)) {
      throw new IllegalArgumentException("need 0 < p < 1 and df > 0, got p=" + p + ", df=" + df);
    }
    if (p == 0.5) {
      return 0;
    }
    double tail = p < 0.5 ? 2 * p : 2 * (1 - p); // two-sided p-value of the answer
    double lo = 0;
    double hi = 1;
    while (studentTwoSided(hi, df) > tail) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
      double mid = 0.5 * (lo + hi);
      if (studentTwoSided(mid, df) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double q = 0.5 * (lo + hi);
    return p < 0.5 ? -q : q;
  }
}
