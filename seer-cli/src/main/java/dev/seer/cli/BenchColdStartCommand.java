package dev.seer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.api.Dataset;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.SparseMatrix;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.eval.Machine;
import dev.seer.store.Store;
import dev.seer.text.Embedders;
import dev.seer.text.EmbeddingCache;
import dev.seer.text.ItemText;
import dev.seer.text.ItemVectors;
import dev.seer.text.MemoryEmbeddingCache;
import dev.seer.text.SemanticModel;
import dev.seer.text.SemanticOptions;
import dev.seer.text.SemanticSearch;
import dev.seer.text.SemanticTrainer;
import dev.seer.text.TextEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seer bench cold-start}: recommends held-out items from their text alone. A share of the
 * items that have interactions is held out with all their interactions; the semantic model is
 * trained on the rest, the held-out items enter it by their text only, and every user with training
 * rows and held-out interactions ranks the held-out items. Compared with a seeded random ranking,
 * the held-out items' category popularity, and the user's own category shares. Also measures
 * embedding throughput and search latency.
 */
@Command(
    name = "cold-start",
    mixinStandardHelpOptions = true,
    description =
        "Cold-start items from text: hold out a share of the items with all their interactions,"
            + " recommend them from their text only (semantic model), Recall@K against random and"
            + " category popularity, on MovieLens latest-small and Amazon Musical Instruments;"
            + " plus embedding throughput and search latency. Writes JSON.")
