package dev.seer.server;

import dev.seer.store.Store;
import dev.seer.text.EmbeddingCache;
import java.util.Collection;
import java.util.Map;

/** The store's {@code text_embeddings} table as an embedding cache of {@code seer-text}. */
final class StoreEmbeddingCache implements EmbeddingCache {
  private final Store store;

  StoreEmbeddingCache(Store store) {
    this.store = store;
  }

  @Override
  public Map<String, float[]> getAll(Collection<String> keys) {
    return store.textEmbeddings(keys);
  }

  @Override
  public void putAll(String model, Map<String, float[]> vectors) {
    store.putTextEmbeddings(model, vectors);
  }
}
