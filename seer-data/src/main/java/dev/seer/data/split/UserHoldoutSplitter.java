package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/**
 * Strong-generalisation split: a seeded share of the users with at least two rows is held out
 * entirely (the users with the smallest {@link PerUser#holdoutKey}, a hash of the seed and the
 * external user id). Of each held-out user's n rows, about {@code n * testRatio} random rows (at
 * least 1, at most n - 1) go to {@code test} ({@link PerUser#pickAtLeastOne}) and the rest to
 * {@code foldIn}; every other user's rows are train.
 *
 * @param userFraction share of eligible users held out, in (0, 1); at least one user is held out
 * @param testRatio share of a held-out user's rows that go to test, in (0, 1)
 * @param seed random seed
 */
public record UserHoldoutSplitter(double userFraction, double testRatio, long seed)
    implements Splitter {
  /** Validates the ratios. */
  public UserHoldoutSplitter {
    Rows.checkRatio("userFraction", userFraction, "0.1");
    Rows.checkRatio("testRatio", testRatio, "0.2");
  }

  @Override
  public Split split(Interactions data) {
    int[][] groups = Rows.byUser(data);
    int eligible = 0;
    for (int[] g : groups) {
      if (g.length >= 2) {
        eligible++;
      }
    }
    int[] candidates = new int[eligible];
    int o = 0;
    for (int u = 0; u < groups.length; u++) {
      if (groups[u].length >= 2) {
        candidates[o++] = u;
      }
    }
    int held = eligible == 0 ? 0 : Math.max(1, (int) Math.round(eligible * userFraction));
    long[] key = new long[groups.length];
    for (int u : candidates) {
      key[u] = PerUser.holdoutKey(seed, data.users().id(u));
    }
    Rows.sort(
        candidates,
        (x, y) -> {
          int c = Long.compare(key[x], key[y]);
          return c != 0 ? c : data.users().id(x).compareTo(data.users().id(y));
        });
    int[] heldOut = java.util.Arrays.copyOf(candidates, held);
    java.util.Arrays.sort(heldOut);
    byte[] a = new byte[data.size()];
    for (int u : heldOut) {
      int[] rows = groups[u];
      Rows.UserRows r = Rows.UserRows.of(data, rows);
      boolean[] test =
          PerUser.pickAtLeastOne(seed, data.users().id(u), r.items, r.ratings, r.times, testRatio);
      for (int j = 0; j < rows.length; j++) {
        a[rows[j]] = test[j] ? Rows.TEST : Rows.FOLD_IN;
      }
    }
    Interactions empty = data.select(new int[0]);
    return new Split(
        describe() + ": " + held + " users held out",
        Rows.part(data, a, Rows.TRAIN),
        empty,
        Rows.part(data, a, Rows.TEST),
        Rows.part(data, a, Rows.FOLD_IN));
  }

  @Override
  public String describe() {
    return "user hold-out ("
        + Rows.num(userFraction)
        + " of users, test ratio "
        + Rows.num(testRatio)
        + " of their rows, seed "
        + seed
        + ")";
  }
}
