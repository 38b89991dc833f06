package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/**
 * Global temporal split: rows are ordered by timestamp (ties by row order) and the latest {@code
 * round(n * testRatio)} rows go to test. Test users and items may be absent from train; {@link
 * SplitStats} reports how many.
 *
 * @param testRatio share of all rows that go to test, in (0, 1)
 */
public record TemporalSplitter(double testRatio) implements Splitter {
  /** Validates the ratio. */
  public TemporalSplitter {
    Rows.checkRatio("testRatio", testRatio, "0.2");
  }

  @Override
  public Split split(Interactions data) {
    Rows.requireTime(data, "temporal");
    int n = data.size();
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Rows.sortByTime(order, data.timeColumn());
    int nTest = (int) Math.round(n * testRatio);
    byte[] a = new byte[n];
    for (int p = n - nTest; p < n; p++) {
      a[order[p]] = Rows.TEST;
    }
    String name = describe();
    if (nTest > 0) {
      name += ", test from timestamp " + data.timestamp(order[n - nTest]);
    }
    return Split.of(name, Rows.part(data, a, Rows.TRAIN), Rows.part(data, a, Rows.TEST));
  }

  @Override
  public String describe() {
    return "temporal (latest " + Rows.num(testRatio) + " of rows by time to test)";
  }
}
