package dev.seer.data.clean;

import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;

/**
 * Rebuilds the user and item indices with only the ids that have rows, numbered in order of first
 * appearance.
 */
final class Compact implements CleaningStep {
  @Override
  public String describe() {
    return "compact()";
  }

  @Override
  public boolean needsRatings() {
    return false;
  }

  @Override
  public Outcome apply(Interactions in) {
    int n = in.size();
    IdIndex.Builder users = new IdIndex.Builder();
    IdIndex.Builder items = new IdIndex.Builder();
    int[] u = new int[n];
    int[] it = new int[n];
    for (int k = 0; k < n; k++) {
      u[k] = users.add(in.users().id(in.user(k)));
      it[k] = items.add(in.items().id(in.item(k)));
    }
    int keptUsers = users.size();
    int keptItems = items.size();
    float[] r = in.hasRatings() ? in.ratingColumn().clone() : null;
    long[] t = in.hasTimestamps() ? in.timeColumn().clone() : null;
    Interactions out = new Interactions(users.build(), items.build(), u, it, r, t);
    String details =
        "kept "
            + keptUsers
            + " of "
            + in.numUsers()
            + " users and "
            + keptItems
            + " of "
            + in.numItems()
            + " items (dropped "
            + (in.numUsers() - keptUsers)
            + " users and "
            + (in.numItems() - keptItems)
            + " items without rows); indices renumbered in order of first appearance";
    return new Outcome(out, new StepReport(describe(), n, n, details));
  }
}
