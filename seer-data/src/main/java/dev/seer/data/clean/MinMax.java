package dev.seer.data.clean;

import dev.seer.api.Interactions;

/** Scales ratings linearly to [0, 1]. */
final class MinMax implements CleaningStep {
  @Override
  public String describe() {
    return "minMax()";
  }

  @Override
  public boolean needsRatings() {
    return true;
  }

  @Override
  public Outcome apply(Interactions in) {
    if (!in.hasRatings()) {
      throw Fmt.needsRatings(describe());
    }
    int n = in.size();
    float[] r = in.ratingColumn();
    if (n == 0) {
      return new Outcome(in, new StepReport(describe(), 0, 0, "no rows, nothing to scale"));
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float x : r) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    float[] out = new float[n];
    String details;
    if (lo == hi) {
      java.util.Arrays.fill(out, 0.5f);
      details = "all ratings are equal (" + Fmt.num(lo) + "), so every rating was set to 0.5";
    } else {
      double span = (double) hi - lo;
      for (int k = 0; k < n; k++) {
        out[k] = (float) ((r[k] - (double) lo) / span);
      }
      details =
          "scaled " + n + " ratings from [" + Fmt.num(lo) + ", " + Fmt.num(hi) + "] to [0, 1]";
    }
    return new Outcome(in.withRatings(out), new StepReport(describe(), n, n, details));
  }
}
