package dev.seer.algorithms.linalg;

/**
 * Small dense kernels on row-major {@code double} arrays, used per user or item where a native call
 * would cost more than the work (matrices of a few hundred rows at most). Every method does its
 * arithmetic in a fixed order, so results do not depend on threads or the machine's BLAS.
 */
public final class Dense {
  private Dense() {}

  /**
   * Returns the dot product of {@code a[ao..ao+n)} and {@code b[bo..bo+n)}, summed in four
   * interleaved partial sums (positions {@code 0, 4, 8...}, {@code 1, 5, 9...} and so on, added
   * together at the end), which keeps the processor's adders busy instead of waiting on one chain
   * of additions. The order is fixed, so the result is reproducible.
   *
   * @param a first vector's array
   * @param ao its offset
   * @param b second vector's array
   * @param bo its offset
   * @param n length
   * @return the dot product
   */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    for (; q + 3 < n; q += 4) {
      s0 += a[ao + q] * b[bo + q];
      s1 += a[ao + q + 1] * b[bo + q + 1];
      s2 += a[ao + q + 2] * b[bo + q + 2];
      s3 += a[ao + q + 3] * b[bo + q + 3];
    }
    for (; q < n; q++) {
      s0 += a[ao + q] * b[bo + q];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Returns the dot product of a float and a double vector, in double precision, summed as {@link
   * #dot(double[], int, double[], int, int)}.
   *
   * @param a first vector's array
   * @param ao its offset
   * @param b second vector's array
   * @param bo its offset
   * @param n length
   * @return the dot product
   */
  public static double dot(float[] a, int ao, double[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    for (; q + 3 < n; q += 4) {
      s0 += a[ao + q] * b[bo + q];
      s1 += a[ao + q + 1] * b[bo + q + 1];
      s2 += a[ao + q + 2] * b[bo + q + 2];
      s3 += a[ao + q + 3] * b[bo + q + 3];
    }
    for (; q < n; q++) {
      s0 += a[ao + q] * b[bo + q];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Returns the dot product of two float vectors, with products and sums in double precision,
   * summed as {@link #dot(double[], int, double[], int, int)}.
   *
   * @param a first vector's array
   * @param ao its offset
   * @param b second vector's array
   * @param bo its offset
   * @param n length
   * @return the dot product
   */
  public static double dot(float[] a, int ao, float[] b, int bo, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    for (; q + 3 < n; q += 4) {
      s0 += (double) a[ao + q] * b[bo + q];
      s1 += (double) a[ao + q + 1] * b[bo + q + 1];
      s2 += (double) a[ao + q + 2] * b[bo + q + 2];
      s3 += (double) a[ao + q + 3] * b[bo + q + 3];
    }
    for (; q < n; q++) {
      s0 += (double) a[ao + q] * b[bo + q];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Computes {@code out = (S + shift I) v} for a float vector; see {@link
   * #symmetricMultiply(double[], int, double, double[], int, double[])}.
   *
   * @param s the matrix
   * @param n its order
   * @param shift added to the diagonal
   * @param v the vector, at {@code v[vo..vo+n)}
   * @param vo its offset
   * @param out receives the product, length at least {@code n}
   */
  public static void symmetricMultiply(
      double[] s, int n, double shift, float[] v, int vo, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = shift * v[vo + i];
    }
    for (int j = 0; j < n; j++) {
      double vj = v[vo + j];
      int o = j * n;
      for (int i = 0; i < n; i++) {
        out[i] += s[o + i] * vj;
      }
    }
  }

  /**
   * Computes {@code out = (S + shift I) v} for a symmetric row-major {@code n x n} matrix {@code S}
   * with both triangles filled. Each {@code out[i]} is {@code shift v_i + Σ_j S_ij v_j} summed in
   * the order of {@code j}; the loop runs column by column so that it vectorises.
   *
   * @param s the matrix
   * @param n its order
   * @param shift added to the diagonal
   * @param v the vector, at {@code v[vo..vo+n)}
   * @param vo its offset
   * @param out receives the product, length at least {@code n}
   */
  public static void symmetricMultiply(
      double[] s, int n, double shift, double[] v, int vo, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = shift * v[vo + i];
    }
    for (int j = 0; j < n; j++) {
      double vj = v[vo + j];
      int o = j * n;
      for (int i = 0; i < n; i++) {
        out[i] += s[o + i] * vj;
      }
    }
  }

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
