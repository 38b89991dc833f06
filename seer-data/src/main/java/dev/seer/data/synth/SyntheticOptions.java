package dev.seer.data.synth;

import dev.seer.api.InputException;

/**
 * Options of the {@link SyntheticGenerator}.
 *
 * @param users number of users, at least 1; every user gets at least one interaction
 * @param items number of items, at least 2
 * @param interactions number of (user, item) rows, between {@code users} and {@code users * (items
 *     / 2)} (no user interacts with more than half the items)
 * @param topics number of latent topics, between 1 and {@code items}
 * @param userExponent Zipf exponent of user activity, in [0, 3] (0: all users equally active)
 * @param itemExponent Zipf exponent of item popularity, in [0, 3] (0: all items equally popular)
 * @param timestamps whether rows carry timestamps (increasing per user)
 * @param seed random seed; the same options give byte-identical output
 */
public record SyntheticOptions(
    int users,
    int items,
    long interactions,
    int topics,
    double userExponent,
    double itemExponent,
    boolean timestamps,
    long seed) {
  /** Validates the options. */
  public SyntheticOptions {
    if (users < 1) {
      throw new InputException("users is " + users + " but must be at least 1.");
    }
    if (items < 2) {
      throw new InputException("items is " + items + " but must be at least 2.");
    }
    if (topics < 1 || topics > items) {
      throw new InputException(
          "topics is " + topics + " but must lie between 1 and the item count " + items + ".");
    }
    if (!(userExponent >= 0 && userExponent <= 3)) {
      throw new InputException(
          "userExponent is " + userExponent + " but must lie in [0, 3]; 0.8 is a typical value.");
    }
    if (!(itemExponent >= 0 && itemExponent <= 3)) {
      throw new InputException(
          "itemExponent is " + itemExponent + " but must lie in [0, 3]; 1.0 is a typical value.");
    }
    long max = (long) users * maxPerUser(items);
    if (interactions < users || interactions > max) {
      throw new InputException(
          "interactions is "
              + interactions
              + " but must lie between the user count "
              + users
              + " and users * (items / 2) = "
              + max
              + "; change users or items, or use SyntheticOptions.defaults.");
    }
  }

  /**
   * The most distinct items one user may have.
   *
   * @param items item count
   * @return {@code max(1, items / 2)}
   */
  static int maxPerUser(int items) {
    return Math.max(1, items / 2);
  }

  /**
   * Chooses sizes that scale sensibly with the number of interactions: about 50 interactions per
   * user on average, {@code 10 * sqrt(interactions)} items, one topic per 50 items (2 to 50), user
   * exponent 0.8, item exponent 1.2, with timestamps.
   *
   * @param interactions number of rows, at least 1
   * @param seed random seed
   * @return the options
   */
  public static SyntheticOptions defaults(long interactions, long seed) {
    if (interactions < 1) {
      throw new InputException("interactions is " + interactions + " but must be at least 1.");
    }
    long users = Math.max(1, Math.min(interactions, Math.max(10, (interactions + 49) / 50)));
    long items = Math.max(20, Math.round(10 * Math.sqrt((double) interactions)));
    if (users > Integer.MAX_VALUE || items > Integer.MAX_VALUE) {
      throw new InputException(
          "interactions is " + interactions + ", too many for one synthetic data set.");
    }
    int topics = (int) Math.max(2, Math.min(50, items / 50));
    return new SyntheticOptions(
        (int) users, (int) items, interactions, topics, 0.8, 1.2, true, seed);
  }
}
