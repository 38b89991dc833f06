package dev.seer.spark;

import dev.seer.api.InputException;
import dev.seer.data.clean.DedupPolicy;

/**
 * How {@link Prepare} cleans and splits.
 *
 * @param dedup which row of a repeated (user, item) pair to keep, or null to keep all rows
 * @param minPerUser k-core threshold for users (distinct items), 0 or 1 for none
 * @param minPerItem k-core threshold for items (distinct users), 0 or 1 for none
 * @param testRatio share of each user's rows that go to test, in (0, 1)
 * @param seed the split seed
 */
public record PrepareOptions(
    DedupPolicy dedup, int minPerUser, int minPerItem, double testRatio, long seed) {
  /** Validates the options. */
  public PrepareOptions {
    if (minPerUser < 0 || minPerItem < 0) {
      throw new InputException(
          "k-core thresholds are "
              + minPerUser
              + " (users) and "
              + minPerItem
              + " (items) but must be 0 or more.");
    }
    if (!(testRatio > 0 && testRatio < 1)) {
      throw new InputException(
          "testRatio is " + testRatio + " but must lie strictly between 0 and 1; pass e.g. 0.2.");
    }
  }

  /**
   * No cleaning, a per-user random 80/20 split.
   *
   * @param seed the seed
   * @return the options
   */
  public static PrepareOptions split8020(long seed) {
    return new PrepareOptions(null, 0, 0, 0.2, seed);
  }
}
