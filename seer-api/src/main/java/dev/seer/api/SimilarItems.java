package dev.seer.api;

/** Ability to score every item by its similarity to one item. */
public interface SimilarItems {
  /**
   * Scores every item by similarity to {@code item}; higher is more similar.
   *
   * @param item the query item index
   * @param out receives one score per item
   */
  void similarTo(int item, float[] out);
}
