package dev.seer.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.SeerVersion;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.RandomSplitter;
import dev.seer.data.split.SplitStats;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.eval.Machine;
import dev.seer.eval.Significance;
import dev.seer.eval.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seer bench models}: every model on one per-user random split, full ranking, Recall and
 * NDCG at 10 and 20 with training times, written as one JSON file and printed as a markdown table.
 * Models that tune themselves (hybrid, ensemble) do so on a validation part carved from the
 * training part; the test part is only read for the final scores.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "Train and evaluate several models on one per-user random split by full ranking; write"
            + " the metrics and training times as JSON and print a markdown table.")
public final class BenchModelsCommand implements Callable<Integer> {
  /** The models of the ML-1M table, in table order. */
  static final String ALL =
      "random,popularity,item-knn,user-knn,content,rp3beta,bpr,als,ease,hybrid,ensemble";

  private static final String[] SHOWN = {"Recall@10", "NDCG@10", "Recall@20", "NDCG@20"};

  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Option(
      names = {"--algorithms", "-a"},
      paramLabel = "NAMES",
      split = ",",
      defaultValue = ALL,
      description = "Comma-separated algorithms (default: " + ALL + ").")
  List<String> algorithms;

  @Option(
      names = "--param",
      paramLabel = "ALGO.KEY=VALUE",
      description = "An algorithm option, e.g. bpr.epochs=50 (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--test-ratio",
      paramLabel = "R",
      defaultValue = "0.2",
      description = "Share of each user's rows in the test part (default 0.2).")
  double testRatio;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed of the split and of training (default 42).")
  long seed;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Train and evaluate up to N models at the same time (default 1); results and their"
              + " order do not depend on N, training times do.")
  int jobs;

  @Option(
      names = "--baseline",
      paramLabel = "NAME",
      defaultValue = "ease",
      description = "The model the others are compared with by paired tests (default ease).")
  String baseline;

  @Option(
      names = "--note",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "Free text stored in the JSON (for example, what else ran on the machine).")
  String note;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The JSON file to write, e.g. docs/benchmarks/ml1m-all-models.json.")
  Path out;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    AlgorithmOptions ao = new AlgorithmOptions();
    ao.algorithms = algorithms;
    ao.params = params;
    List<AlgorithmOptions.Spec> specs = ao.specs();
    String load0 = loadAverage();
    Instant start = Instant.now();
    try (CliProgress progress = new CliProgress(System.err)) {
      Dataset ds = dataOptions.read(progress, o);
      Split split = new RandomSplitter(testRatio, seed).split(ds.interactions());
      o.println(SplitStats.of(split).summary());
      int threads = Runtime.getRuntime().availableProcessors();
      EvalOptions opts = new EvalOptions(new int[] {10, 20}, null, 0, seed, threads);
      if (jobs < 1) {
        throw new InputException("--jobs " + jobs + " is not valid; give 1 or more.");
      }
      List<EvalResult> results =
          jobs == 1
              ? Experiment.run(split, ds.items(), specs, opts, seed, progress, o).results()
              : parallel(split, ds, specs, opts, threads, o);
      String load1 = loadAverage();
      Duration total = Duration.between(start, Instant.now());
      String table = markdown(results);
      o.print(table);
      write(ds, split, results, load0, load1, total);
      o.println("results: " + out.toAbsolutePath());
    }
    return 0;
  }

  private List<EvalResult> parallel(
      Split split,
      Dataset ds,
      List<AlgorithmOptions.Spec> specs,
      EvalOptions opts,
      int threads,
      PrintStream o) {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<EvalResult>> futures = new ArrayList<>();
      for (AlgorithmOptions.Spec s : specs) {
        futures.add(
            pool.submit(
                () -> {
                  long t0 = System.nanoTime();
                  Recommender model =
                      s.trainer()
                          .fit(
                              split.train(),
                              new TrainingContext(
                                  seed, ds.items(), ProgressListener.NONE, threads));
                  long t1 = System.nanoTime();
                  EvalResult r =
                      Evaluator.evaluate(
                          s.name(), model, split, opts, ds.items(), ProgressListener.NONE);
                  long t2 = System.nanoTime();
                  synchronized (o) {
                    o.printf(
                        Locale.ROOT,
                        "%s: trained in %.2f s, evaluated in %.2f s%n",
                        s.name(),
                        (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9);
                  }
                  return r.withTimings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
                }));
      }
      List<EvalResult> results = new ArrayList<>();
      for (Future<EvalResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg")).trim();
      String[] p = s.split("\\s+");
      return p[0] + " " + p[1] + " " + p[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private EvalResult find(List<EvalResult> results, String name) {
    for (EvalResult r : results) {
      if (r.algorithm().equals(name)) {
        return r;
      }
    }
    return null;
  }

  /** The table in markdown: one row per model, the best value of each column in bold. */
  String markdown(List<EvalResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| algorithm | Recall@10 | NDCG@10 | Recall@20 | NDCG@20 | train s |\n");
    sb.append("|---|---|---|---|---|---|\n");
    double[] best = new double[SHOWN.length];
    for (int c = 0; c < SHOWN.length; c++) {
      for (EvalResult r : results) {
        best[c] = Math.max(best[c], r.mean(SHOWN[c]));
      }
    }
    for (EvalResult r : results) {
      sb.append("| ").append(r.algorithm());
      for (int c = 0; c < SHOWN.length; c++) {
        String v = String.format(Locale.ROOT, "%.4f", r.mean(SHOWN[c]));
        sb.append(" | ").append(r.mean(SHOWN[c]) == best[c] ? "**" + v + "**" : v);
      }
      sb.append(String.format(Locale.ROOT, " | %.1f |%n", r.trainMillis() / 1000.0));
    }
    return sb.toString();
  }

  private void write(
      Dataset ds,
      Split split,
      List<EvalResult> results,
      String load0,
      String load1,
      Duration total) {
    try {
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      EvalResult base = find(results, baseline);
      try (OutputStream os = Files.newOutputStream(out);
          JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("benchmark", "every model, per-user random split, full ranking");
        g.writeStringField("command", CommandLines.of(spec));
        g.writeStringField("date", Instant.now().toString());
        g.writeStringField("seerVersion", SeerVersion.get());
        g.writeObjectFieldStart("machine");
        for (Map.Entry<String, String> e : Machine.describe().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeStringField("loadAverageAtStart", load0);
        g.writeStringField("loadAverageAtEnd", load1);
        g.writeEndObject();
        g.writeStringField("note", note);
        g.writeNumberField("totalSeconds", total.toMillis() / 1000.0);
        g.writeStringField("dataset", ds.name());
        g.writeStringField("split", split.name());
        g.writeStringField("splitSummary", SplitStats.of(split).summary());
        g.writeStringField(
            "protocol", results.isEmpty() ? "" : results.get(0).protocol() + "; cutoffs 10 and 20");
        g.writeNumberField("testUsers", results.isEmpty() ? 0 : results.get(0).users().length);
        g.writeStringField(
            "hyperparameters",
            "every model runs with its registered defaults (or --param values), which were chosen"
                + " on validation parts carved from training data (docs/benchmarks/README.md);"
                + " hybrid and ensemble fit their alphas and weights on a validation part carved"
                + " from this split's training part (seeded with --seed); the test part is read"
                + " only for these scores");
        g.writeArrayFieldStart("models");
        for (EvalResult r : results) {
          g.writeStartObject();
          g.writeStringField("algorithm", r.algorithm());
          g.writeObjectFieldStart("options");
          for (Map.Entry<String, String> e : r.card().options().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          if (!r.card().metrics().isEmpty()) {
            g.writeObjectFieldStart("fittedOnValidation");
            for (Map.Entry<String, Double> e :
                new java.util.TreeMap<>(r.card().metrics()).entrySet()) {
              g.writeNumberField(e.getKey(), Math.round(e.getValue() * 1e6) / 1e6);
            }
            g.writeEndObject();
          }
          g.writeObjectFieldStart("metrics");
          for (String m :
              List.of(
                  "Recall@10",
                  "NDCG@10",
                  "Recall@20",
                  "NDCG@20",
                  "Precision@10",
                  "MAP@10",
                  "HitRate@10",
                  "AUC")) {
            if (r.has(m)) {
              g.writeNumberField(m, Math.round(r.mean(m) * 1e6) / 1e6);
            }
          }
          g.writeEndObject();
          g.writeNumberField("trainSeconds", r.trainMillis() / 1000.0);
          g.writeNumberField("evalSeconds", r.evalMillis() / 1000.0);
          if (base != null && base != r) {
            g.writeObjectFieldStart("versus_" + baseline);
            for (String m : List.of("NDCG@10", "Recall@10", "NDCG@20", "Recall@20")) {
              TestResult t = Significance.pairedT(r.perUser(m), base.perUser(m));
              g.writeObjectFieldStart(m);
              g.writeNumberField("meanDifference", Math.round(t.meanDifference() * 1e6) / 1e6);
              g.writeNumberField("pairedTp", t.pValue());
              g.writeEndObject();
            }
            g.writeEndObject();
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("published");
        g.writeStringField(
            "source",
            "RecBole, MovieLens-1M, ratio split 8:1:1, full ranking (RecBole's published"
                + " benchmark results)");
        g.writeStringField("BPR", "Recall@10 0.1776, NDCG@10 0.2401");
        g.writeStringField("LightGCN", "Recall@10 0.1861, NDCG@10 0.2538");
        g.writeEndObject();
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write " + out + ": " + e.getMessage() + "; check the path.", e);
    }
  }
}
