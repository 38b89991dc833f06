package dev.seer.algorithms.mf;

import dev.seer.algorithms.Checks;
import dev.seer.api.InputException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Arithmetic shared by the factor models: seeded initialisation and shuffles, dot products, the
 * ridge solve used for fold-in, cosine similarities and payload I/O. Factor matrices are flat
 * row-major {@code double} arrays: row {@code r} occupies {@code [r * k, (r + 1) * k)}.
 */
final class Latent {
  private Latent() {}

  /**
   * Returns a {@code rows x k} matrix of independent normal values with mean 0 and the given
   * standard deviation. Uses the Box-Muller transform with {@link StrictMath}, so the values are
   * the same on every JVM for a given generator state.
   */
  static double[] gaussian(int rows, int k, double std, SplittableRandom rnd) {
    double[] m = new double[Math.multiplyExact(rows, k)];
    for (int p = 0; p < m.length; p++) {
      double u1 = 1.0 - rnd.nextDouble(); // in (0, 1], so the log is finite
      double u2 = rnd.nextDouble();
      m[p] = std * StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
    return m;
  }

  /** Sets to zero the rows whose {@code count} is 0 (users or items without training ratings). */
  static void zeroEmptyRows(double[] m, int k, int[] indptr) {
    for (int r = 0; r + 1 < indptr.length; r++) {
      if (indptr[r + 1] == indptr[r]) {
        Arrays.fill(m, r * k, (r + 1) * k, 0.0);
      }
    }
  }

  /** Sets to zero the rows of items that no user rated. */
  static void zeroUnratedItems(double[] m, int k, int numItems, int[] itemIndices) {
    boolean[] rated = new boolean[numItems];
    for (int i : itemIndices) {
      rated[i] = true;
    }
    for (int i = 0; i < numItems; i++) {
      if (!rated[i]) {
        Arrays.fill(m, i * k, (i + 1) * k, 0.0);
      }
    }
  }

  /** Fisher-Yates shuffle of {@code a[from..to)}. */
  static void shuffle(int[] a, int from, int to, SplittableRandom rnd) {
    for (int n = to - from; n > 1; n--) {
      int j = from + rnd.nextInt(n);
      int last = from + n - 1;
      int t = a[last];
      a[last] = a[j];
      a[j] = t;
    }
  }

  /** Returns {@code 0, 1, ..., n-1}. */
  static int[] identity(int n) {
    int[] a = new int[n];
    for (int p = 0; p < n; p++) {
      a[p] = p;
    }
    return a;
  }

  /** Dot product of row {@code r} of {@code a} and row {@code s} of {@code b}. */
  static double dot(double[] a, int r, double[] b, int s, int k) {
    int ao = r * k;
    int bo = s * k;
    double d = 0;
    for (int f = 0; f < k; f++) {
      d += a[ao + f] * b[bo + f];
    }
    return d;
  }

  /** Euclidean norms of the rows of a {@code rows x k} matrix. */
  static double[] norms(double[] m, int rows, int k) {
    double[] n = new double[rows];
    for (int r = 0; r < rows; r++) {
      n[r] = Math.sqrt(dot(m, r, m, r, k));
    }
    return n;
  }

  /** Mean, minimum and maximum of the values; the values must not be empty. */
  static double[] meanMinMax(float[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {sum / values.length, min, max};
  }

  /**
   * Scores every item by the cosine of its factor row with {@code item}'s; items with a zero row
   * score 0 and the query item itself scores negative infinity.
   */
  static void cosine(double[] q, double[] norms, int k, int item, float[] out) {
    double ni = norms[item];
    for (int j = 0; j < out.length; j++) {
      double d = ni * norms[j];
      out[j] = d > 0 ? (float) (dot(q, item, q, j, k) / d) : 0f;
    }
    out[item] = Float.NEGATIVE_INFINITY;
  }

  /**
   * Checks the arguments of a fold-in call.
   *
   * @throws InputException if the lengths differ, an index is outside the items or a value is not
   *     finite
   */
  static void checkFoldIn(int[] items, float[] values, int numItems) {
    if (values != null && values.length != items.length) {
      throw new InputException(
          "Fold-in got "
              + items.length
              + " items but "
              + values.length
              + " values; give one rating per item.");
    }
    for (int p = 0; p < items.length; p++) {
      int j = items[p];
      if (j < 0 || j >= numItems) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + numItems
                + " items; map item ids with the model's item index.");
      }
      if (values != null && !Float.isFinite(values[p])) {
        throw new InputException(
            "Fold-in rating "
                + values[p]
                + " of item index "
                + j
                + " is not a finite number; give numeric ratings.");
      }
    }
  }

