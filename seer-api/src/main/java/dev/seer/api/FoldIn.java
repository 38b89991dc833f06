package dev.seer.api;

/**
 * Ability to score items for a user who is not in the training data, from a list of their items,
 * without retraining.
 */
public interface FoldIn {
  /**
   * Scores every item for an anonymous user described by their items.
   *
   * @param items item indices the user interacted with
   * @param values the rating or weight of each item (1 for implicit data)
   * @param out receives one score per item
   */
  void scoreItems(int[] items, float[] values, float[] out);
}
