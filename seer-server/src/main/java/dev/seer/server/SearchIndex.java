package dev.seer.server;

import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.store.CatalogItem;
import dev.seer.store.Store;
import dev.seer.text.CachedEmbedder;
import dev.seer.text.Embedders;
import dev.seer.text.ItemVectors;
import dev.seer.text.MemoryEmbeddingCache;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text vectors of one application's catalogue for natural-language search, for one embedder and
 * one catalogue version. Rebuilding after a catalogue change embeds only new or changed texts: the
 * others come from the memory cache or the store's {@code text_embeddings} table.
 *
 * @param embedderName the embedder name ({@link Embedders#create})
 * @param catalogueVersion the catalogue version it was built from
 * @param embedder the embedder with its caches
 * @param vectors the catalogue's vectors (item ids sorted)
 */
record SearchIndex(
    String embedderName, long catalogueVersion, CachedEmbedder embedder, ItemVectors vectors) {
  /** The most characters of an item's text that are embedded. */
  static final int MAX_CHARS = 1000;

  static SearchIndex build(
      String embedderName,
      long catalogueVersion,
      Map<String, CatalogItem> catalogue,
      MemoryEmbeddingCache memory,
      Store store) {
    CachedEmbedder e =
        new CachedEmbedder(
            Embedders.create(embedderName), List.of(memory, new StoreEmbeddingCache(store)), 32);
    Map<String, ItemInfo> items = new TreeMap<>();
    for (CatalogItem c : catalogue.values()) {
      items.put(c.info().id(), c.info());
    }
    return new SearchIndex(
        embedderName,
        catalogueVersion,
        e,
        ItemVectors.embed(items, e, MAX_CHARS, ProgressListener.NONE));
  }
}