public final class BenchColdStartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--movielens",
      defaultValue = "../shared/data/movielens-latest-small",
      paramLabel = "DIR",
      description = "MovieLens latest-small folder (default ${DEFAULT-VALUE}).")
  Path movielens;

  @Option(
      names = "--amazon",
      defaultValue =
          "../shared/data/amazon-2014-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz",
      paramLabel = "FILE",
      description = "Amazon 2014 5-core reviews, JSON lines, gzip (default ${DEFAULT-VALUE}).")
  Path amazon;

  @Option(names = "--holdout", defaultValue = "0.2", description = "Share of items held out.")
  double holdout;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
  long seed;

  @Option(names = "--cutoff", defaultValue = "20", description = "K of Recall@K (default 20).")
  int cutoff;

  @Option(
      names = "--embedder",
      defaultValue = "minilm",
      description = "minilm (default) or hash-<dim>.")
  String embedder;

  @Option(
      names = "--max-chars",
      defaultValue = "1000",
      description = "Characters of item text embedded (default 1000).")
  int maxChars;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description = "Search queries timed (default 200).")
  int queries;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description = "A SQLite file that keeps embeddings between runs (as for seer ask).")
  Path cache;

  @Option(names = "--note", description = "A note recorded in the JSON.")
  String note;

  @Option(
      names = "--out",
      defaultValue = "seer-output/cold-start.json",
      paramLabel = "FILE",
      description = "The JSON file to write (default ${DEFAULT-VALUE}).")
  Path out;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A prepared cold-start split. */
  record Prepared(
      String name,
      Interactions train,
      Map<String, ItemInfo> infos,
      List<String> cold,
      Map<String, List<String>> relevant,
      Map<String, Object> facts) {}

  @Override
  public Integer call() throws IOException {
    if (!(holdout > 0 && holdout < 1)) {
      throw new InputException("--holdout " + holdout + " must be between 0 and 1.");
    }
    if (cutoff < 1) {
      throw new InputException("--cutoff " + cutoff + " must be at least 1.");
    }
    PrintStream o = System.out;
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "benchmark",
        "cold-start items from text (dev.seer.text.SemanticTrainer), embedding throughput, search"
            + " latency");
    root.put("command", CommandLines.of(spec));
    root.put("date", Instant.now().toString());
    root.put(
        "protocol",
        "Items with interactions are shuffled (seed) and "
            + holdout
            + " of them are held out with all their interactions. The semantic model (options"
            + " below) is trained on the remaining interactions; held-out items enter it from"
            + " their text only. Every user with training rows and at least one held-out"
            + " interaction ranks all held-out items; relevant = the user's held-out items (any"
            + " rating). Recall@K = hits in the top K / relevant, HitRate@K = share of users with"
            + " a hit; means over users. Baselines: random (a seeded shuffle per user);"
            + " category-popularity (an item scores the mean, over its categories, of the training"
            + " interactions with items of that category; not personalised); user-categories (the"
            + " mean, over the item's categories, of the share of the user's training"
            + " interactions in that category, ties broken by category popularity). The Amazon"
            + " file has no item categories, so the category baselines do not apply there.");
    SemanticOptions options = new SemanticOptions(embedder, maxChars, 32, "above-mean");
    root.put("options", options.asMap());
    root.put("seed", seed);
    root.put("cutoff", cutoff);
    List<EmbeddingCache> caches = new ArrayList<>();
    caches.add(new MemoryEmbeddingCache(200_000));
    Store store = cache == null ? null : StoreEmbeddings.open(cache);
    if (store != null) {
      caches.add(new StoreEmbeddings(store));
    }
    List<Object> results = new ArrayList<>();
    SemanticModel mlModel;
    Map<String, ItemInfo> mlInfos;
    try (CliProgress progress = new CliProgress(System.err)) {
      Prepared ml = movieLens(progress);
      Map<String, Object> r = evaluate(ml, options, caches, progress, o);
      mlModel = (SemanticModel) r.remove("_model");
      mlInfos = ml.infos();
      results.add(r);
      Prepared az = amazon(progress);
      Map<String, Object> ra = evaluate(az, options, caches, progress, o);
      ra.remove("_model");
      results.add(ra);
    } finally {
      if (store != null) {
        store.close();
      }
    }
    root.put("results", results);
    root.put("throughput", throughput(mlInfos, o));
    root.put("search", searchLatency(mlModel, o));
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("loadAverageBefore", loadBefore);
    machine.put(
        "loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put(
        "note",
        "a shared 2-core machine: other engineers' builds and tests ran on the same cores, so"
            + " throughput is a lower bound and latencies an upper bound");
    root.put("machine", machine);
    if (note != null) {
      root.put("note", note);
    }
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(abs.toFile(), root);
    o.println("wrote " + out);
    return 0;
  }

  private Prepared movieLens(ProgressListener progress) {
    Dataset ds = DatasetReaders.read(movielens, "auto", ReadOptions.strict(), progress).dataset();
    Interactions all = ds.interactions();
    List<String> cold = pickCold(all);
    java.util.Set<String> coldSet = new java.util.HashSet<>(cold);
    Interactions.Builder b = new Interactions.Builder();
    Map<String, List<String>> rel = new LinkedHashMap<>();
    for (int k = 0; k < all.size(); k++) {
      String u = all.users().id(all.user(k));
      String i = all.items().id(all.item(k));
      if (coldSet.contains(i)) {
        rel.computeIfAbsent(u, x -> new ArrayList<>()).add(i);
      } else {
        b.add(u, i, all.rating(k), all.timestamp(k));
      }
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(
        "text",
        "title, genres and tags (tags.csv; tags were written by 58 users, some of whom may be test"
            + " users of the item)");
    return new Prepared("movielens-latest-small", b.build(), ds.items(), cold, rel, facts);
  }

  /** One Amazon review. */
  private record Review(String user, String item, float rating, long time, String text) {}

  private Prepared amazon(ProgressListener progress) throws IOException {
    if (!Files.isRegularFile(amazon)) {
      throw new InputException(
          amazon + " does not exist; pass --amazon FILE (reviews_Musical_Instruments_5.json.gz).");
    }
    List<Review> reviews = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(amazon));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String summary = n.path("summary").asText("");
        String text = n.path("reviewText").asText("");
        reviews.add(
            new Review(
                n.path("reviewerID").asText(),
                n.path("asin").asText(),
                (float) n.path("overall").asDouble(),
                n.path("unixReviewTime").asLong(),
                summary.isBlank() ? text : summary.strip() + ". " + text));
      }
    }
    Interactions.Builder allB = new Interactions.Builder();
    for (Review v : reviews) {
      allB.add(v.user(), v.item(), v.rating(), v.time());
    }
    Interactions all = allB.build();
    List<String> cold = pickCold(all);
    java.util.Set<String> coldSet = new java.util.HashSet<>(cold);
    // each held-out item's reviewers: a seeded half give the item its text, the other half are
    // the test users; the text reviewers' interactions are in neither training nor test
    Map<String, List<Review>> byItem = new LinkedHashMap<>();
    for (Review v : reviews) {
      byItem.computeIfAbsent(v.item(), x -> new ArrayList<>()).add(v);
    }
    Interactions.Builder b = new Interactions.Builder();
    Map<String, List<String>> rel = new LinkedHashMap<>();
    Map<String, StringBuilder> text = new HashMap<>();
    int textReviews = 0;
    for (Map.Entry<String, List<Review>> e : byItem.entrySet()) {
      List<Review> rs = e.getValue();
      if (coldSet.contains(e.getKey())) {
        List<Review> shuffled = new ArrayList<>(rs);
        shuffle(shuffled, new SplittableRandom(seed ^ e.getKey().hashCode()));
        int half = shuffled.size() / 2;
        for (int k = 0; k < shuffled.size(); k++) {
          Review v = shuffled.get(k);
          if (k < half) {
            text.computeIfAbsent(v.item(), x -> new StringBuilder()).append(v.text()).append('\n');
            textReviews++;
          } else {
            rel.computeIfAbsent(v.user(), x -> new ArrayList<>()).add(v.item());
          }
        }
      } else {
        for (Review v : rs) {
          b.add(v.user(), v.item(), v.rating(), v.time());
          text.computeIfAbsent(v.item(), x -> new StringBuilder()).append(v.text()).append('\n');
        }
      }
    }
    Map<String, ItemInfo> infos = new LinkedHashMap<>();
    for (String id : byItem.keySet()) {
      infos.put(
          id,
          new ItemInfo(
              id, "", List.of(), text.getOrDefault(id, new StringBuilder()).toString(), Map.of()));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(
        "text",
        "aggregated review text (summary and review); for each held-out item a seeded half of its"
            + " reviews gives the text and the other half's reviewers are the test users, so no"
            + " test user's own review is in the text");
    facts.put("textReviewsOfHeldOutItems", textReviews);
    return new Prepared(
        "amazon-2014-musical-instruments-5core", b.build(), infos, cold, rel, facts);
  }

  private List<String> pickCold(Interactions all) {
    SparseMatrix byItem = all.byItem();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < all.numItems(); i++) {
      if (byItem.rowNnz(i) > 0) {
        ids.add(all.items().id(i));
      }
    }
    ids.sort(null);
    shuffle(ids, new SplittableRandom(seed));
    return new ArrayList<>(ids.subList(0, (int) Math.round(holdout * ids.size())));
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int k = list.size() - 1; k > 0; k--) {
      int j = rnd.nextInt(k + 1);
      T t = list.get(k);
      list.set(k, list.get(j));
      list.set(j, t);
    }
  }

  private Map<String, Object> evaluate(
      Prepared p,
      SemanticOptions options,
      List<EmbeddingCache> caches,
      ProgressListener progress,
      PrintStream o) {
    Map<String, ItemInfo> ctxItems = new LinkedHashMap<>(p.infos());
    long t0 = System.nanoTime();
    SemanticModel model =
        new SemanticTrainer(options)
            .withCaches(caches)
            .fit(p.train(), new TrainingContext(seed, ctxItems, progress, 2));
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    IdIndex items = model.items();
    int[] cand = new int[p.cold().size()];
    for (int k = 0; k < cand.length; k++) {
      cand[k] = items.index(p.cold().get(k));
      if (cand[k] < 0) {
        throw new IllegalStateException("held-out item " + p.cold().get(k) + " not in the model");
      }
    }
    // category statistics from the training interactions
    Map<String, Double> catPop = new HashMap<>();
    Interactions train = p.train();
    for (int k = 0; k < train.size(); k++) {
      ItemInfo info = p.infos().get(train.items().id(train.item(k)));
      if (info != null) {
        for (String c : info.categories()) {
          catPop.merge(c, 1.0, Double::sum);
        }
      }
    }
    float[] catScore = new float[cand.length];
    for (int k = 0; k < cand.length; k++) {
      catScore[k] = (float) meanOver(p.infos().get(p.cold().get(k)), catPop);
    }
    SparseMatrix byUser = train.byUser();
    String[] methods = {"semantic", "random", "category-popularity", "user-categories"};
    double[] recall = new double[methods.length];
    double[] hit = new double[methods.length];
    int users = 0;
    long pairs = 0;
    float[] all = new float[items.size()];
    float[] s = new float[cand.length];
    for (Map.Entry<String, List<String>> e : p.relevant().entrySet()) {
      int u = model.users().index(e.getKey());
      if (u < 0) {
        continue;
      }
      java.util.Set<Integer> rel = new java.util.HashSet<>();
      for (String id : e.getValue()) {
        rel.add(p.cold().indexOf(id));
      }
      users++;
      pairs += rel.size();
      // semantic
      model.score(u, all);
      for (int k = 0; k < cand.length; k++) {
        s[k] = all[cand[k]];
      }
      accumulate(0, Ranker.topN(s, cutoff, null), rel, recall, hit);
      // random
      SplittableRandom rnd = new SplittableRandom(seed * 31 + u);
      for (int k = 0; k < cand.length; k++) {
        s[k] = (float) rnd.nextDouble();
      }
      accumulate(1, Ranker.topN(s, cutoff, null), rel, recall, hit);
      accumulate(2, Ranker.topN(catScore, cutoff, null), rel, recall, hit);
      // the user's category shares
      Map<String, Double> mine = new HashMap<>();
      int tu = train.users().index(e.getKey());
      for (int k = byUser.rowStart(tu); k < byUser.rowEnd(tu); k++) {
        ItemInfo info = p.infos().get(train.items().id(byUser.indices()[k]));
        if (info != null) {
          for (String c : info.categories()) {
            mine.merge(c, 1.0 / byUser.rowNnz(tu), Double::sum);
          }
        }
      }
      for (int k = 0; k < cand.length; k++) {
        s[k] = (float) (meanOver(p.infos().get(p.cold().get(k)), mine) + 1e-9 * catScore[k]);
      }
      accumulate(3, Ranker.topN(s, cutoff, null), rel, recall, hit);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("dataset", p.name());
    r.putAll(p.facts());
    r.put("items", items.size());
    r.put("heldOutItems", cand.length);
    r.put("trainingInteractions", train.size());
    r.put("testUsers", users);
    r.put("testPairs", pairs);
    r.put("trainSeconds", Math.round(trainSeconds * 10) / 10.0);
    Map<String, Object> m = new LinkedHashMap<>();
    o.printf("%s: %d held-out items, %d test users%n", p.name(), cand.length, users);
    boolean anyCategory = !catPop.isEmpty();
    for (int k = 0; k < methods.length; k++) {
      if (k >= 2 && !anyCategory) {
        m.put(methods[k], "n/a: the items have no categories");
        continue;
      }
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("recall@" + cutoff, round(recall[k] / users));
      x.put("hitRate@" + cutoff, round(hit[k] / users));
      m.put(methods[k], x);
      o.printf(
          "  %-20s Recall@%d %.4f  HitRate@%d %.4f%n",
          methods[k], cutoff, recall[k] / users, cutoff, hit[k] / users);
    }
    r.put("metrics", m);
    r.put("_model", model);
    return r;
  }

  private static double meanOver(ItemInfo info, Map<String, Double> byCategory) {
    if (info == null || info.categories().isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String c : info.categories()) {
      sum += byCategory.getOrDefault(c, 0.0);
    }
    return sum / info.categories().size();
  }

  private static void accumulate(
      int method, Ranking top, java.util.Set<Integer> rel, double[] recall, double[] hit) {
    int hits = 0;
    for (int i : top.items()) {
      if (rel.contains(i)) {
        hits++;
      }
    }
    recall[method] += (double) hits / rel.size();
    hit[method] += hits > 0 ? 1 : 0;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private Map<String, Object> throughput(Map<String, ItemInfo> infos, PrintStream o) {
    TextEmbedder e = Embedders.create(embedder);
    List<String> shortTexts = new ArrayList<>();
    List<String> longTexts = new ArrayList<>();
    for (ItemInfo info : infos.values()) {
      if (shortTexts.size() < 512) {
        shortTexts.add(info.title() + ". " + String.join(", ", info.categories()));
      }
    }
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(amazon)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && longTexts.size() < 128) {
        String t = JSON.readTree(line).path("reviewText").asText("");
        if (t.length() >= 600) {
          longTexts.add(ItemText.cut(t, maxChars));
        }
      }
    } catch (IOException ex) {
      throw new InputException("Cannot read " + amazon + ": " + ex.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("embedder", e.modelId());
    out.put("batchSize", 32);
    out.put("threads", "ONNX Runtime default (all cores), one batch at a time");
    e.embed(shortTexts.subList(0, 32)); // load the model and warm up
    out.put("titles", rate(e, shortTexts, "movie titles and genres", o));
    out.put("reviews", rate(e, longTexts, "Amazon reviews of 600+ characters, cut at maxChars", o));
    return out;
  }

  private static Map<String, Object> rate(
      TextEmbedder e, List<String> texts, String what, PrintStream o) {
    long chars = 0;
    for (String t : texts) {
      chars += t.length();
    }
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    for (int from = 0; from < texts.size(); from += 32) {
      e.embed(texts.subList(from, Math.min(texts.size(), from + 32)));
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuNanos() - c0) / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("texts", what);
    m.put("count", texts.size());
    m.put("meanChars", Math.round((double) chars / texts.size()));
    m.put("seconds", Math.round(sec * 1000) / 1000.0);
    m.put("sentencesPerSecond", Math.round(texts.size() / sec * 10) / 10.0);
    m.put("processCpuSeconds", Math.round(cpu * 1000) / 1000.0);
    m.put("sentencesPerCpuSecond", Math.round(texts.size() / cpu * 10) / 10.0);
    o.printf("embedding %s: %.1f sentences/s%n", what, texts.size() / sec);
    return m;
  }

  private Map<String, Object> searchLatency(SemanticModel model, PrintStream o) {
    TextEmbedder e = Embedders.create(model.options().embedder());
    ItemVectors v = ItemVectors.of(model);
    String[] base = {
      "a light space comedy for kids",
      "dark psychological thriller with a twist ending",
      "romantic comedy set in New York",
      "animated adventure about talking animals",
      "war drama based on a true story",
      "feel-good sports movie about an underdog team",
      "slow atmospheric science fiction",
      "scary haunted house horror",
      "documentary about music and musicians",
      "heist film with a clever plan"
    };
    int warm = 20;
    long[] ns = new long[queries];
    long[] cpu = new long[queries];
    for (int k = -warm; k < queries; k++) {
      String q = base[Math.floorMod(k, base.length)] + (k >= 0 ? " " + (k / base.length) : "");
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      SemanticSearch.search(v, e, q, null, -1, 0, 10, null);
      long dt = System.nanoTime() - t0;
      if (k >= 0) {
        ns[k] = dt;
        cpu[k] = cpuNanos() - c0;
      }
    }
    Arrays.sort(ns);
    Arrays.sort(cpu);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "what",
        "SemanticSearch.search in process: embed the query (no cache; each query is distinct) and"
            + " an exact dot-product scan of the catalogue, top 10");
    m.put("catalogueItems", v.size());
    m.put("queries", queries);
    m.put("warmupQueries", warm);
    m.put("p50ms", ms(ns[ns.length / 2]));
    m.put("p99ms", ms(ns[Math.min(ns.length - 1, (int) Math.ceil(ns.length * 0.99) - 1)]));
    m.put("maxMs", ms(ns[ns.length - 1]));
    m.put("cpuP50ms", ms(cpu[cpu.length / 2]));
    m.put("cpuP99ms", ms(cpu[Math.min(cpu.length - 1, (int) Math.ceil(cpu.length * 0.99) - 1)]));
    m.put(
        "cpuNote",
        "process CPU time per query (all threads, incl. ONNX Runtime's), which leaves out time"
            + " spent waiting for a core on the shared machine");
    o.printf(
        "search over %d items: p50 %.2f ms, p99 %.2f ms%n",
        v.size(), ns[ns.length / 2] / 1e6, ns[ns.length * 99 / 100] / 1e6);
    return m;
  }

  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static double ms(long ns) {
    return Math.round(ns / 1e4) / 100.0;
  }
}
