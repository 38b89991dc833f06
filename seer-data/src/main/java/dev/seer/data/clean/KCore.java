package dev.seer.data.clean;

import dev.seer.api.Interactions;

/**
 * Iterative k-core: removes users with fewer than {@code minPerUser} distinct items and items with
 * fewer than {@code minPerItem} distinct users, round after round, until every remaining user and
 * item meets its threshold.
 */
final class KCore implements CleaningStep {
  private final int minPerUser;
  private final int minPerItem;

  KCore(int minPerUser, int minPerItem) {
    this.minPerUser = minPerUser;
    this.minPerItem = minPerItem;
  }

  @Override
  public String describe() {
    return "kCore(" + minPerUser + "," + minPerItem + ")";
  }

  @Override
  public boolean needsRatings() {
    return false;
  }

  @Override
  public Outcome apply(Interactions in) {
    int n = in.size();
    int[] u = in.userColumn();
    int[] it = in.itemColumn();
    boolean[] firstOfPair = firstOfPair(in);
    boolean[] alive = new boolean[n];
    java.util.Arrays.fill(alive, true);
    int[] userCount = new int[in.numUsers()];
    int[] itemCount = new int[in.numItems()];
    int usersBefore = 0;
    int itemsBefore = 0;
    for (int k = 0; k < n; k++) {
      if (firstOfPair[k]) {
        userCount[u[k]]++;
        itemCount[it[k]]++;
      }
    }
    for (int c : userCount) {
      usersBefore += c > 0 ? 1 : 0;
    }
    for (int c : itemCount) {
      itemsBefore += c > 0 ? 1 : 0;
    }
    int rounds = 0;
    int left = n;
    while (true) {
      int removed = 0;
      for (int k = 0; k < n; k++) {
        if (alive[k] && (userCount[u[k]] < minPerUser || itemCount[it[k]] < minPerItem)) {
          alive[k] = false;
          removed++;
        }
      }
      if (removed == 0) {
        break;
      }
      rounds++;
      left -= removed;
      java.util.Arrays.fill(userCount, 0);
      java.util.Arrays.fill(itemCount, 0);
      for (int k = 0; k < n; k++) {
        if (alive[k] && firstOfPair[k]) {
          userCount[u[k]]++;
          itemCount[it[k]]++;
        }
      }
    }
    int[] rows = new int[left];
    int o = 0;
    for (int k = 0; k < n; k++) {
      if (alive[k]) {
        rows[o++] = k;
      }
    }
    int usersAfter = 0;
    int itemsAfter = 0;
    for (int c : userCount) {
      usersAfter += c > 0 ? 1 : 0;
    }
    for (int c : itemCount) {
      itemsAfter += c > 0 ? 1 : 0;
    }
    String details;
    if (rounds == 0) {
      details =
          "nothing to remove: every user has >= "
              + minPerUser
              + " distinct items and every item >= "
              + minPerItem
              + " distinct users";
    } else {
      details =
          rounds
              + (rounds == 1 ? " round" : " rounds")
              + "; removed "
              + (usersBefore - usersAfter)
              + " users, "
              + (itemsBefore - itemsAfter)
              + " items and "
              + (n - left)
              + " rows; "
              + (left == 0
                  ? "no rows are left (lower the thresholds)"
                  : usersAfter + " users and " + itemsAfter + " items remain");
    }
    return new Outcome(in.select(rows), new StepReport(describe(), n, left, details));
  }

  /** Marks the first row of each distinct (user, item) pair, so that counts are of pairs. */
  private static boolean[] firstOfPair(Interactions in) {
    int n = in.size();
    int[] u = in.userColumn();
    int[] it = in.itemColumn();
    int[] start = new int[in.numUsers() + 1];
    for (int k = 0; k < n; k++) {
      start[u[k] + 1]++;
    }
    for (int x = 0; x < in.numUsers(); x++) {
      start[x + 1] += start[x];
    }
    int[] fill = start.clone();
    int[] byUser = new int[n];
    for (int k = 0; k < n; k++) {
      byUser[fill[u[k]]++] = k;
    }
    int[] stamp = new int[in.numItems()];
    boolean[] first = new boolean[n];
    for (int x = 0; x < in.numUsers(); x++) {
      for (int p = start[x]; p < start[x + 1]; p++) {
        int k = byUser[p];
        if (stamp[it[k]] != x + 1) {
          stamp[it[k]] = x + 1;
          first[k] = true;
        }
      }
    }
    return first;
  }
}
