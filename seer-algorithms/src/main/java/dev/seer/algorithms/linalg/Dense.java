package dev.seer.algorithms.linalg;

/**
 * Small dense kernels on row-major {@code double} arrays, used per user or item where a native call
 * would cost more than the work (matrices of a few hundred rows at most). Every method does its
 * arithmetic in a fixed order, so results do not depend on threads or the machine's BLAS.
 */
public final class Dense {
  private Dense() {}

  /**
   * Factors a symmetric positive definite matrix as {@code L Lᵀ} in place (Cholesky). Only the
   * lower triangle ({@code a[i * n + j]}, {@code j <= i}) is read; it is overwritten with {@code
   * L}. The upper triangle is left as it was.
   *
   * @param a the matrix, {@code n * n}, row-major
   * @param n its order
   * @return false if the matrix is not (numerically) positive definite
   */
  public static boolean cholesky(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double d = a[rj + j];
      for (int k = 0; k < j; k++) {
        d -= a[rj + k] * a[rj + k];
      }
      if (!(d > 0)) {
        return false;
      }
      d = Math.sqrt(d);
      a[rj + j] = d;
      for (int i = j + 1; i < n; i++) {
        int ri = i * n;
        double s = a[ri + j];
        for (int k = 0; k < j; k++) {
          s -= a[ri + k] * a[rj + k];
        }
        a[ri + j] = s / d;
      }
    }
    return true;
  }

  /**
   * Solves {@code L Lᵀ x = b} in place, with {@code L} from {@link #cholesky}.
   *
   * @param l the factor, {@code n * n}, row-major lower triangle
   * @param n the order
   * @param b the right-hand side; receives {@code x}
   */
  public static void choleskySolve(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      double s = b[i];
      int ri = i * n;
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * b[k];
      }
      b[i] = s / l[ri + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * b[k];
      }
      b[i] = s / l[i * n + i];
    }
  }

  /**
   * Computes the Gram matrix {@code FᵀF} of a row-major {@code rows x k} matrix.
   *
   * @param f the matrix
   * @param rows its rows
   * @param k its columns
   * @return {@code k * k}, row-major, both triangles filled
   */
  public static double[] gram(float[] f, int rows, int k) {
    double[] g = new double[k * k];
    for (int r = 0; r < rows; r++) {
      int o = r * k;
      for (int a = 0; a < k; a++) {
        double fa = f[o + a];
        if (fa == 0) {
          continue;
        }
        int ga = a * k;
        for (int b = 0; b <= a; b++) {
          g[ga + b] += fa * f[o + b];
        }
      }
    }
    symmetrise(g, k);
    return g;
  }

  /**
   * Computes the Gram matrix {@code FᵀF} of a row-major {@code rows x k} matrix.
   *
   * @param f the matrix
   * @param rows its rows
   * @param k its columns
   * @return {@code k * k}, row-major, both triangles filled
   */
  public static double[] gram(double[] f, int rows, int k) {
    double[] g = new double[k * k];
    for (int r = 0; r < rows; r++) {
      int o = r * k;
      for (int a = 0; a < k; a++) {
        double fa = f[o + a];
        if (fa == 0) {
          continue;
        }
        int ga = a * k;
        for (int b = 0; b <= a; b++) {
          g[ga + b] += fa * f[o + b];
        }
      }
    }
    symmetrise(g, k);
    return g;
  }

  /** Copies the lower triangle of a row-major square matrix to its upper triangle. */
  private static void symmetrise(double[] g, int k) {
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        g[b * k + a] = g[a * k + b];
      }
    }
  }
}
