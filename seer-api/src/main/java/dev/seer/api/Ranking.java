package dev.seer.api;

/**
 * Top-N items with their scores, best first.
 *
 * @param items item indices, best first
 * @param scores the score of each item
 */
public record Ranking(int[] items, float[] scores) {
  /**
   * Returns the number of ranked items.
   *
   * @return the length
   */
  public int size() {
    return items.length;
  }
}
