package dev.seer.eval;

import dev.seer.api.Ranking;

/**
 * The top-N list the evaluation produced for each evaluated user.
 *
 * @param users evaluated user indices, ascending
 * @param rankings the list of each user, aligned with {@code users}
 */
public record TopLists(int[] users, Ranking[] rankings) {
  /** Checks alignment. */
  public TopLists {
    if (users.length != rankings.length) {
      throw new IllegalArgumentException("users and rankings must align");
    }
  }
}
