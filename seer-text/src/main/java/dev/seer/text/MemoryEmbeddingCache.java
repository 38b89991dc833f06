package dev.seer.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory embedding cache that keeps at most {@code capacity} vectors, least recently used
 * out.
 */
public final class MemoryEmbeddingCache implements EmbeddingCache {
  private final int capacity;
  private final LinkedHashMap<String, float[]> map;

  /**
   * Creates a cache.
   *
   * @param capacity the most vectors kept, at least 1
   */
  public MemoryEmbeddingCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > MemoryEmbeddingCache.this.capacity;
          }
        };
  }

  @Override
  public synchronized Map<String, float[]> getAll(Collection<String> keys) {
    Map<String, float[]> out = new HashMap<>();
    for (String k : keys) {
      float[] v = map.get(k);
      if (v != null) {
        out.put(k, v);
      }
    }
    return out;
  }

  @Override
  public synchronized void putAll(String model, Map<String, float[]> vectors) {
    map.putAll(vectors);
  }

  /**
   * Returns how many vectors are held.
   *
   * @return the count
   */
  public synchronized int size() {
    return map.size();
  }
}
