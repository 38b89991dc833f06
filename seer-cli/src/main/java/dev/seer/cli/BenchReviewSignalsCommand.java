package dev.seer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.algorithms.Algorithms;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelCard;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.RandomSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.eval.Machine;
import dev.seer.text.MemoryEmbeddingCache;
import dev.seer.text.SemanticModel;
import dev.seer.text.SemanticOptions;
import dev.seer.text.SemanticTrainer;
import dev.seer.text.review.SentimentModel;
import dev.seer.text.review.SentimentOptions;
import dev.seer.text.review.SentimentTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seer bench review-signals}: do review text and review sentiment help recommendation on
 * Amazon Musical Instruments? Compares a collaborative model alone, the same model trained only on
 * the interactions whose review reads positive, the semantic model on review text, and a blend of
 * the collaborative and the semantic model, on one seeded per-user 80/20 split with full ranking.
 */
@Command(
    name = "review-signals",
    mixinStandardHelpOptions = true,
    description =
        "Whether review text and sentiment help recommendation on Amazon Musical Instruments:"
            + " a collaborative model alone, trained on positive reviews only, the semantic model"
            + " on review text, and their z-score blend; full ranking, per-user random 80/20."
            + " Writes JSON.")
public final class BenchReviewSignalsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--amazon",
      defaultValue =
          "../shared/data/amazon-2014-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz",
      paramLabel = "FILE",
      description = "Amazon 2014 reviews, JSON lines, gzip (default ${DEFAULT-VALUE}).")
  Path amazon;

  @Option(
      names = {"--algorithm", "-a"},
      defaultValue = "item-knn",
      description = "The collaborative model (default ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(names = "--blend", defaultValue = "0.3", description = "Weight of the semantic model.")
  double blend;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the split.")
  long seed;

  @Option(
      names = "--embedder",
      defaultValue = "minilm",
      description = "minilm (default) or hash-<dim>.")
  String embedder;

  @Option(
      names = "--out",
      defaultValue = "seer-output/review-signals.json",
      paramLabel = "FILE",
      description = "The JSON file to write (default ${DEFAULT-VALUE}).")
  Path out;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    if (!(blend >= 0 && blend <= 1)) {
      throw new InputException("--blend " + blend + " must be between 0 and 1.");
    }
    if (!Files.isRegularFile(amazon)) {
      throw new InputException(amazon + " does not exist; pass --amazon FILE.");
    }
    PrintStream o = System.out;
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Interactions.Builder b = new Interactions.Builder();
    Map<String, String> reviewOf = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(amazon)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String u = n.path("reviewerID").asText();
        String i = n.path("asin").asText();
        b.add(u, i, (float) n.path("overall").asDouble(), n.path("unixReviewTime").asLong());
        String summary = n.path("summary").asText("");
        String text = n.path("reviewText").asText("");
        reviewOf.put(u + "\u0000" + i, summary.isBlank() ? text : summary.strip() + ". " + text);
      }
    }
    Interactions all = b.build();
    Split split = new RandomSplitter(0.2, seed).split(all);
    Interactions train = split.train();
    // item text and the sentiment classifier from the training reviews only
    Map<String, StringBuilder> text = new LinkedHashMap<>();
    List<String> sentTexts = new ArrayList<>();
    List<Boolean> sentLabels = new ArrayList<>();
    for (int k = 0; k < train.size(); k++) {
      String u = train.users().id(train.user(k));
      String i = train.items().id(train.item(k));
      String review = reviewOf.getOrDefault(u + "\u0000" + i, "");
      text.computeIfAbsent(i, x -> new StringBuilder()).append(review).append('\n');
      int label = SentimentTrainer.label(train.rating(k));
      if (label >= 0) {
        sentTexts.add(review);
        sentLabels.add(label == 1);
      }
    }
    Map<String, ItemInfo> infos = new LinkedHashMap<>();
    for (String id : train.items().ids()) {
      StringBuilder t = text.get(id);
      infos.put(id, new ItemInfo(id, "", List.of(), t == null ? "" : t.toString(), Map.of()));
    }
    boolean[] y = new boolean[sentLabels.size()];
    for (int k = 0; k < y.length; k++) {
      y[k] = sentLabels.get(k);
    }
    SentimentModel sentiment =
        new SentimentTrainer(SentimentOptions.defaults(seed)).fit(sentTexts, y);
    List<Integer> keep = new ArrayList<>();
    for (int k = 0; k < train.size(); k++) {
      String key = train.users().id(train.user(k)) + "\u0000" + train.items().id(train.item(k));
      if (sentiment.isPositive(reviewOf.getOrDefault(key, ""))) {
        keep.add(k);
      }
    }
    int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
    Interactions positiveOnly = train.select(rows);
    EvalOptions eo = new EvalOptions(new int[] {10, 20}, null, 0, seed, 2);
    Map<String, Object> results = new LinkedHashMap<>();
    try (CliProgress progress = new CliProgress(System.err)) {
      TrainingContext ctx = new TrainingContext(seed, infos, progress, 2);
      Recommender cf = Algorithms.create(algorithm, Map.of()).fit(train, ctx);
      results.put(algorithm, metrics(Evaluator.evaluate(algorithm, cf, split, eo), o));
      Recommender cfPos = Algorithms.create(algorithm, Map.of()).fit(positiveOnly, ctx);
      results.put(
          algorithm + " on positive reviews only",
          metrics(Evaluator.evaluate(algorithm, cfPos, split, eo), o));
      SemanticModel sem =
          new SemanticTrainer(new SemanticOptions(embedder, 1000, 32, "above-mean"))
              .withCaches(List.of(new MemoryEmbeddingCache(10_000)))
              .fit(train, ctx);
      results.put(
          "semantic (review text)", metrics(Evaluator.evaluate("semantic", sem, split, eo), o));
      Recommender mix = new ZBlend(cf, sem, blend);
      results.put(
          algorithm + " + semantic, blend " + blend,
          metrics(Evaluator.evaluate("blend", mix, split, eo), o));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "review text and sentiment as recommendation signals");
    root.put("command", CommandLines.of(spec));
    root.put("date", Instant.now().toString());
    root.put(
        "protocol",
        "per-user random 80/20 split (seed "
            + seed
            + "), full ranking over all items the user has not seen in training, relevant = all"
            + " test items; item text = the item's training reviews only; the sentiment"
            + " classifier (hashed n-gram logistic regression, defaults) is trained on the"
            + " training reviews with labels from ratings; 'positive reviews only' drops the"
            + " training interactions whose review it reads as negative ("
            + (train.size() - rows.length)
            + " of "
            + train.size()
            + "); the blend scores (1 - w) z(collaborative) + w z(semantic), z standardised per"
            + " user over all items");
    root.put("results", results);
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("loadAverageBefore", loadBefore);
    machine.put(
        "loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put("note", "a shared 2-core machine; other engineers' builds ran at the same time");
    root.put("machine", machine);
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(abs.toFile(), root);
    o.println("wrote " + out);
    return 0;
  }

  private static Map<String, Object> metrics(EvalResult r, PrintStream o) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : List.of("Recall@10", "NDCG@10", "Recall@20", "NDCG@20", "HitRate@20")) {
      m.put(k, Math.round(r.mean(k) * 10_000) / 10_000.0);
    }
    o.println(r.algorithm() + ": " + m);
    return m;
  }

  /** The standardised blend of two models over the same users and items. */
  private static final class ZBlend implements Recommender {
    private final Recommender a;
    private final Recommender b;
    private final double w;
    private final ModelCard card;

    ZBlend(Recommender a, Recommender b, double w) {
      if (!a.users().equals(b.users()) || a.items().size() != b.items().size()) {
        throw new IllegalStateException("the blended models differ in users or items");
      }
      this.a = a;
      this.b = b;
      this.w = w;
      this.card =
          new ModelCard("z-blend", Map.of("w", Double.toString(w)), 0, "", null, null, null);
    }

    @Override
    public ModelCard card() {
      return card;
    }

    @Override
    public IdIndex users() {
      return a.users();
    }

    @Override
    public IdIndex items() {
      return a.items();
    }

    @Override
    public void score(int user, float[] out) {
      float[] x = new float[out.length];
      float[] z = new float[out.length];
      a.score(user, x);
      b.score(user, z);
      standardise(x);
      standardise(z);
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) ((1 - w) * x[i] + w * z[i]);
      }
    }

    private static void standardise(float[] x) {
      double s = 0;
      for (float v : x) {
        s += v;
      }
      double mean = s / x.length;
      double ss = 0;
      for (float v : x) {
        ss += (v - mean) * (v - mean);
      }
      double sd = Math.sqrt(ss / x.length);
      for (int i = 0; i < x.length; i++) {
        x[i] = sd == 0 ? 0f : (float) ((x[i] - mean) / sd);
      }
    }
  }
}
