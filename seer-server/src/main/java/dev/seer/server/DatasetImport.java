package dev.seer.server;

import dev.seer.api.Dataset;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.store.CatalogItem;
import dev.seer.store.Event;
import dev.seer.store.EventType;
import dev.seer.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a dataset into an application: its items into the catalogue and its interactions as events
 * (ratings as rating events, implicit rows as clicks), with event ids {@code import-ROW} so that
 * importing twice changes nothing.
 */
public final class DatasetImport {
  private static final int BATCH = 1000;

  private DatasetImport() {}

  /**
   * Imports a dataset.
   *
   * @param store the store
   * @param appId an existing application
   * @param ds the dataset
   * @param progress receives progress
   * @return the number of events newly stored
   */
  public static long load(Store store, String appId, Dataset ds, ProgressListener progress) {
    long now = System.currentTimeMillis();
    List<CatalogItem> items = new ArrayList<>();
    for (ItemInfo info : ds.items().values()) {
      items.add(new CatalogItem(info, true, now));
      if (items.size() == BATCH) {
        store.upsertItems(appId, items);
        items.clear();
      }
    }
    if (!items.isEmpty()) {
      store.upsertItems(appId, items);
    }
    Interactions x = ds.interactions();
    long stored = 0;
    List<Event> batch = new ArrayList<>(BATCH);
    for (int k = 0; k < x.size(); k++) {
      long ts =
          x.hasTimestamps() && x.timestamp(k) != Interactions.NO_TIME ? x.timestamp(k) * 1000 : now;
      batch.add(
          new Event(
              "import-" + k,
              x.users().id(x.user(k)),
              x.items().id(x.item(k)),
              x.hasRatings() ? EventType.RATING : EventType.CLICK,
              x.hasRatings() ? x.rating(k) : Double.NaN,
              ts));
      if (batch.size() == BATCH || k == x.size() - 1) {
        stored += store.ingest(appId, batch).stored();
        batch.clear();
        progress.update("importing " + ds.name(), k + 1, x.size());
      }
    }
    return stored;
  }
}
