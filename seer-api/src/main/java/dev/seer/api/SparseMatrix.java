package dev.seer.api;

import java.util.Arrays;

/**
 * An immutable compressed sparse row matrix with {@code float} values. Within each row the column
 * indices are strictly increasing. The column-compressed form of a matrix is the CSR form of its
 * transpose ({@link #transpose()}).
 *
 * <p>The arrays are exposed for speed; callers must not modify them.
 */
public final class SparseMatrix {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] values;

  /**
   * Wraps CSR arrays without copying.
   *
   * @param rows number of rows
   * @param cols number of columns
   * @param indptr row pointers, length {@code rows + 1}
   * @param indices column indices, sorted and distinct within each row
   * @param values values, same length as {@code indices}
   */
  public SparseMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    if (indptr.length != rows + 1) {
      throw new IllegalArgumentException("indptr length " + indptr.length + " != rows + 1");
    }
    if (indices.length != values.length || indptr[rows] != indices.length) {
      throw new IllegalArgumentException("indices, values and indptr disagree on the entry count");
    }
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
  }

  /**
   * Builds a matrix from coordinates. Duplicate (row, col) pairs are merged: the entry that comes
   * last in the input wins, so callers that want sums or means must aggregate first.
   *
   * @param rows number of rows
   * @param cols number of columns
   * @param r row of each entry
   * @param c column of each entry
   * @param v value of each entry, or {@code null} for all ones
   * @param n number of entries to read from the arrays
   * @return the matrix
   */
  public static SparseMatrix fromCoordinates(
      int rows, int cols, int[] r, int[] c, float[] v, int n) {
    int[] count = new int[rows + 1];
    for (int k = 0; k < n; k++) {
      count[r[k] + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      count[i + 1] += count[i];
    }
    int[] pos = Arrays.copyOf(count, rows);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[pos[r[k]]++] = k;
    }
    // Sort each row's entries by column, stable with respect to input order.
    int[] outPtr = new int[rows + 1];
    int[] outIdx = new int[n];
    float[] outVal = new float[n];
    int out = 0;
    long[] keys = new long[0];
    for (int i = 0; i < rows; i++) {
      int start = count[i];
      int len = count[i + 1] - start;
      if (keys.length < len) {
        keys = new long[Math.max(len, keys.length * 2)];
      }
      for (int j = 0; j < len; j++) {
        int k = order[start + j];
        keys[j] = ((long) c[k] << 32) | (long) k;
      }
      Arrays.sort(keys, 0, len);
      for (int j = 0; j < len; j++) {
        int col = (int) (keys[j] >>> 32);
        int k = (int) keys[j];
        float val = v == null ? 1f : v[k];
        if (out > outPtr[i] && outIdx[out - 1] == col) {
          outVal[out - 1] = val; // later entry wins
        } else {
          outIdx[out] = col;
          outVal[out] = val;
          out++;
        }
      }
      outPtr[i + 1] = out;
    }
    return new SparseMatrix(
        rows, cols, outPtr, Arrays.copyOf(outIdx, out), Arrays.copyOf(outVal, out));
  }

  /**
   * Returns the number of rows.
   *
   * @return rows
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the number of columns.
   *
   * @return columns
   */
  public int cols() {
    return cols;
  }

  /**
   * Returns the number of stored entries.
   *
   * @return non-zeros
   */
  public int nnz() {
    return indices.length;
  }

  /**
   * Returns the row pointer array (do not modify).
   *
   * @return indptr, length {@code rows + 1}
   */
  public int[] indptr() {
    return indptr;
  }

  /**
   * Returns the column index array (do not modify).
   *
   * @return indices
   */
  public int[] indices() {
    return indices;
  }

  /**
   * Returns the value array (do not modify).
   *
   * @return values
   */
  public float[] values() {
    return values;
  }

  /**
   * Returns the first entry position of a row.
   *
   * @param row the row
   * @return start offset into {@link #indices()}
   */
  public int rowStart(int row) {
    return indptr[row];
  }

  /**
   * Returns one past the last entry position of a row.
   *
   * @param row the row
   * @return end offset into {@link #indices()}
   */
  public int rowEnd(int row) {
    return indptr[row + 1];
  }

  /**
   * Returns the number of entries in a row.
   *
   * @param row the row
   * @return the count
   */
  public int rowNnz(int row) {
    return indptr[row + 1] - indptr[row];
  }

  /**
   * Returns a copy of the column indices of a row.
   *
   * @param row the row
   * @return sorted column indices
   */
  public int[] row(int row) {
    return Arrays.copyOfRange(indices, indptr[row], indptr[row + 1]);
  }

  /**
   * Tells whether an entry is stored.
   *
   * @param row the row
   * @param col the column
   * @return true if (row, col) has an entry
   */
  public boolean contains(int row, int col) {
    return Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col) >= 0;
  }

  /**
   * Returns the value of an entry, or 0 when absent.
   *
   * @param row the row
   * @param col the column
   * @return the value
   */
  public float get(int row, int col) {
    int k = Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col);
    return k >= 0 ? values[k] : 0f;
  }

  /**
   * Returns the transpose (the column-compressed view of this matrix).
   *
   * @return a new matrix with rows and columns swapped
   */
  public SparseMatrix transpose() {
    int nnz = indices.length;
    int[] ptr = new int[cols + 1];
    for (int k = 0; k < nnz; k++) {
      ptr[indices[k] + 1]++;
    }
    for (int j = 0; j < cols; j++) {
      ptr[j + 1] += ptr[j];
    }
    int[] pos = Arrays.copyOf(ptr, cols);
    int[] idx = new int[nnz];
    float[] val = new float[nnz];
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        int p = pos[indices[k]]++;
        idx[p] = i;
        val[p] = values[k];
      }
    }
    return new SparseMatrix(cols, rows, ptr, idx, val);
  }
}
