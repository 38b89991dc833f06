package dev.seer.text;

import dev.seer.api.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embeds texts in batches, reporting progress, and looks every text up first in a chain of caches
 * by {@link ContentHash} (for example memory, then the store). Vectors computed here are written to
 * every cache; vectors found in a later cache are copied into the earlier ones. Repeated texts in
 * one call are embedded once.
 */
public final class CachedEmbedder implements TextEmbedder {
  private final TextEmbedder base;
  private final List<EmbeddingCache> caches;
  private final int batchSize;

  /**
   * Creates an embedder.
   *
   * @param base the model
   * @param caches caches consulted in order (possibly none)
   * @param batchSize texts per call of the model, at least 1
   */
  public CachedEmbedder(TextEmbedder base, List<EmbeddingCache> caches, int batchSize) {
    this.base = Objects.requireNonNull(base, "base");
    this.caches = List.copyOf(caches);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * Returns the model behind the caches.
   *
   * @return the model
   */
  public TextEmbedder base() {
    return base;
  }

  @Override
  public String modelId() {
    return base.modelId();
  }

  @Override
  public int dimension() {
    return base.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embed(texts, ProgressListener.NONE, "embed");
  }

  /**
   * Embeds texts, reporting {@code (task, done, total)} after each batch, where {@code total} is
   * the number of distinct texts not found in any cache.
   *
   * @param texts the texts
   * @param progress the listener
   * @param task the task name to report
   * @return one vector per text, in order
   */
  public List<float[]> embed(List<String> texts, ProgressListener progress, String task) {
    String model = base.modelId();
    Map<String, String> keyToText = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(texts.size());
    for (String t : texts) {
      String text = t == null ? "" : t;
      String k = ContentHash.of(model, text);
      keys.add(k);
      keyToText.putIfAbsent(k, text);
    }
    Map<String, float[]> found = new HashMap<>();
    List<String> missing = new ArrayList<>(keyToText.keySet());
    for (int c = 0; c < caches.size() && !missing.isEmpty(); c++) {
      Map<String, float[]> hit = caches.get(c).getAll(missing);
      if (!hit.isEmpty()) {
        found.putAll(hit);
        for (int e = 0; e < c; e++) {
          caches.get(e).putAll(model, hit);
        }
        List<String> still = new ArrayList<>(missing.size() - hit.size());
        for (String k : missing) {
          if (!hit.containsKey(k)) {
            still.add(k);
          }
        }
        missing = still;
      }
    }
    int total = missing.size();
    progress.update(task, 0, total);
    for (int from = 0; from < total; from += batchSize) {
      int to = Math.min(total, from + batchSize);
      List<String> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(keyToText.get(missing.get(k)));
      }
      List<float[]> vectors = base.embed(batch);
      Map<String, float[]> fresh = new LinkedHashMap<>();
      for (int k = from; k < to; k++) {
        fresh.put(missing.get(k), vectors.get(k - from));
      }
      found.putAll(fresh);
      for (EmbeddingCache c : caches) {
        c.putAll(model, fresh);
      }
      progress.update(task, to, total);
    }
    List<float[]> out = new ArrayList<>(keys.size());
    for (String k : keys) {
      out.add(found.get(k));
    }
    return out;
  }
}
