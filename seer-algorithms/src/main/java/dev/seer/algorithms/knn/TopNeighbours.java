package dev.seer.algorithms.knn;

import java.util.Arrays;

/**
 * Keeps the {@code k} largest of a set of (index, similarity) candidates, ties to the lower index,
 * and returns them ordered by index. Not thread-safe; one per thread.
 */
final class TopNeighbours {
  /**
   * Kept neighbours.
   *
   * @param indices ascending indices
   * @param values their similarities
   */
  record Kept(int[] indices, float[] values) {}

  private long[] keys = new long[16];
  private int size;

  /** Forgets all candidates. */
  void clear() {
    size = 0;
  }

  /**
   * Adds a candidate; zero and non-finite similarities are skipped.
   *
   * @param index the candidate
   * @param sim its similarity
   */
  void add(int index, float sim) {
    if (sim == 0 || !Float.isFinite(sim)) {
      return;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    keys[size++] = ((long) sortable(-sim) << 32) | (index & 0xffffffffL);
  }

  /**
   * Returns the kept candidates.
   *
   * @param k how many to keep at most
   * @return the kept indices, ascending, and their similarities; the candidates are cleared
   */
  Kept take(int k) {
    int c = size;
    int n = Math.min(c, k);
    if (n < c) {
      Arrays.sort(keys, 0, c);
    }
    for (int t = 0; t < n; t++) {
      int j = (int) keys[t];
      float v = -unsortable((int) (keys[t] >> 32));
      keys[t] = ((long) j << 32) | (Float.floatToRawIntBits(v) & 0xffffffffL);
    }
    Arrays.sort(keys, 0, n);
    int[] idx = new int[n];
    float[] val = new float[n];
    for (int t = 0; t < n; t++) {
      idx[t] = (int) (keys[t] >>> 32);
      val[t] = Float.intBitsToFloat((int) keys[t]);
    }
    size = 0;
    return new Kept(idx, val);
  }

  /** Maps a float to an int whose signed order is the float's order (for non-NaN values). */
  private static int sortable(float f) {
    int bits = Float.floatToRawIntBits(f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  private static float unsortable(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
  }
}
