package dev.seer.text;

import dev.seer.api.IdIndex;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unit-length text vectors of a catalogue, row {@code i} for item {@code items.id(i)}, with the
 * text that was embedded.
 *
 * @param items the item index
 * @param dim the vector length
 * @param vectors row-major vectors, {@code items.size() * dim}
 * @param texts the embedded text of each item
 */
public record ItemVectors(IdIndex items, int dim, float[] vectors, List<String> texts) {
  /** Checks the shapes. */
  public ItemVectors {
    if (vectors.length != items.size() * dim || texts.size() != items.size()) {
      throw new IllegalArgumentException("item vectors do not match the item index");
    }
    texts = List.copyOf(texts);
  }

  /**
   * Embeds a catalogue with {@link ItemText}.
   *
   * @param catalogue items by id, in the order they get their indices
   * @param embedder the embedder (with its caches)
   * @param maxChars the most characters embedded per item
   * @param progress receives progress
   * @return the vectors
   */
  public static ItemVectors embed(
      Map<String, ItemInfo> catalogue,
      CachedEmbedder embedder,
      int maxChars,
      ProgressListener progress) {
    List<String> ids = new ArrayList<>(catalogue.keySet());
    List<String> texts = new ArrayList<>(ids.size());
    for (String id : ids) {
      texts.add(ItemText.of(catalogue.get(id), id, maxChars));
    }
    List<float[]> v = embedder.embed(texts, progress, "embed items");
    int dim = embedder.dimension();
    float[] all = new float[ids.size() * dim];
    for (int i = 0; i < ids.size(); i++) {
      System.arraycopy(v.get(i), 0, all, i * dim, dim);
    }
    return new ItemVectors(IdIndex.of(ids), dim, all, texts);
  }

  /**
   * Returns the vectors of a semantic model.
   *
   * @param model the model
   * @return its item vectors and texts
   */
  public static ItemVectors of(SemanticModel model) {
    List<String> texts = new ArrayList<>(model.items().size());
    for (int i = 0; i < model.items().size(); i++) {
      texts.add(model.text(i));
    }
    return new ItemVectors(model.items(), model.dimension(), model.itemVectors(), texts);
  }

  /**
   * Returns the number of items.
   *
   * @return the count
   */
  public int size() {
    return items.size();
  }
}
