package dev.seer.data.clean;

import dev.seer.api.Interactions;

/** Keeps rows rated at or above a threshold and drops the ratings. */
final class ImplicitThreshold implements CleaningStep {
  private final float min;

  ImplicitThreshold(float min) {
    this.min = min;
  }

  @Override
  public String describe() {
    return "implicitThreshold(" + Fmt.num(min) + ")";
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
    int kept = 0;
    for (int k = 0; k < n; k++) {
      if (r[k] >= min) {
        kept++;
      }
    }
    int[] rows = new int[kept];
    int o = 0;
    for (int k = 0; k < n; k++) {
      if (r[k] >= min) {
        rows[o++] = k;
      }
    }
    Interactions out = in.select(rows).withRatings(null);
    String details =
        "kept "
            + kept
            + " rows rated >= "
            + Fmt.num(min)
            + ", removed "
            + (n - kept)
            + " rated lower; ratings dropped (the data is now implicit)";
    return new Outcome(out, new StepReport(describe(), n, kept, details));
  }
}
