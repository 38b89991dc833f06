package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.util.SplittableRandom;

/**
 * Strong-generalisation split: a seeded share of the users with at least two rows is held out
 * entirely. Of each held-out user's n rows, about {@code n * testRatio} random rows (at least 1, at
 * most n - 1) go to {@code test} and the rest to {@code foldIn}; every other user's rows are train.
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
    SplittableRandom rnd = new SplittableRandom(seed);
    int held = eligible == 0 ? 0 : Math.max(1, (int) Math.round(eligible * userFraction));
    int[] heldOut = Rows.pick(candidates, held, rnd);
    java.util.Arrays.sort(heldOut);
    byte[] a = new byte[data.size()];
    for (int u : heldOut) {
      int[] rows = groups[u];
      int n = rows.length;
      int nTest = Math.max(1, Math.min(n - 1, Rows.stochasticRound(n * testRatio, rnd)));
      for (int k : rows) {
        a[k] = Rows.FOLD_IN;
      }
      for (int k : Rows.pick(rows, nTest, rnd)) {
        a[k] = Rows.TEST;
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
