package dev.seer.neural;

import dev.seer.api.Interactions;
import java.util.Arrays;

/**
 * Each user's items in time order (ties by row order; row order when there are no timestamps), the
 * input of the sequential models.
 */
final class Sequences {
  private Sequences() {}

  /**
   * Returns every user's item sequence, oldest first.
   *
   * @param data interactions
   * @return one array per user in the index, possibly empty
   */
  static int[][] of(Interactions data) {
    int n = data.numUsers();
    int[] count = new int[n];
    for (int k = 0; k < data.size(); k++) {
      count[data.user(k)]++;
    }
    int[][] rows = new int[n][];
    for (int u = 0; u < n; u++) {
      rows[u] = new int[count[u]];
    }
    int[] fill = new int[n];
    for (int k = 0; k < data.size(); k++) {
      int u = data.user(k);
      rows[u][fill[u]++] = k;
    }
    long[] time = data.timeColumn();
    int[][] out = new int[n][];
    for (int u = 0; u < n; u++) {
      int[] r = rows[u];
      if (time != null) {
        Integer[] boxed = new Integer[r.length];
        for (int j = 0; j < r.length; j++) {
          boxed[j] = r[j];
        }
        Arrays.sort(
            boxed,
            (a, b) -> {
              int c = Long.compare(time[a], time[b]);
              return c != 0 ? c : Integer.compare(a, b);
            });
        for (int j = 0; j < r.length; j++) {
          r[j] = boxed[j];
        }
      }
      int[] items = new int[r.length];
      for (int j = 0; j < r.length; j++) {
        items[j] = data.item(r[j]);
      }
      out[u] = items;
    }
    return out;
  }

  /**
   * Returns the last {@code max} items of a sequence, left-padded with {@code pad} to length {@code
   * max}.
   *
   * @param seq the items, oldest first
   * @param max the window length
   * @param pad the padding index
   * @return an array of length {@code max}
   */
  static int[] window(int[] seq, int max, int pad) {
    int[] w = new int[max];
    Arrays.fill(w, pad);
    int take = Math.min(max, seq.length);
    System.arraycopy(seq, seq.length - take, w, max - take, take);
    return w;
  }
}
