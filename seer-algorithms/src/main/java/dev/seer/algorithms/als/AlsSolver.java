package dev.seer.algorithms.als;

import dev.seer.algorithms.linalg.Dense;
import java.util.Arrays;

/**
 * The per-row least-squares problems of implicit ALS. For a row (a user, or an item) with observed
 * columns {@code j} of confidence {@code c_j} and the other side's factors {@code y_j}, the vector
 * {@code x} minimising {@code Σ_all c (p - xᵀy)² + λ|x|²} (with {@code p = 1} where observed, else
 * 0, and {@code c = 1} where not observed) solves {@code A x = b} with
 *
 * <pre>
 *   A = YᵀY + Σ_j (c_j - 1) y_j y_jᵀ + λI,      b = Σ_j c_j y_j
 * </pre>
 *
 * (Hu, Koren and Volinsky, ICDM 2008, eq. 4): the Gram matrix {@code YᵀY} is shared by all rows and
 * only the row's observed columns add a sparse correction. {@link #conjugateGradient} takes a few
 * CG steps from the current vector (Takács, Pilászy and Tikk, RecSys 2011); {@link #exact} solves
 * by Cholesky. Stateless; the caller passes scratch arrays, so one instance per thread is not
 * needed.
 */
final class AlsSolver {
  private AlsSolver() {}

  /**
   * The penalty of one row: {@code λ}, or with weighted-λ (ALS-WR) {@code λ} times the row's number
   * of observed entries, at least 1 so that a row without entries stays regularised.
   *
   * @param lambda {@code λ}
   * @param weighted whether the penalty grows with the row's entries
   * @param entries the row's observed entries
   * @return the row's penalty
   */
  static double rowLambda(double lambda, boolean weighted, int entries) {
    return weighted ? lambda * Math.max(1, entries) : lambda;
  }

  /** Scratch arrays for one thread. */
  static final class Scratch {
    final double[] a;
    final double[] b;
    final double[] x;
    final double[] r;
    final double[] p;
    final double[] ap;

    Scratch(int k) {
      a = new double[k * k];
      b = new double[k];
      x = new double[k];
      r = new double[k];
      p = new double[k];
      ap = new double[k];
    }
  }

  /**
   * Improves {@code x} (at {@code x[xo..xo+k)}) by up to {@code steps} conjugate-gradient steps on
   * {@code A x = b}. Stops early when the residual vanishes. The vectors are stored in single
   * precision (half the memory traffic of the random row reads that dominate the cost); the
   * arithmetic is in double precision.
   *
   * @param other the other side's factors, row-major, {@code k} per row
   * @param k factors
   * @param gram {@code YᵀY} of {@code other}, {@code k * k}
   * @param lambda {@code λ}
   * @param idx column indices of the row's observed entries
   * @param conf their confidences {@code c_j}, same positions as {@code idx}
   * @param from first position of the row
   * @param to one past its last position
   * @param x the vector to improve in place (holds the warm start)
   * @param xo offset of the vector in {@code x}
   * @param steps most CG steps
   * @param s scratch
   */
  static void conjugateGradient(
      float[] other,
      int k,
      double[] gram,
      double lambda,
      int[] idx,
      float[] conf,
      int from,
      int to,
      float[] xs,
      int xo,
      int steps,
      Scratch s) {
    double[] r = s.r;
    double[] p = s.p;
    double[] ap = s.ap;
    double[] x = s.x;
    for (int a = 0; a < k; a++) {
      x[a] = xs[xo + a];
    }
    // r = b - A x
    multiply(other, k, gram, lambda, idx, conf, from, to, x, r);
    for (int a = 0; a < k; a++) {
      r[a] = -r[a];
    }
    for (int q = from; q < to; q++) {
      double c = conf[q];
      int o = idx[q] * k;
      for (int a = 0; a < k; a++) {
        r[a] += c * other[o + a];
      }
    }
    double rs = 0;
    for (int a = 0; a < k; a++) {
      p[a] = r[a];
      rs += r[a] * r[a];
    }
    for (int step = 0; step < steps && rs > 1e-30; step++) {
      multiply(other, k, gram, lambda, idx, conf, from, to, p, ap);
      double pap = 0;
      for (int a = 0; a < k; a++) {
        pap += p[a] * ap[a];
      }
      if (!(pap > 0)) {
        break;
      }
      double alpha = rs / pap;
      double rsNew = 0;
      for (int a = 0; a < k; a++) {
        x[a] += alpha * p[a];
        r[a] -= alpha * ap[a];
        rsNew += r[a] * r[a];
      }
      double beta = rsNew / rs;
      for (int a = 0; a < k; a++) {
        p[a] = r[a] + beta * p[a];
      }
      rs = rsNew;
    }
    for (int a = 0; a < k; a++) {
      xs[xo + a] = (float) x[a];
    }
  }

