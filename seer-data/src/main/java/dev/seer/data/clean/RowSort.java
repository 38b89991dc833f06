package dev.seer.data.clean;

import java.util.function.IntBinaryOperator;

/** Stable sorting of row positions with a comparator, without boxing. */
final class RowSort {
  private RowSort() {}

  /**
   * Returns {@code 0..n-1}.
   *
   * @param n count
   * @return identity permutation
   */
  static int[] identity(int n) {
    int[] a = new int[n];
    for (int k = 0; k < n; k++) {
      a[k] = k;
    }
    return a;
  }

  /**
   * Sorts rows stably (a merge sort): rows that compare equal keep their order.
   *
   * @param rows the rows to sort in place
   * @param cmp compares two rows
   */
  static void sort(int[] rows, IntBinaryOperator cmp) {
    int n = rows.length;
    if (n < 2) {
      return;
    }
    int[] buf = new int[n];
    int[] src = rows;
    int[] dst = buf;
    for (int lo = 0; lo < n; lo += 32) {
      insertion(rows, lo, Math.min(n, lo + 32), cmp);
    }
    for (int width = 32; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          dst[o++] = cmp.applyAsInt(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < mid) {
          dst[o++] = src[i++];
        }
        while (j < hi) {
          dst[o++] = src[j++];
        }
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    if (src != rows) {
      System.arraycopy(src, 0, rows, 0, n);
    }
  }

  private static void insertion(int[] a, int lo, int hi, IntBinaryOperator cmp) {
    for (int i = lo + 1; i < hi; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= lo && cmp.applyAsInt(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }
}
