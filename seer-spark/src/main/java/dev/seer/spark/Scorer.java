package dev.seer.spark;

import java.io.Serializable;

/**
 * Scores every item for one user on an executor. Implementations are broadcast, so they hold only
 * arrays.
 */
public interface Scorer extends Serializable {
  /**
   * Returns the number of items scored.
   *
   * @return n
   */
  int numItems();

  /**
   * Scores all items.
   *
   * @param userVector the user's factors (null when the scorer needs none or the user has none)
   * @param seen the user's training items
   * @param out receives one score per item
   */
  void score(float[] userVector, int[] seen, float[] out);
}
