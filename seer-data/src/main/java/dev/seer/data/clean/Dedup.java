package dev.seer.data.clean;

import dev.seer.api.Interactions;

/** Collapses repeated (user, item) pairs to one row each. */
final class Dedup implements CleaningStep {
  private final DedupPolicy policy;

  Dedup(DedupPolicy policy) {
    this.policy = policy;
  }

  @Override
  public String describe() {
    return "dedup(" + policy + ")";
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
    long[] time = in.timeColumn();
    int[] order = RowSort.identity(n);
    RowSort.sort(
        order,
        (a, b) -> {
          int c = Integer.compare(u[a], u[b]);
          return c != 0 ? c : Integer.compare(it[a], it[b]);
        });
    boolean[] keep = new boolean[n];
    float[] mean = policy == DedupPolicy.MEAN && in.hasRatings() ? new float[n] : null;
    long[] latest = policy == DedupPolicy.MEAN && time != null ? new long[n] : null;
    long pairs = 0;
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && u[order[end]] == u[order[start]] && it[order[end]] == it[order[start]]) {
        end++;
      }
      if (end - start > 1) {
        pairs++;
      }
      // Within a run rows are in row order (the sort is stable).
      int chosen = order[start];
      switch (policy) {
        case FIRST -> {
          for (int p = start + 1; p < end; p++) {
            int r = order[p];
            if (time != null && time[r] < time[chosen]) {
              chosen = r;
            }
          }
        }
        case LAST -> {
          chosen = order[end - 1];
          for (int p = end - 2; p >= start; p--) {
            int r = order[p];
            if (time != null && time[r] > time[chosen]) {
              chosen = r;
            }
          }
        }
        case MEAN -> {
          double sum = 0;
          long max = Long.MIN_VALUE;
          for (int p = start; p < end; p++) {
            int r = order[p];
            sum += in.rating(r);
            max = Math.max(max, in.timestamp(r));
          }
          if (mean != null) {
            mean[chosen] = (float) (sum / (end - start));
          }
          if (latest != null) {
            latest[chosen] = max;
          }
        }
        default -> throw new IllegalStateException("unknown policy " + policy);
      }
      keep[chosen] = true;
      start = end;
    }
    int kept = 0;
    for (boolean k : keep) {
      if (k) {
        kept++;
      }
    }
    int[] rows = new int[kept];
    int o = 0;
    for (int k = 0; k < n; k++) {
      if (keep[k]) {
        rows[o++] = k;
      }
    }
    Interactions out = in.select(rows);
    if (mean != null || latest != null) {
      float[] r = out.ratingColumn();
      long[] t = out.timeColumn();
      for (int j = 0; j < kept; j++) {
        if (mean != null) {
          r[j] = mean[rows[j]];
        }
        if (latest != null) {
          t[j] = latest[rows[j]];
        }
      }
    }
    String details;
    if (kept == n) {
      details = "no repeated (user, item) pairs found";
    } else {
      String how =
          switch (policy) {
            case FIRST ->
                time != null ? "kept the earliest row by timestamp" : "kept the first row";
            case LAST -> time != null ? "kept the latest row by timestamp" : "kept the last row";
            case MEAN ->
                (in.hasRatings() ? "kept the mean rating" : "implicit data, nothing to average")
                    + (time != null ? " and the latest timestamp" : "");
          };
      details = "removed " + (n - kept) + " duplicate rows of " + pairs + " repeated pairs; " + how;
    }
    return new Outcome(out, new StepReport(describe(), n, kept, details));
  }
}
