package dev.seer.text;

import java.util.Collection;
import java.util.Map;

/**
 * Stores embeddings by content hash ({@link ContentHash}): in memory ({@link MemoryEmbeddingCache})
 * or in the Seer store. Implementations are thread-safe.
 */
public interface EmbeddingCache {
  /**
   * Looks up vectors.
   *
   * @param keys content hashes
   * @return the vectors found, by key (keys not found are absent)
   */
  Map<String, float[]> getAll(Collection<String> keys);

  /**
   * Stores vectors, replacing any under the same key.
   *
   * @param model the embedder's model id (recorded with the vectors)
   * @param vectors vectors by content hash
   */
  void putAll(String model, Map<String, float[]> vectors);
}
