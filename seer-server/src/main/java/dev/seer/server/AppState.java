package dev.seer.server;

import dev.seer.store.CatalogItem;
import dev.seer.store.Event;
import dev.seer.store.EventType;
import dev.seer.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the server keeps in memory for one application: the serving model, the catalogue, and each
 * user's events received since the serving model's training data was read (so a new event changes
 * the next recommendations at once, without retraining).
 */
final class AppState {
  /** The most recent items kept per user beyond the training data. */
  static final int MAX_LIVE_ITEMS = 500;

  final String appId;
  final AtomicReference<Serving> serving = new AtomicReference<>();
  final Map<String, CatalogItem> catalogue = new ConcurrentHashMap<>();
  private final AtomicReference<FreshItems> fresh = new AtomicReference<>();
  private final Object freshLock = new Object();
  private final Map<String, LinkedHashMap<String, Float>> live = new ConcurrentHashMap<>();

  AppState(String appId) {
    this.appId = appId;
  }

  private final java.util.Set<String> unavailable = ConcurrentHashMap.newKeySet();

  /** Loads the catalogue from the store. */
  void loadCatalogue(Store store) {
    store.forEachItem(appId, this::putItem);
  }

  /** Counts catalogue changes, so that derived indexes (search) know when to rebuild. */
  final java.util.concurrent.atomic.AtomicLong catalogueVersion =
      new java.util.concurrent.atomic.AtomicLong();

  /** The text-search index, built on the first search after a catalogue change. */
  final AtomicReference<SearchIndex> search = new AtomicReference<>();

  /** Adds or replaces a catalogue item (write through here so the unavailable set stays right). */
  void putItem(CatalogItem it) {
    putItems(java.util.List.of(it));
  }

  /**
   * Adds or replaces catalogue items; items the serving model does not know become recommendable
   * through their content at once.
   */
  void putItems(java.util.List<CatalogItem> batch) {
    synchronized (freshLock) {
      catalogueVersion.incrementAndGet();
      for (CatalogItem it : batch) {
        catalogue.put(it.info().id(), it);
        if (it.available()) {
          unavailable.remove(it.info().id());
        } else {
          unavailable.add(it.info().id());
        }
      }
      FreshItems f = fresh.get();
      if (f != null) {
        f.upsert(batch);
      }
    }
  }

  /** Removes a catalogue item. */
  void removeItem(String id) {
    synchronized (freshLock) {
      catalogueVersion.incrementAndGet();
      catalogue.remove(id);
      unavailable.remove(id);
      FreshItems f = fresh.get();
      if (f != null) {
        f.remove(id);
      }
    }
  }

  /**
   * The content mapping of items the serving model does not know, for the given serving model, or
   * {@code null} while a swap is under way.
   */
  FreshItems fresh(Serving s) {
    FreshItems f = fresh.get();
    return f != null && f.serving() == s ? f : null;
  }

  /** The ids of catalogue items marked unavailable. */
  java.util.Set<String> unavailable() {
    return unavailable;
  }

  /** Swaps in a model and replays the events received since its training data was read. */
  void swap(Serving next, Store store) {
    Map<String, LinkedHashMap<String, Float>> since = new ConcurrentHashMap<>();
    store.forEachEventSince(appId, next.version().snapshotAt(), e -> add(since, e));
    synchronized (freshLock) {
      fresh.set(FreshItems.build(next, catalogue));
    }
    synchronized (this) {
      serving.set(next);
      live.clear();
      live.putAll(since);
      if (next.version().createdAt() > lastErasure) {
        erased.clear();
      }
    }
  }

  private final Map<Long, java.util.concurrent.atomic.LongAdder> perMinute =
      new ConcurrentHashMap<>();

  /** Counts stored events per minute of arrival (the last two hours are kept). */
  void countStored(long n, long nowMillis) {
    long minute = nowMillis / 60_000;
    perMinute.computeIfAbsent(minute, k -> new java.util.concurrent.atomic.LongAdder()).add(n);
    perMinute.keySet().removeIf(m -> m < minute - 120);
  }

  /** Events stored per minute over the last {@code minutes} minutes, oldest first. */
  long[] eventsPerMinute(int minutes, long nowMillis) {
    long minute = nowMillis / 60_000;
    long[] out = new long[minutes];
    for (int k = 0; k < minutes; k++) {
      var a = perMinute.get(minute - minutes + 1 + k);
      out[k] = a == null ? 0 : a.sum();
    }
    return out;
  }

  /** Records an event for the live state. */
  void observe(Event e) {
    synchronized (this) {
      add(live, e);
    }
  }

  private final java.util.Set<String> erased = ConcurrentHashMap.newKeySet();
  private volatile long lastErasure;

  /**
   * Forgets a user after erasure: their live events go, and the serving model's memory of them is
   * no longer used (they are served as an anonymous user) until a model trained after the erasure
   * is deployed.
   */
  void forget(String userId) {
    live.remove(userId);
    erased.add(userId);
    lastErasure = System.currentTimeMillis();
  }

  /** Tells whether the serving model must not use what it remembers of a user. */
  boolean erased(String userId) {
    return erased.contains(userId);
  }

  /** Returns the user's items seen since the serving model was trained, with weights. */
  Map<String, Float> liveItems(String userId) {
    LinkedHashMap<String, Float> m = live.get(userId);
    if (m == null) {
      return Map.of();
    }
    synchronized (m) {
      return new LinkedHashMap<>(m);
    }
  }

  private static void add(Map<String, LinkedHashMap<String, Float>> into, Event e) {
    LinkedHashMap<String, Float> m = into.computeIfAbsent(e.userId(), k -> new LinkedHashMap<>());
    synchronized (m) {
      float w = e.type() == EventType.RATING ? (float) e.value() : e.type().weight();
      m.merge(e.itemId(), w, e.type() == EventType.RATING ? (a, b) -> b : Float::sum);
      if (m.size() > MAX_LIVE_ITEMS) {
        m.remove(m.keySet().iterator().next());
      }
    }
  }
}
