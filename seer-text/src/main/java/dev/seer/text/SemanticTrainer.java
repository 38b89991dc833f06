package dev.seer.text;

import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.text.image.ColourTextureDescriptor;
import dev.seer.text.image.ImageEncoder;
import dev.seer.text.image.Images;
import dev.seer.text.image.Multimodal;
import dev.seer.text.image.OnnxImageEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains {@link SemanticModel}s (algorithm {@value #ALGORITHM}): every item's text ({@link
 * ItemText}: title, categories, tags or description, review text) is embedded with a sentence
 * model, and a user's profile is the normalised weighted mean of the vectors of the items they
 * liked, so {@code score(u, i) = profile_u . v_i}, the cosine similarity of the profile and the
 * item. Items of {@link TrainingContext#items()} that have no interactions are added to the model's
 * item index after the trained ones (sorted by id), so new items are recommendable from their text
 * alone. Nothing is random: the seed is only recorded.
 *
 * <p>Embeddings are cached by content hash: in a process-wide memory cache and in the caches given
 * here (for example the store's {@code text_embeddings} table), so retraining re-embeds only
 * changed texts.
 */
public final class SemanticTrainer implements Trainer<SemanticModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "semantic";

  private static final MemoryEmbeddingCache SHARED = new MemoryEmbeddingCache(50_000);

  private final SemanticOptions options;
  private final List<EmbeddingCache> caches;

  /**
   * Creates a trainer that caches in memory only.
   *
   * @param options the options
   */
  public SemanticTrainer(SemanticOptions options) {
    this(options, List.of(SHARED));
  }

  private SemanticTrainer(SemanticOptions options, List<EmbeddingCache> caches) {
    this.options = Objects.requireNonNull(options, "options");
    this.caches = List.copyOf(caches);
  }

  /**
   * Returns a trainer that uses exactly these caches, in order (for example a server's own memory
   * cache, then its store), instead of the process-wide memory cache.
   *
   * @param caches the caches
   * @return the new trainer
   */
  public SemanticTrainer withCaches(List<EmbeddingCache> caches) {
    return new SemanticTrainer(options, caches);
  }

  /**
   * Returns a trainer that also reads and writes a persistent cache, after the memory cache.
   *
   * @param cache the cache
   * @return the new trainer
   */
  public SemanticTrainer withCache(EmbeddingCache cache) {
    List<EmbeddingCache> c = new ArrayList<>(caches);
    c.add(Objects.requireNonNull(cache, "cache"));
    return new SemanticTrainer(options, c);
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public SemanticOptions options() {
    return options;
  }

  /**
   * Returns the embedder this trainer uses, with its caches, for embedding queries the same way.
   *
   * @return the embedder
   */
  public CachedEmbedder embedder() {
    return new CachedEmbedder(Embedders.create(options.embedder()), caches, options.batchSize());
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public SemanticModel fit(Interactions train, TrainingContext context) {
    if (train.size() == 0) {
      throw new InputException(
          "semantic needs at least one interaction to build user profiles; the training data is"
              + " empty.");
    }
    Map<String, ItemInfo> infos = context.items();
    List<String> ids = new ArrayList<>(train.items().ids());
    List<String> extra = new ArrayList<>();
    for (String id : infos.keySet()) {
      if (train.items().index(id) < 0) {
        extra.add(id);
      }
    }
    extra.sort(null);
    ids.addAll(extra);
    IdIndex items = extra.isEmpty() ? train.items() : IdIndex.of(ids);
    List<String> texts = new ArrayList<>(ids.size());
    for (String id : ids) {
      texts.add(ItemText.of(infos.get(id), id, options.maxChars()));
    }
    CachedEmbedder embedder = embedder();
    List<float[]> vectors = embedder.embed(texts, context.progress(), ALGORITHM + ": embed items");
    if (options.imageWeight() > 0) {
      vectors = withImages(ids, infos, vectors, context.progress());
    }
    int dim = vectors.get(0).length;
    float[] v = new float[ids.size() * dim];
    for (int i = 0; i < ids.size(); i++) {
      System.arraycopy(vectors.get(i), 0, v, i * dim, dim);
    }
    SparseMatrix weights = likedWeights(train.byUser(), items.size(), train.hasRatings());
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new SemanticModel(
        card, train.users(), items, options, dim, v, weights, texts.toArray(new String[0]));
  }

  /**
   * Appends image vectors: {@code Multimodal.combine(text, image, imageWeight)} for items with an
   * image, {@code [text, 0]} for items without (so that every item vector has unit length).
   */
  private List<float[]> withImages(
      List<String> ids,
      Map<String, ItemInfo> infos,
      List<float[]> text,
      ProgressListener progress) {
    ImageEncoder enc =
        options.imageModel().isEmpty()
            ? new ColourTextureDescriptor()
            : new OnnxImageEncoder(
                Path.of(options.imageModel()),
                224,
                new float[] {0.4815f, 0.4578f, 0.4082f},
                new float[] {0.2686f, 0.2613f, 0.2758f});
    try {
      int d = enc.dimension();
      List<float[]> out = new ArrayList<>(ids.size());
      String task = ALGORITHM + ": encode images";
      progress.update(task, 0, ids.size());
      for (int i = 0; i < ids.size(); i++) {
        ItemInfo info = infos.get(ids.get(i));
        String path = info == null ? null : info.attributes().get(options.imageAttribute());
        if (path == null || path.isBlank()) {
          out.add(Multimodal.combine(text.get(i), new float[d], 0));
        } else {
          float[] img;
          try {
            img = enc.encode(Images.read(Path.of(path.strip())));
          } catch (InputException e) {
            throw new InputException(
                "Item '"
                    + ids.get(i)
                    + "' (attribute "
                    + options.imageAttribute()
                    + "): "
                    + e.getMessage(),
                e);
          }
          out.add(Multimodal.combine(text.get(i), img, options.imageWeight()));
        }
        progress.update(task, i + 1, ids.size());
      }
      return out;
    } finally {
      if (enc instanceof OnnxImageEncoder o) {
        o.close();
      }
    }
  }

  private SparseMatrix likedWeights(SparseMatrix byUser, int numItems, boolean rated) {
    int rows = byUser.rows();
    int[] ptr = new int[rows + 1];
    List<int[]> idx = new ArrayList<>(rows);
    for (int u = 0; u < rows; u++) {
      int[] kept = SemanticModel.liked(byUser, u, rated && "above-mean".equals(options.liked()));
      idx.add(kept);
      ptr[u + 1] = ptr[u] + kept.length;
    }
    int[] cols = new int[ptr[rows]];
    float[] vals = new float[ptr[rows]];
    for (int u = 0; u < rows; u++) {
      int[] kept = idx.get(u);
      System.arraycopy(kept, 0, cols, ptr[u], kept.length);
      java.util.Arrays.fill(vals, ptr[u], ptr[u + 1], 1f);
    }
    return new SparseMatrix(rows, numItems, ptr, cols, vals);
  }
}
