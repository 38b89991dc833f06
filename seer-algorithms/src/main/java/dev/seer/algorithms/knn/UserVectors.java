package dev.seer.algorithms.knn;

import dev.seer.api.SparseMatrix;

/**
 * The user vectors of user-based kNN: {@code x(u, i)} is 1, or the rating, or the rating minus the
 * user's mean, by the options; with their norms, their item-major copy, and the raw ratings and
 * means for rating prediction. Immutable and thread-safe; {@link #neighbours} needs a per-thread
 * {@link Scratch}.
 */
final class UserVectors {
  final SparseMatrix raw;
  final SparseMatrix byUser;
  final SparseMatrix byItem;
  final double[] norms;
  final double[] means;
  final double globalMean;
  final UserKnnOptions options;

  UserVectors(SparseMatrix raw, UserKnnOptions options) {
    this.raw = raw;
    this.options = options;
    int users = raw.rows();
    float[] rv = raw.values();
    means = new double[users];
    double total = 0;
    for (int u = 0; u < users; u++) {
      double s = 0;
      for (int k = raw.rowStart(u); k < raw.rowEnd(u); k++) {
        s += rv[k];
      }
      total += s;
      int n = raw.rowNnz(u);
      means[u] = n == 0 ? Double.NaN : s / n;
    }
    globalMean = raw.nnz() == 0 ? 0 : total / raw.nnz();
    float[] x = new float[raw.nnz()];
    norms = new double[users];
    for (int u = 0; u < users; u++) {
      double s = 0;
      for (int k = raw.rowStart(u); k < raw.rowEnd(u); k++) {
        x[k] = value(rv[k], means[u]);
        s += (double) x[k] * x[k];
      }
      norms[u] = Math.sqrt(s);
    }
    byUser = new SparseMatrix(users, raw.cols(), raw.indptr(), raw.indices(), x);
    byItem = byUser.transpose();
  }

  /** The vector value of a rating given the user's mean. */
  float value(float rating, double mean) {
    if (!options.useRatings()) {
      return 1f;
    }
    return options.meanCentring() ? (float) (rating - mean) : rating;
  }

  /** Per-thread work space. */
  static final class Scratch {
    final double[] acc;
    final int[] count;
    final int[] list;
    final TopNeighbours top = new TopNeighbours();

    Scratch(int users) {
      acc = new double[users];
      count = new int[users];
      list = new int[users];
    }
  }

  /**
   * Finds the most similar training users of a vector.
   *
   * @param items the vector's items, ascending and distinct
   * @param xs the vector's values at the same positions
   * @param from first position
   * @param to one past the last position
   * @param norm the vector's norm
   * @param exclude a user to leave out (the vector's own user), or -1
   * @param s work space
   * @return the top {@code neighbours} users, by index, with their similarities
   */
  TopNeighbours.Kept neighbours(
      int[] items, float[] xs, int from, int to, double norm, int exclude, Scratch s) {
    int[] iPtr = byItem.indptr();
    int[] iIdx = byItem.indices();
    float[] iVal = byItem.values();
    double[] acc = s.acc;
    int[] count = s.count;
    int[] list = s.list;
    int n = 0;
    for (int t = from; t < to; t++) {
      int j = items[t];
      double a = xs[t];
      for (int m = iPtr[j]; m < iPtr[j + 1]; m++) {
        int v = iIdx[m];
        if (v == exclude) {
          continue;
        }
        if (count[v]++ == 0) {
          list[n++] = v;
        }
        acc[v] += a * iVal[m];
      }
    }
    double shrink = options.shrinkage();
    TopNeighbours top = s.top;
    top.clear();
    for (int t = 0; t < n; t++) {
      int v = list[t];
      double dot = acc[v];
      int c = count[v];
      acc[v] = 0;
      count[v] = 0;
      double denom = norm * norms[v];
      if (denom > 0 && dot != 0) {
        double sim = dot / denom;
        if (shrink > 0) {
          sim *= c / (c + shrink);
        }
        top.add(v, (float) sim);
      }
    }
    return top.take(options.neighbours());
  }
}
