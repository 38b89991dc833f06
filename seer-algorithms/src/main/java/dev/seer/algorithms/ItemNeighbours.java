package dev.seer.algorithms;

import dev.seer.api.Reason;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * What the item-to-item models (item-kNN, RP3beta) share: similar items as one row of the kept
 * weights, and item reasons ordered for {@link dev.seer.api.Explainable#explain}.
 */
public final class ItemNeighbours {
  private ItemNeighbours() {}

  /**
   * Writes one row of an item-by-item weight matrix as similar-item scores: the kept weights, 0 for
   * the other items and negative infinity for the query item itself.
   *
   * @param weights item-by-item weights, row {@code item} holding its neighbours
   * @param item the query item
   * @param out one score per item
   */
  public static void similarTo(SparseMatrix weights, int item, float[] out) {
    Arrays.fill(out, 0f);
    int[] idx = weights.indices();
    float[] val = weights.values();
    for (int k = weights.rowStart(item); k < weights.rowEnd(item); k++) {
      out[idx[k]] = val[k];
    }
    out[item] = Float.NEGATIVE_INFINITY;
  }

  /**
   * Sorts item reasons by contribution, largest first (ties to the lower item index), and keeps the
   * first {@code max}.
   *
   * @param reasons the reasons (sorted in place)
   * @param max the most to keep
   * @return an unmodifiable list
   */
  public static List<Reason> strongest(List<Reason> reasons, int max) {
    reasons.sort(
        (a, b) -> {
          int c = Double.compare(b.contribution(), a.contribution());
          return c != 0 ? c : Integer.compare(a.item(), b.item());
        });
    return List.copyOf(reasons.subList(0, Math.min(max, reasons.size())));
  }
}