  /** {@code out = A v}. */
  private static void multiply(
      float[] other,
      int k,
      double[] gram,
      double lambda,
      int[] idx,
      float[] conf,
      int from,
      int to,
      double[] v,
      double[] out) {
    Dense.symmetricMultiply(gram, k, lambda, v, 0, out);
    for (int q = from; q < to; q++) {
      double w = conf[q] - 1.0;
      if (w == 0) {
        continue;
      }
      int o = idx[q] * k;
      double d = w * Dense.dot(other, o, v, 0, k);
      for (int a = 0; a < k; a++) {
        out[a] += d * other[o + a];
      }
    }
  }

  /**
   * Builds {@code A} for a row and factors it by Cholesky, leaving {@code L} in {@code s.a} and
   * {@code b} in {@code s.b}.
   *
   * @param other the other side's factors, row-major, {@code k} per row
   * @param k factors
   * @param gram {@code YᵀY} of {@code other}
   * @param lambda {@code λ}
   * @param idx column indices of the row's observed entries
   * @param conf their confidences, same positions
   * @param from first position of the row
   * @param to one past its last position
   * @param explicit a row of ratings instead: then {@code A = Σ_j y_j y_jᵀ + λI} and {@code b = Σ_j
   *     r_j y_j} (ridge regression on the observed ratings, MLlib's explicit ALS), {@code conf}
   *     holds the ratings and {@code gram} is not read
   * @param s scratch that receives {@code L} and {@code b}
   */
  static void factor(
      float[] other,
      int k,
      double[] gram,
      double lambda,
      int[] idx,
      float[] conf,
      int from,
      int to,
      boolean explicit,
      Scratch s) {
    double[] a = s.a;
    double[] b = s.b;
    if (explicit) {
      Arrays.fill(a, 0, k * k, 0.0);
    } else {
      System.arraycopy(gram, 0, a, 0, k * k);
    }
    for (int i = 0; i < k; i++) {
      a[i * k + i] += lambda;
      b[i] = 0;
    }
    for (int q = from; q < to; q++) {
      double c = conf[q];
      double w = explicit ? 1.0 : c - 1.0;
      int o = idx[q] * k;
      for (int i = 0; i < k; i++) {
        double yi = other[o + i];
        b[i] += c * yi;
        if (w != 0 && yi != 0) {
          double wy = w * yi;
          int ai = i * k;
          for (int j = 0; j <= i; j++) {
            a[ai + j] += wy * other[o + j];
          }
        }
      }
    }
    if (!Dense.cholesky(a, k)) {
      throw new IllegalStateException("ALS normal equations are not positive definite");
    }
  }

  /**
   * Solves a row exactly: {@code x = A⁻¹ b}.
   *
   * @param other the other side's factors (float), row-major
   * @param k factors
   * @param gram {@code YᵀY} of {@code other}
   * @param lambda {@code λ}
   * @param idx column indices of the row's observed entries
   * @param conf their confidences, same positions
   * @param from first position of the row
   * @param to one past its last position
   * @param out receives {@code x} at {@code out[oo..oo+k)}
   * @param oo offset in {@code out}
   * @param explicit a row of ratings (see {@link #factor})
   * @param s scratch
   */
  static void exact(
      float[] other,
      int k,
      double[] gram,
      double lambda,
      int[] idx,
      float[] conf,
      int from,
      int to,
      float[] out,
      int oo,
      boolean explicit,
      Scratch s) {
    factor(other, k, gram, lambda, idx, conf, from, to, explicit, s);
    Dense.choleskySolve(s.a, k, s.b);
    for (int i = 0; i < k; i++) {
      out[oo + i] = (float) s.b[i];
    }
  }
}
