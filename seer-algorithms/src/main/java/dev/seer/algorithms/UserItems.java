package dev.seer.algorithms;

import dev.seer.api.InputException;
import java.util.Arrays;

/**
 * A fold-in user's items, checked and merged: sorted, distinct item indices with one value each.
 * Models that fold in use it so that bad input is rejected the same way everywhere.
 *
 * @param items distinct item indices in increasing order
 * @param values the value of each item: the sum of the values given for it (1 per listing when no
 *     values were given)
 */
public record UserItems(int[] items, float[] values) {
  /**
   * Checks and merges a fold-in request.
   *
   * @param items item indices, in any order, possibly repeated
   * @param values one value per item, or {@code null} for 1 each
   * @param numItems the model's item count
   * @return the merged items
   * @throws InputException if the lengths differ or an index is outside {@code 0..numItems-1}
   */
  public static UserItems of(int[] items, float[] values, int numItems) {
    if (items == null) {
      throw new InputException("Fold-in got no item list; give the user's item indices.");
    }
    if (values != null && values.length != items.length) {
      throw new InputException(
          "Fold-in got "
              + items.length
              + " items but "
              + values.length
              + " values; give one value per item.");
    }
    long[] keys = new long[items.length];
    for (int k = 0; k < items.length; k++) {
      int j = items[k];
      if (j < 0 || j >= numItems) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + numItems
                + " items; map item ids with the model's item index.");
      }
      if (values != null && !Float.isFinite(values[k])) {
        throw new InputException(
            "Fold-in value " + values[k] + " of item index " + j + " is not a finite number.");
      }
      keys[k] = ((long) j << 32) | k;
    }
    Arrays.sort(keys);
    int[] idx = new int[items.length];
    float[] val = new float[items.length];
    int n = 0;
    for (long key : keys) {
      int j = (int) (key >>> 32);
      float v = values == null ? 1f : values[(int) key];
      if (n > 0 && idx[n - 1] == j) {
        val[n - 1] += v;
      } else {
        idx[n] = j;
        val[n] = v;
        n++;
      }
    }
    return new UserItems(Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
  }

  /**
   * Returns the number of distinct items.
   *
   * @return the count
   */
  public int size() {
    return items.length;
  }
}
