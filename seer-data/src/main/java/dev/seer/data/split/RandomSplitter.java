package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/**
 * Per-user random split: each user with n >= 2 rows sends about {@code n * testRatio} randomly
 * chosen rows to test (rounded up or down at random so that the expected share is exact) and keeps
 * at least one row in train; users with one row stay in train.
 *
 * @param testRatio share of each user's rows that go to test, in (0, 1)
 * @param seed random seed
 */
public record RandomSplitter(double testRatio, long seed) implements Splitter {
  /** Validates the ratio. */
  public RandomSplitter {
    Rows.checkRatio("testRatio", testRatio, "0.2");
  }

  @Override
  public Split split(Interactions data) {
    boolean[] test = Rows.perUserRandom(data, testRatio, seed);
    byte[] a = new byte[data.size()];
    for (int k = 0; k < a.length; k++) {
      a[k] = test[k] ? Rows.TEST : Rows.TRAIN;
    }
    return Split.of(describe(), Rows.part(data, a, Rows.TRAIN), Rows.part(data, a, Rows.TEST));
  }

  @Override
  public String describe() {
    return "random per user (test ratio " + Rows.num(testRatio) + ", seed " + seed + ")";
  }
}
