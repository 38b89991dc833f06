package dev.seer.api;

/**
 * One piece of evidence for a recommendation.
 *
 * @param kind what kind of evidence: {@code "item"} (a user's item that contributed), {@code
 *     "feature"} (a matching feature), {@code "popularity"}, {@code "random"}, {@code "part"} (the
 *     rest of a hybrid's or ensemble's part that the part's own reasons leave out) or {@code
 *     "baseline"} (a constant of the user, such as the mean score that standardisation subtracts,
 *     so that the reasons add up to the score)
 * @param item the contributing item index for {@code "item"} reasons, else {@code -1}
 * @param feature the matching feature for {@code "feature"} reasons, the part for {@code "part"}
 *     reasons, what the constant is for {@code "baseline"} reasons, else empty
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
