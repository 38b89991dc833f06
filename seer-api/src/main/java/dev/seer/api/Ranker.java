package dev.seer.api;

import java.util.function.IntPredicate;

/**
 * The one shared ranker: it turns a score vector into a top-N list, skipping excluded items. Order
 * is by score, descending; ties go to the lower item index, so rankings are deterministic. {@code
 * NaN} scores rank as negative infinity.
 */
public final class Ranker {
  private Ranker() {}

  /**
   * Picks the top {@code n} items.
   *
   * @param scores one score per item
   * @param n how many items to return (fewer when fewer are allowed)
   * @param exclude returns true for items that must not be returned, or {@code null}
   * @return the ranking, best first
   */
  public static Ranking topN(float[] scores, int n, IntPredicate exclude) {
    if (n < 0) {
      throw new InputException("n must be zero or more, got " + n + ".");
    }
    int cap = Math.min(n, scores.length);
    int[] heap = new int[cap]; // min-heap by (score, -index): the worst kept item at the root
    int size = 0;
    for (int i = 0; i < scores.length && cap > 0; i++) {
      if (exclude != null && exclude.test(i)) {
        continue;
      }
      if (size < cap) {
        heap[size] = i;
        siftUp(heap, size, scores);
        size++;
      } else if (better(i, heap[0], scores)) {
        heap[0] = i;
        siftDown(heap, size, scores);
      }
    }
    int[] items = new int[size];
    float[] out = new float[size];
    for (int k = size - 1; k >= 0; k--) {
      items[k] = heap[0];
      out[k] = score(scores, heap[0]);
      heap[0] = heap[k];
      siftDown(heap, k, scores);
    }
    return new Ranking(items, out);
  }

  /**
   * Picks the top {@code n} items for a user, excluding the user's items in {@code seen} and items
   * rejected by {@code filter}.
   *
   * @param model the model
   * @param user user index
   * @param n how many
   * @param seen user-by-item matrix of items to exclude per user, or {@code null}
   * @param exclude further exclusions, or {@code null}
   * @return the ranking
   */
  public static Ranking recommend(
      Recommender model, int user, int n, SparseMatrix seen, IntPredicate exclude) {
    float[] scores = new float[model.items().size()];
    model.score(user, scores);
    IntPredicate ex = exclude;
    if (seen != null && user < seen.rows()) {
      IntPredicate s = seenPredicate(seen, user);
      ex = ex == null ? s : s.or(ex);
    }
    return topN(scores, n, ex);
  }

  /**
   * Returns a predicate that is true for the items of one row of a matrix.
   *
   * @param seen a user-by-item matrix
   * @param user the row
   * @return the predicate
   */
  public static IntPredicate seenPredicate(SparseMatrix seen, int user) {
    boolean[] mask = new boolean[seen.cols()];
    int[] idx = seen.indices();
    for (int k = seen.rowStart(user); k < seen.rowEnd(user); k++) {
      mask[idx[k]] = true;
    }
    return i -> i < mask.length && mask[i];
  }

  private static float score(float[] s, int i) {
    float v = s[i];
    return Float.isNaN(v) ? Float.NEGATIVE_INFINITY : v;
  }

  /** True if item a ranks before item b. */
  private static boolean better(int a, int b, float[] s) {
    float sa = score(s, a);
    float sb = score(s, b);
    return sa > sb || (sa == sb && a < b);
  }

  private static void siftUp(int[] h, int k, float[] s) {
    int x = h[k];
    while (k > 0) {
      int p = (k - 1) >>> 1;
      if (!better(h[p], x, s)) {
        break;
      }
      h[k] = h[p];
      k = p;
    }
    h[k] = x;
  }

  private static void siftDown(int[] h, int size, float[] s) {
    if (size == 0) {
      return;
    }
    int k = 0;
    int x = h[0];
    while (true) {
      int c = 2 * k + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && better(h[c], h[c + 1], s)) {
        c++;
      }
      if (!better(x, h[c], s)) {
        break;
      }
      h[k] = h[c];
      k = c;
    }
    h[k] = x;
  }
}
