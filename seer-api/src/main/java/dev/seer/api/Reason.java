package dev.seer.api;

/**
 * One piece of evidence for a recommendation.
 *
 * @param kind what kind of evidence: {@code "item"} (a user's item that contributed), {@code
 *     "feature"} (a matching feature), {@code "popularity"} or {@code "random"}
 * @param item the contributing item index for {@code "item"} reasons, else {@code -1}
 * @param feature the matching feature for {@code "feature"} reasons, else empty
 * @param contribution how much this evidence added to the score
 */
public record Reason(String kind, int item, String feature, double contribution) {
  /**
   * Creates an item reason.
   *
   * @param item the contributing item
   * @param contribution its share of the score
   * @return the reason
   */
  public static Reason ofItem(int item, double contribution) {
    return new Reason("item", item, "", contribution);
  }
}
