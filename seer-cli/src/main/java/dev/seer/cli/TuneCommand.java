package dev.seer.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.Iterative;
import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.SeerVersion;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.RandomSplitter;
import dev.seer.data.split.Validation;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.eval.Machine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seer tune}: grid or random search over one algorithm's options, each trial trained on the
 * data minus a validation part carved per user and scored on that part by full ranking; the test
 * data is never read.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description =
        "Search an algorithm's options (grid or random) on a validation part carved from the"
            + " training data (never a test part), with early stopping, and print the results"
            + " sorted by the metric with the best options as a command line.")
public final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Option(
      names = {"--algorithm", "-a"},
      required = true,
      paramLabel = "NAME",
      description = "The algorithm to tune, e.g. bpr.")
  String algorithm;

  @Option(
      names = "--grid",
      required = true,
      paramLabel = "SPEC",
      description =
          "Options and values: 'factors=32,64;regularization=0.01,0.1' (a grid), or ranges"
              + " lo..hi (add :log for log-uniform) with --random.")
  String grid;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "A fixed option of every trial (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--random",
      paramLabel = "N",
      defaultValue = "0",
      description = "Random search with N trials instead of the full grid.")
  int random;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed of the validation part, the random search and training (default 42).")
  long seed;

  @Option(
      names = "--validation",
      paramLabel = "R",
      defaultValue = "0.2",
      description = "Share of each user's training rows held out for validation (default 0.2).")
  double validation;

  @Option(
      names = "--drop-test",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "First remove a per-user random share R of the data as a test part (as 'seer evaluate"
              + " --split random --test-ratio R --seed SEED' would) and never read it.")
  double dropTest;

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      defaultValue = "NDCG@10",
      description = "Validation metric to maximise, e.g. NDCG@10 or Recall@20 (default NDCG@10).")
  String metric;

  @Option(
      names = "--patience",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Early stopping (0 = off): stop an iterative trainer's epochs (bpr, als, biased-mf)"
              + " after P evaluations without improvement, and with --random stop the search"
              + " after P trials without improvement.")
  int patience;

  @Option(
      names = "--eval-every",
      paramLabel = "E",
      defaultValue = "1",
      description = "With --patience, evaluate an iterative trainer every E epochs (default 1).")
  int evalEvery;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the results table to FILE (.json or .tsv).")
  Path out;

  /** One trial's outcome. */
  record Trial(
      int index,
      Map<String, String> options,
      double value,
      Map<String, Double> metrics,
      int bestEpoch,
      int epochsTrained,
      double seconds) {}

  @Override
  public Integer call() {
    PrintStream o = System.out;
    validate();
    SearchSpace space = SearchSpace.parse(grid);
    List<Map<String, String>> trials = random > 0 ? space.random(random, seed) : space.grid();
    Map<String, String> fixed = new LinkedHashMap<>();
    for (String p : params) {
      Algorithms.putOption(fixed, p);
    }
    for (String n : space.names()) {
      if (fixed.containsKey(n)) {
        throw new InputException(
            "Option " + n + " is both in --grid and in --param; give it in one of them.");
      }
    }
    for (Map<String, String> t : trials) {
      Algorithms.create(algorithm, merged(fixed, t)); // reject bad names and values up front
    }
    int cutoff = cutoff(metric);
    String metricName = canonical(metric, cutoff);
    try (CliProgress progress = new CliProgress(System.err)) {
      Dataset ds = dataOptions.read(progress, o);
      Interactions data = ds.interactions();
      Interactions train =
          dropTest > 0 ? new RandomSplitter(dropTest, seed).split(data).train() : data;
      Split carved =
          Validation.carve(Split.of("tune", train, train.select(new int[0])), validation, seed);
      Split evalSplit = Split.of(carved.name(), carved.train(), carved.validation());
      o.printf(
          Locale.ROOT,
          "tune %s: %d trials; training on %d rows, validating on %d rows of %d users (%s)%n",
          algorithm,
          trials.size(),
          carved.train().size(),
          carved.validation().size(),
          carved.validation().numUsers(),
          carved.name());
      int threads = Runtime.getRuntime().availableProcessors();
      EvalOptions eo = new EvalOptions(new int[] {cutoff}, null, 0, seed, threads);
      List<Trial> results = new ArrayList<>();
      double best = Double.NEGATIVE_INFINITY;
      int sinceBest = 0;
      for (int t = 0; t < trials.size(); t++) {
        progress.update("tune: trials", t, trials.size());
        Trial r =
            run(
                t,
                trials.get(t),
                fixed,
                evalSplit,
                ds,
                eo,
                metricName,
                threads,
                ProgressListener.NONE);
        results.add(r);
        o.printf(
            Locale.ROOT,
            "trial %d/%d %s: %s %.4f%s (%.1f s)%n",
            t + 1,
            trials.size(),
            r.options(),
            metricName,
            r.value(),
            r.bestEpoch() > 0 ? " at epoch " + r.bestEpoch() : "",
            r.seconds());
        if (r.value() > best) {
          best = r.value();
          sinceBest = 0;
        } else if (random > 0 && patience > 0 && ++sinceBest >= patience) {
          o.printf(Locale.ROOT, "stopping the search: %d trials without improvement%n", patience);
          break;
        }
      }
      progress.update("tune: trials", trials.size(), trials.size());
      results.sort(
          Comparator.comparingDouble(Trial::value).reversed().thenComparingInt(Trial::index));
      printTable(results, space.names(), metricName, o);
      Trial top = results.get(0);
      o.println("best (validation " + metricName + " " + TextTable.format(top.value()) + "):");
      o.println("  " + bestCommand(top, fixed));
      if (out != null) {
        write(results, space.names(), fixed, metricName, carved, train);
        o.println("results: " + out.toAbsolutePath());
      }
    }
    return 0;
  }

  private void validate() {
    if (random < 0) {
      throw new InputException("--random " + random + " is not valid; give 0 (grid) or more.");
    }
    if (patience < 0) {
      throw new InputException("--patience " + patience + " is not valid; give 0 (off) or more.");
    }
    if (evalEvery < 1) {
      throw new InputException("--eval-every " + evalEvery + " is not valid; give 1 or more.");
    }
    if (!(validation > 0 && validation < 1)) {
      throw new InputException(
          "--validation " + validation + " is not valid; give a share above 0 and below 1.");
    }
    if (!(dropTest >= 0 && dropTest < 1)) {
      throw new InputException(
          "--drop-test " + dropTest + " is not valid; give 0 (none) or a share below 1.");
    }
    if (out != null) {
      String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!n.endsWith(".json") && !n.endsWith(".tsv")) {
        throw new InputException(
            "--out " + out + " must end in .json or .tsv, which decides the format.");
      }
    }
  }

  static int cutoff(String metric) {
    int at = metric.indexOf('@');
    try {
      int k = Integer.parseInt(metric.substring(at + 1));
      if (at > 0 && k >= 1) {
        return k;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // reported below
    }
    throw new InputException(
        "--metric " + metric + " is not NAME@K; write for example NDCG@10 or Recall@20.");
  }

  static String canonical(String metric, int k) {
    String kind = metric.substring(0, metric.indexOf('@')).toLowerCase(Locale.ROOT);
    for (String c : List.of("Precision", "Recall", "NDCG", "MAP", "MRR", "HitRate")) {
      if (c.toLowerCase(Locale.ROOT).equals(kind)) {
        return c + "@" + k;
      }
    }
    throw new InputException(
        "--metric "
            + metric
            + " is not known; use Precision, Recall, NDCG, MAP, MRR or HitRate with @K.");
  }

  private static Map<String, String> merged(Map<String, String> fixed, Map<String, String> t) {
    Map<String, String> m = new LinkedHashMap<>(fixed);
    m.putAll(t);
    return m;
  }

  private Trial run(
      int index,
      Map<String, String> trial,
      Map<String, String> fixed,
      Split split,
      Dataset ds,
      EvalOptions eo,
      String metricName,
      int threads,
      ProgressListener progress) {
    Trainer<? extends Recommender> trainer = Algorithms.create(algorithm, merged(fixed, trial));
    TrainingContext ctx = new TrainingContext(seed, ds.items(), progress, threads);
    long t0 = System.nanoTime();
    if (patience > 0 && trainer instanceof Iterative it) {
      double[] best = {Double.NEGATIVE_INFINITY};
      int[] bestEpoch = {0};
      int[] evals = {0};
      int[] last = {0};
      Map<String, Double> bestMetrics = new LinkedHashMap<>();
      Recommender last0 =
          it.fit(
              split.train(),
              ctx,
              (epoch, model) -> {
                last[0] = epoch;
                if (epoch % evalEvery != 0) {
                  return true;
                }
                EvalResult r =
                    Evaluator.evaluate(algorithm, model, split, eo, ds.items(), progress);
                double v = r.mean(metricName);
                if (v > best[0]) {
                  best[0] = v;
                  bestEpoch[0] = epoch;
                  evals[0] = 0;
                  bestMetrics.clear();
                  bestMetrics.putAll(summary(r, eo.cutoffs()[0]));
                  return true;
                }
                return ++evals[0] < patience;
              });
      if (bestEpoch[0] == 0) { // no epoch was evaluated: score the final model
        EvalResult r = Evaluator.evaluate(algorithm, last0, split, eo, ds.items(), progress);
        best[0] = r.mean(metricName);
        bestMetrics.putAll(summary(r, eo.cutoffs()[0]));
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      Map<String, String> opts = new LinkedHashMap<>(trial);
      if (bestEpoch[0] > 0) {
        opts.put(it.epochOption(), Integer.toString(bestEpoch[0]));
      }
      return new Trial(index, opts, best[0], bestMetrics, bestEpoch[0], last[0], secs);
    }
    Recommender model = trainer.fit(split.train(), ctx);
    EvalResult r = Evaluator.evaluate(algorithm, model, split, eo, ds.items(), progress);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Trial(index, trial, r.mean(metricName), summary(r, eo.cutoffs()[0]), 0, 0, secs);
  }

  private static Map<String, Double> summary(EvalResult r, int k) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String kind : List.of("NDCG", "Recall", "Precision", "MAP", "HitRate")) {
      m.put(kind + "@" + k, r.mean(kind + "@" + k));
    }
    return m;
  }

  private static List<String> columns(List<Trial> results, List<String> names) {
    List<String> cols = new ArrayList<>(names);
    for (Trial t : results) {
      for (String k : t.options().keySet()) {
        if (!cols.contains(k)) {
          cols.add(k); // the epoch option filled in by early stopping
        }
      }
    }
    return cols;
  }

  private static void printTable(
      List<Trial> results, List<String> names, String metricName, PrintStream o) {
    List<String> cols = columns(results, names);
    List<String> metrics = new ArrayList<>(results.get(0).metrics().keySet());
    List<String> header = new ArrayList<>();
    header.add("rank");
    header.addAll(cols);
    header.addAll(metrics);
    header.add("seconds");
    TextTable table = new TextTable(header.toArray(new String[0]));
    int rank = 1;
    for (Trial t : results) {
      List<Object> row = new ArrayList<>();
      row.add(rank++);
      for (String c : cols) {
        row.add(t.options().getOrDefault(c, ""));
      }
      for (String m : metrics) {
        row.add(t.metrics().getOrDefault(m, Double.NaN));
      }
      row.add(String.format(Locale.ROOT, "%.1f", t.seconds()));
      table.add(row.toArray());
    }
    o.println("validation results, best first by " + metricName + ":");
    o.print(table);
  }

  private String bestCommand(Trial top, Map<String, String> fixed) {
    List<String> parts = new ArrayList<>();
    parts.add("./seer train");
    if (dataOptions.data != null) {
      parts.add("--data " + quote(dataOptions.data.toString()));
    }
    parts.add("-a " + algorithm);
    for (Map.Entry<String, String> e : merged(fixed, top.options()).entrySet()) {
      parts.add("--param " + quote(e.getKey() + "=" + e.getValue()));
    }
    parts.add("--out model.seer");
    return String.join(" ", parts);
  }

  private static String quote(String a) {
    return a.matches("[A-Za-z0-9_./:=,@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
  }

  private void write(
      List<Trial> results,
      List<String> names,
      Map<String, String> fixed,
      String metricName,
      Split carved,
      Interactions train) {
    try {
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      List<String> cols = columns(results, names);
      if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          List<String> metrics = new ArrayList<>(results.get(0).metrics().keySet());
          List<String> header = new ArrayList<>(List.of("rank"));
          header.addAll(cols);
          header.addAll(metrics);
          header.addAll(List.of("bestEpoch", "epochsTrained", "seconds"));
          w.write(String.join("\t", header) + "\n");
          int rank = 1;
          for (Trial t : results) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++)));
            for (String c : cols) {
              row.add(t.options().getOrDefault(c, ""));
            }
            for (String m : metrics) {
              row.add(String.format(Locale.ROOT, "%.6f", t.metrics().get(m)));
            }
            row.add(Integer.toString(t.bestEpoch()));
            row.add(Integer.toString(t.epochsTrained()));
            row.add(String.format(Locale.ROOT, "%.2f", t.seconds()));
            w.write(String.join("\t", row) + "\n");
          }
        }
        return;
      }
      try (OutputStream os = Files.newOutputStream(out);
          JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("command", CommandLines.of(spec));
        g.writeStringField("date", Instant.now().toString());
        g.writeStringField("seerVersion", SeerVersion.get());
        g.writeObjectFieldStart("machine");
        for (Map.Entry<String, String> e : Machine.describe().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("algorithm", algorithm);
        g.writeStringField("metric", metricName);
        g.writeStringField("validation", carved.name());
        g.writeNumberField("trainingRows", train.size());
        g.writeNumberField("fitRows", carved.train().size());
        g.writeNumberField("validationRows", carved.validation().size());
        g.writeObjectFieldStart("fixedOptions");
        for (Map.Entry<String, String> e : fixed.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("trials");
        for (Trial t : results) {
          g.writeStartObject();
          g.writeNumberField("trial", t.index() + 1);
          g.writeObjectFieldStart("options");
          for (Map.Entry<String, String> e : t.options().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeObjectFieldStart("metrics");
          for (Map.Entry<String, Double> e : t.metrics().entrySet()) {
            g.writeNumberField(e.getKey(), Math.round(e.getValue() * 1e6) / 1e6);
          }
          g.writeEndObject();
          if (t.bestEpoch() > 0) {
            g.writeNumberField("bestEpoch", t.bestEpoch());
            g.writeNumberField("epochsTrained", t.epochsTrained());
          }
          g.writeNumberField("seconds", Math.round(t.seconds() * 100) / 100.0);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("best", bestCommand(results.get(0), fixed));
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write " + out + ": " + e.getMessage() + "; check the path.", e);
    }
  }
}
