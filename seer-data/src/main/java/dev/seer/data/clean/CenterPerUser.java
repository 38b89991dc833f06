package dev.seer.data.clean;

import dev.seer.api.Interactions;

/** Subtracts each user's mean rating from that user's ratings. */
final class CenterPerUser implements CleaningStep {
  @Override
  public String describe() {
    return "centerPerUser()";
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
    int[] u = in.userColumn();
    float[] r = in.ratingColumn();
    double[] sum = new double[in.numUsers()];
    int[] count = new int[in.numUsers()];
    for (int k = 0; k < n; k++) {
      sum[u[k]] += r[k];
      count[u[k]]++;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int users = 0;
    for (int x = 0; x < sum.length; x++) {
      if (count[x] > 0) {
        sum[x] /= count[x];
        lo = Math.min(lo, sum[x]);
        hi = Math.max(hi, sum[x]);
        users++;
      }
    }
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (r[k] - sum[u[k]]);
    }
    String details =
        users == 0
            ? "no rows, nothing to centre"
            : "subtracted each user's mean rating from "
                + n
                + " ratings of "
                + users
                + " users (user means from "
                + Fmt.num(lo)
                + " to "
                + Fmt.num(hi)
                + ")";
    return new Outcome(in.withRatings(out), new StepReport(describe(), n, n, details));
  }
}
