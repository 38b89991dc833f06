package dev.seer.text;

/** Small dense-vector helpers for embeddings. */
public final class Vectors {
  private Vectors() {}

  /**
   * Scales a vector in place to unit Euclidean length; a zero vector stays zero.
   *
   * @param v the vector
   * @return {@code v}
   */
  public static float[] normalise(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    if (s > 0) {
      float inv = (float) (1.0 / Math.sqrt(s));
      for (int k = 0; k < v.length; k++) {
        v[k] *= inv;
      }
    }
    return v;
  }

  /**
   * Returns the dot product of {@code a} and row {@code row} of a row-major matrix {@code m}.
   *
   * @param a a vector of length {@code dim}
   * @param m the matrix
   * @param row the row
   * @param dim the row length
   * @return the dot product
   */
  public static float dot(float[] a, float[] m, int row, int dim) {
    int o = row * dim;
    float s = 0;
    for (int k = 0; k < dim; k++) {
      s += a[k] * m[o + k];
    }
    return s;
  }

  /**
   * Returns the dot product of two vectors of the same length.
   *
   * @param a one vector
   * @param b the other
   * @return the dot product
   */
  public static float dot(float[] a, float[] b) {
    float s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /**
   * Writes the dot product of {@code q} with every row of {@code m} into {@code out}.
   *
   * @param q the query, of length {@code dim}
   * @param m the row-major matrix of {@code out.length} rows
   * @param dim the row length
   * @param out one value per row
   */
  public static void scan(float[] q, float[] m, int dim, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = dot(q, m, i, dim);
    }
  }
}
