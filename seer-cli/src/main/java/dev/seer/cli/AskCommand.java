package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import dev.seer.store.Store;
import dev.seer.text.CachedEmbedder;
import dev.seer.text.Embedders;
import dev.seer.text.EmbeddingCache;
import dev.seer.text.ItemVectors;
import dev.seer.text.MemoryEmbeddingCache;
import dev.seer.text.SemanticModel;
import dev.seer.text.SemanticSearch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seer ask "a light space comedy for kids" --data DIR}: natural-language search over a
 * catalogue, optionally blended with a trained model for a known user (see {@link SemanticSearch}).
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description =
        "Find items for a request in plain words, e.g. seer ask \"a light space comedy for kids\""
            + " --data ../shared/data/movielens-latest-small. The request and every item's text"
            + " (title, categories, tags, description, reviews) are embedded with the packaged"
            + " sentence model and ranked by cosine similarity; with --model and --user the"
            + " model's scores for that user are blended in: (1 - blend) z(similarity) + blend"
            + " z(model), z standardised over the catalogue.")
public final class AskCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REQUEST", description = "What you are looking for.")
  String request;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A model from 'seer train': a semantic model brings its item vectors (then --data is"
              + " optional); any model is blended in for --user.")
  Path model;

  @Option(names = "--user", paramLabel = "ID", description = "A user of the model to blend for.")
  String user;

  @Option(
      names = "--blend",
      defaultValue = "0.3",
      paramLabel = "W",
      description = "Weight of the model's scores, 0 to 1 (default 0.3).")
  double blend;

  @Option(
      names = {"-n", "--n"},
      defaultValue = "10",
      paramLabel = "N",
      description = "How many items (default 10, at most 1000).")
  int n;

  @Option(
      names = "--embedder",
      defaultValue = "minilm",
      paramLabel = "NAME",
      description =
          "minilm (default, the packaged all-MiniLM-L6-v2) or hash-<dim> (term hashing, no model).")
  String embedder;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description =
          "A SQLite file that keeps item embeddings between runs (created if missing), e.g."
              + " ~/.seer/embeddings.db.")
  Path cache;

  @Option(
      names = "--max-chars",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Characters of each item's text to embed (default 1000).")
  int maxChars;

  @Override
  public Integer call() {
    if (n < 1 || n > 1000) {
      throw new InputException("-n " + n + " is out of range; use 1 to 1000.");
    }
    if (user != null && model == null) {
      throw new InputException("--user needs --model FILE (the model to blend in for that user).");
    }
    if (!dataOptions.present() && model == null) {
      throw new InputException("Give the catalogue with --data PATH (or a semantic --model FILE).");
    }
    if (maxChars < 16 || maxChars > 100_000) {
      throw new InputException("--max-chars " + maxChars + " is out of range; use 16 to 100000.");
    }
    PrintStream o = System.out;
    Recommender collaborative = null;
    if (model != null) {
      SavedModel saved = dev.seer.api.ModelFiles.load(model);
      collaborative = saved.model();
    }
    Store store = cache == null ? null : StoreEmbeddings.open(cache);
    try {
      ItemVectors vectors;
      CachedEmbedder e;
      Map<String, ItemInfo> meta = Map.of();
      List<EmbeddingCache> caches = new ArrayList<>();
      caches.add(new MemoryEmbeddingCache(100_000));
      if (store != null) {
        caches.add(new StoreEmbeddings(store));
      }
      try (CliProgress progress = new CliProgress(System.err)) {
        if (dataOptions.present()) {
          Dataset ds = dataOptions.read(progress, o);
          meta = ds.items();
          if (meta.isEmpty()) {
            throw new InputException(
                dataOptions.data
                    + " has no item metadata (titles, categories or text) to search; give a"
                    + " dataset with item files, e.g. MovieLens movies.csv.");
          }
        }
        if (collaborative instanceof SemanticModel sm && meta.isEmpty()) {
          e = new CachedEmbedder(Embedders.create(sm.options().embedder()), caches, 32);
          vectors = ItemVectors.of(sm);
        } else {
          String name =
              collaborative instanceof SemanticModel sm ? sm.options().embedder() : embedder;
          e = new CachedEmbedder(Embedders.create(name), caches, 32);
          vectors = ItemVectors.embed(meta, e, maxChars, progress);
        }
      }
      int u = -1;
      if (user != null) {
        u = collaborative.users().index(user);
        if (u < 0) {
          throw new InputException(
              "User '" + user + "' is not in the model's training data; leave out --user.");
        }
      }
      List<SemanticSearch.Hit> hits =
          SemanticSearch.search(vectors, e, request, collaborative, u, blend, n, null);
      TextTable t = new TextTable("rank", "item", "title", "score", "similarity", "matching");
      for (int r = 0; r < hits.size(); r++) {
        SemanticSearch.Hit h = hits.get(r);
        String id = vectors.items().id(h.item());
        ItemInfo info = meta.get(id);
        t.add(
            r + 1,
            id,
            info == null ? "" : info.title(),
            h.score(),
            h.similarity(),
            String.join(" ", h.terms()));
      }
      o.print(t);
      return 0;
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }
}
