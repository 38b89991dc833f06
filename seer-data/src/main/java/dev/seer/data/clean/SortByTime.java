package dev.seer.data.clean;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;

/** Orders rows by timestamp, keeping the row order of equal timestamps. */
final class SortByTime implements CleaningStep {
  @Override
  public String describe() {
    return "sortByTime()";
  }

  @Override
  public boolean needsRatings() {
    return false;
  }

  @Override
  public Outcome apply(Interactions in) {
    if (!in.hasTimestamps()) {
      throw new InputException(
          "The cleaning step sortByTime() needs timestamps, but the data has none;"
              + " remove the step or read data with a timestamp column.");
    }
    int n = in.size();
    long[] t = in.timeColumn();
    int[] rows = RowSort.identity(n);
    RowSort.sort(rows, (a, b) -> Long.compare(t[a], t[b]));
    int moved = 0;
    for (int k = 0; k < n; k++) {
      if (rows[k] != k) {
        moved++;
      }
    }
    String details =
        moved == 0
            ? "rows were already in time order; nothing moved"
            : "sorted " + n + " rows by timestamp (" + moved + " rows changed position)";
    return new Outcome(in.select(rows), new StepReport(describe(), n, n, details));
  }
}
