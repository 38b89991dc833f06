package dev.seer.data.split;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;

/**
 * Per-user leave-last-k split: each user's {@code k} latest rows by timestamp (ties by row order)
 * go to test; users with at most {@code k} rows stay in train. {@code k = 1} is leave-one-out.
 *
 * @param k rows per user to test, at least 1
 */
public record LeaveLastKSplitter(int k) implements Splitter {
  /** Validates k. */
  public LeaveLastKSplitter {
    if (k < 1) {
      throw new InputException("k is " + k + " but must be at least 1; pass 1 for leave-one-out.");
    }
  }

  @Override
  public Split split(Interactions data) {
    Rows.requireTime(data, "leave-last-" + k);
    byte[] a = new byte[data.size()];
    for (int[] rows : Rows.byUser(data)) {
      if (rows.length <= k) {
        continue;
      }
      Rows.sortByTime(rows, data.timeColumn());
      for (int p = rows.length - k; p < rows.length; p++) {
        a[rows[p]] = Rows.TEST;
      }
    }
    return Split.of(describe(), Rows.part(data, a, Rows.TRAIN), Rows.part(data, a, Rows.TEST));
  }

  @Override
  public String describe() {
    return k == 1 ? "leave-one-out (latest row per user)" : "leave-last-" + k + " per user";
  }
}
