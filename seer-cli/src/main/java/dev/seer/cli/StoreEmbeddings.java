package dev.seer.cli;

import dev.seer.store.Store;
import dev.seer.text.EmbeddingCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** A SQLite store's {@code text_embeddings} table as the embedding cache of a command. */
record StoreEmbeddings(Store store) implements EmbeddingCache {
  /** Opens (creating if needed) a SQLite store file used as an embedding cache. */
  static Store open(Path file) {
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (java.io.IOException e) {
      throw new dev.seer.api.InputException(
          "Cannot create the folder of the cache file " + file + ": " + e.getMessage() + ".");
    }
    return Store.open("jdbc:sqlite:" + abs);
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