  /**
   * Solves the regularised least-squares problem of one new user with item parameters fixed:
   * minimise {@code sum_j (t_j - b - q_j . p)^2 + n (regBias b^2 + regFactor |p|^2)} over the bias
   * {@code b} and factors {@code p}, where {@code n} is the number of rows. The factor {@code n}
   * makes the solution the stationary point of the per-rating SGD update used in training, which
   * applies the regulariser once per rating.
   *
   * @param items the user's item indices
   * @param targets {@code t_j}, one per item
   * @param q item factors
   * @param k number of factors
   * @return {@code [b, p_0, ..., p_(k-1)]}; all zero when there are no items
   */
  static double[] ridge(
      int[] items, double[] targets, double[] q, int k, double regBias, double regFactor) {
    int d = k + 1;
    int n = items.length;
    double[] sol = new double[d];
    if (n == 0) {
      return sol;
    }
    double[] a = new double[d * d];
    double[] rhs = new double[d];
    double[] x = new double[d];
    for (int p = 0; p < n; p++) {
      x[0] = 1;
      System.arraycopy(q, items[p] * k, x, 1, k);
      for (int r = 0; r < d; r++) {
        rhs[r] += x[r] * targets[p];
        for (int c = 0; c <= r; c++) {
          a[r * d + c] += x[r] * x[c];
        }
      }
    }
    a[0] += n * regBias;
    for (int r = 1; r < d; r++) {
      a[r * d + r] += n * regFactor;
    }
    double[] l = cholesky(a, d);
    // Forward then backward substitution: L y = rhs, L^T sol = y.
    for (int r = 0; r < d; r++) {
      double s = rhs[r];
      for (int c = 0; c < r; c++) {
        s -= l[r * d + c] * sol[c];
      }
      sol[r] = s / l[r * d + r];
    }
    for (int r = d - 1; r >= 0; r--) {
      double s = sol[r];
      for (int c = r + 1; c < d; c++) {
        s -= l[c * d + r] * sol[c];
      }
      sol[r] = s / l[r * d + r];
    }
    return sol;
  }

  /**
   * Cholesky factor of a symmetric matrix given by its lower triangle. When the matrix is only
   * semi-definite (no regularisation and fewer ratings than unknowns), a small multiple of the
   * identity is added until the factorisation succeeds, which picks a minimum-norm-like solution.
   */
  private static double[] cholesky(double[] a, int d) {
    double scale = 0;
    for (int r = 0; r < d; r++) {
      scale = Math.max(scale, a[r * d + r]);
    }
    double jitter = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      double[] l = new double[d * d];
      boolean ok = true;
      for (int r = 0; r < d && ok; r++) {
        for (int c = 0; c <= r; c++) {
          double s = a[r * d + c] + (r == c ? jitter : 0);
          for (int m = 0; m < c; m++) {
            s -= l[r * d + m] * l[c * d + m];
          }
          if (r == c) {
            if (!(s > 1e-12 * Math.max(scale, 1))) {
              ok = false;
              break;
            }
            l[r * d + r] = Math.sqrt(s);
          } else {
            l[r * d + c] = s / l[c * d + c];
          }
        }
      }
      if (ok) {
        return l;
      }
      jitter = jitter == 0 ? 1e-9 * Math.max(scale, 1) : jitter * 10;
    }
    throw new IllegalStateException("the fold-in system has no finite solution");
  }

  /** Rejects parameters that became infinite or NaN, naming the learning rate to lower. */
  static void requireFinite(double[] m, String algorithm, int epoch, double learningRate) {
    for (double v : m) {
      if (!Double.isFinite(v)) {
        throw new InputException(
            algorithm
                + " diverged in epoch "
                + epoch
                + " (parameters became infinite); lower learningRate="
                + learningRate
                + " or raise the regularisation.");
      }
    }
  }

  static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  static double[] readDoubles(DataInputStream in, long expected, String what) throws IOException {
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IOException("corrupt payload: " + what + " would have " + expected + " entries");
    }
    Checks.requireLength(in.readInt(), (int) expected, what);
    double[] a = new double[(int) expected];
    for (int p = 0; p < a.length; p++) {
      a[p] = in.readDouble();
    }
    return a;
  }
}
