package dev.seer.server;

import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.store.Event;
import dev.seer.store.EventType;
import dev.seer.store.Store;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an application's events into training interactions: one row per (user, item); implicit
 * events add their type's weight (view 1, click 2, purchase 4); a rating event sets the value to
 * the latest rating when the application only has ratings. Erased users have no events left, so
 * they are not in the data.
 */
final class TrainingData {
  private TrainingData() {}

  static Interactions read(Store store, String appId) {
    IdIndex.Builder users = new IdIndex.Builder();
    IdIndex.Builder items = new IdIndex.Builder();
    Map<Long, float[]> cells = new HashMap<>();
    boolean[] onlyRatings = {true};
    store.forEachEvent(
        appId,
        (Event e) -> {
          int u = users.add(e.userId());
          int i = items.add(e.itemId());
          long key = ((long) u << 32) | (i & 0xffffffffL);
          float[] cell = cells.computeIfAbsent(key, k -> new float[] {0, Float.NaN, 0});
          if (e.type() == EventType.RATING) {
            cell[1] = (float) e.value();
          } else {
            onlyRatings[0] = false;
            cell[0] += e.type().weight();
          }
          cell[2] = Math.max(cell[2], e.timestamp() / 1000f);
        });
    Interactions.Builder b = new Interactions.Builder(users, items);
    cells.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            en -> {
              int u = (int) (en.getKey() >>> 32);
              int i = (int) (long) en.getKey();
              float[] c = en.getValue();
              float v = onlyRatings[0] ? c[1] : c[0] + (Float.isNaN(c[1]) ? 0 : c[1]);
              b.addIndexed(u, i, v, (long) c[2]);
            });
    return b.build();
  }
}
