package dev.seer.spark;

/** Top-K selection with Seer's tie-break (higher score first, then lower item index). */
final class TopK {
  private TopK() {}

  /**
   * Returns the K best items, best first, skipping excluded ones.
   *
   * @param scores one score per item
   * @param excluded per item, true to skip
   * @param k how many
   * @return item indices
   */
  static int[] select(float[] scores, boolean[] excluded, int k) {
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      if (excluded[i] || Float.isNaN(scores[i])) {
        continue;
      }
      if (size < k) {
        heap[size] = i;
        up(heap, size, scores);
        size++;
      } else if (better(i, heap[0], scores)) {
        heap[0] = i;
        down(heap, size, scores);
      }
    }
    int[] out = new int[size];
    for (int j = size - 1; j >= 0; j--) {
      out[j] = heap[0];
      heap[0] = heap[j];
      down(heap, j, scores);
    }
    return out;
  }

  /** True if item a ranks before item b. */
  static boolean better(int a, int b, float[] s) {
    return s[a] > s[b] || (s[a] == s[b] && a < b);
  }

  // Min-heap on rank: the root is the worst kept item.
  private static void up(int[] h, int j, float[] s) {
    while (j > 0) {
      int p = (j - 1) / 2;
      if (better(h[p], h[j], s)) {
        int t = h[p];
        h[p] = h[j];
        h[j] = t;
        j = p;
      } else {
        return;
      }
    }
  }

  private static void down(int[] h, int size, float[] s) {
    int j = 0;
    while (true) {
      int l = 2 * j + 1;
      int r = l + 1;
      int w = j;
      if (l < size && better(h[w], h[l], s)) {
        w = l;
      }
      if (r < size && better(h[w], h[r], s)) {
        w = r;
      }
      if (w == j) {
        return;
      }
      int t = h[w];
      h[w] = h[j];
      h[j] = t;
      j = w;
    }
  }
}
