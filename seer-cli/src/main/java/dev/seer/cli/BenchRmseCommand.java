package dev.seer.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.algorithms.Algorithms;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import dev.seer.api.SeerVersion;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.split.Validation;
import dev.seer.eval.Machine;
import dev.seer.eval.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seer bench rmse}: rating prediction on the five given MovieLens 100K splits. For each fold
 * {@code N}, every algorithm trains on {@code uN.base} and is scored by RMSE and MAE on {@code
 * uN.test}; with {@code --validation R}, on a per-user random share {@code R} of {@code uN.base}
 * instead, held out from training, and the test files are not read (for choosing hyperparameters).
 */
@Command(
    name = "rmse",
    mixinStandardHelpOptions = true,
    description =
        "RMSE and MAE on MovieLens 100K's five given splits: each algorithm trains on uN.base and"
            + " is scored on uN.test, or with --validation R on a validation part carved from"
            + " uN.base (the test files are then not read). Writes a JSON file with per-fold"
            + " results, means, options, the command and the machine.")
public final class BenchRmseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "../shared/data/movielens-100k",
      paramLabel = "DIR",
      description = "Folder with u1.base .. u5.test (default ../shared/data/movielens-100k).")
  Path data;

  @Option(
      names = "--folds",
      split = ",",
      defaultValue = "1,2,3,4,5",
      paramLabel = "N",
      description = "Which folds to run (default 1,2,3,4,5).")
  int[] folds;

  @Option(
      names = {"--algorithms", "-a"},
      split = ",",
      defaultValue = "bias-baseline,biased-mf,svdpp",
      paramLabel = "NAMES",
      description = "Rating predictors to run (default bias-baseline,biased-mf,svdpp).")
  List<String> algorithms;

  @Option(
      names = "--param",
      paramLabel = "ALGO.KEY=VALUE",
      description = "An algorithm option, e.g. svdpp.factors=100 (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Training seed, and the seed of the validation carve (default 42).")
  long seed;

  @Option(
      names = "--validation",
      defaultValue = "0",
      paramLabel = "R",
      description =
          "Tuning mode: score on a per-user random share R of each uN.base (0 = score on uN.test).")
  double validation;

  @Option(
      names = "--note",
      defaultValue = "",
      paramLabel = "TEXT",
      description = "How the hyperparameters were chosen, recorded in the JSON.")
  String note;

  @Option(
      names = "--out",
      defaultValue = "seer-output/bench-rmse.json",
      paramLabel = "FILE",
      description = "The JSON file to write (default seer-output/bench-rmse.json).")
  Path out;

  /** One algorithm's result on one fold. */
  private record FoldResult(int fold, double rmse, double mae, int rows, double trainSeconds) {}

  @Override
  public Integer call() {
    PrintStream o = System.out;
    if (folds.length == 0) {
      throw new InputException("--folds is empty; give fold numbers from 1 to 5.");
    }
    for (int f : folds) {
      if (f < 1 || f > 5) {
        throw new InputException("--folds " + f + " is outside 1..5; MovieLens 100K has u1..u5.");
      }
    }
    if (validation < 0 || validation >= 1) {
      throw new InputException(
          "--validation "
              + validation
              + " is not valid; give 0 (score on uN.test) or a share below 1.");
    }
    AlgorithmOptions ao = new AlgorithmOptions();
    ao.algorithms = algorithms;
    ao.params = params;
    List<AlgorithmOptions.Spec> specs = ao.specs();
    String command = CommandLines.of(spec);
    Map<String, List<FoldResult>> results = new LinkedHashMap<>();
    Map<String, Map<String, String>> options = new LinkedHashMap<>();
    int threads = Runtime.getRuntime().availableProcessors();
    try (CliProgress progress = new CliProgress(System.err)) {
      for (int f : folds) {
        Split split = load(f);
        Interactions eval = validation > 0 ? split.validation() : split.test();
        o.printf(
            Locale.ROOT,
            "fold u%d: %d training rows, %d %s rows%n",
            f,
            split.train().size(),
            eval.size(),
            validation > 0 ? "validation" : "test");
        for (AlgorithmOptions.Spec s : specs) {
          long t0 = System.nanoTime();
          Recommender model =
              s.trainer()
                  .fit(split.train(), new TrainingContext(seed, Map.of(), progress, threads));
          double secs = (System.nanoTime() - t0) / 1e9;
          if (!(model instanceof RatingPredictor rp)) {
            throw new InputException(
                "Algorithm '"
                    + s.name()
                    + "' does not predict ratings; choose rating predictors such as"
                    + " bias-baseline, biased-mf or svdpp.");
          }
          double[] pred = new double[eval.size()];
          double[] actual = new double[eval.size()];
          for (int k = 0; k < pred.length; k++) {
            pred[k] = rp.predict(eval.user(k), eval.item(k));
            actual[k] = eval.rating(k);
          }
          FoldResult r =
              new FoldResult(
                  f, Metrics.rmse(pred, actual), Metrics.mae(pred, actual), pred.length, secs);
          results.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(r);
          options.putIfAbsent(s.name(), ordered(s.name(), model.card().options()));
          o.printf(
              Locale.ROOT,
              "  %s: RMSE %.4f, MAE %.4f (trained in %.1f s)%n",
              s.name(),
              r.rmse(),
              r.mae(),
              secs);
        }
      }
    }
    printTable(results, o);
    write(results, options, command);
    o.println("wrote " + out.toAbsolutePath());
    return 0;
  }

  private Split load(int fold) {
    Path base = data.resolve("u" + fold + ".base");
    ReadOptions strict = ReadOptions.strict();
    if (validation > 0) {
      Interactions all =
          DatasetReaders.read(base, "ml-100k", strict, null).dataset().interactions();
      Split whole = Split.of(base.getFileName().toString(), all, all.select(new int[0]));
      return Validation.carve(whole, validation, seed);
    }
    return DatasetReaders.readPredefinedSplit(
        base, data.resolve("u" + fold + ".test"), "ml-100k", strict);
  }

  /** The card's options in the algorithm's documentation order. */
  private static Map<String, String> ordered(String algorithm, Map<String, String> card) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : Algorithms.defaults(algorithm).keySet()) {
      if (card.containsKey(key)) {
        m.put(key, card.get(key));
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(card).entrySet()) {
      m.putIfAbsent(e.getKey(), e.getValue());
    }
    return m;
  }

  private static double mean(List<FoldResult> rs, boolean rmse) {
    double s = 0;
    for (FoldResult r : rs) {
      s += rmse ? r.rmse() : r.mae();
    }
    return s / rs.size();
  }

  private void printTable(Map<String, List<FoldResult>> results, PrintStream o) {
    List<String> header = new ArrayList<>();
    header.add("algorithm");
    for (int f : folds) {
      header.add("u" + f);
    }
    header.add("mean RMSE");
    header.add("mean MAE");
    TextTable t = new TextTable(header.toArray(new String[0]));
    for (Map.Entry<String, List<FoldResult>> e : results.entrySet()) {
      List<Object> row = new ArrayList<>();
      row.add(e.getKey());
      for (FoldResult r : e.getValue()) {
        row.add(r.rmse());
      }
      row.add(mean(e.getValue(), true));
      row.add(mean(e.getValue(), false));
      t.add(row.toArray());
    }
    o.println(
        "RMSE on the "
            + (validation > 0 ? "validation part carved from uN.base" : "test files uN.test"));
    o.print(t);
  }

  private void write(
      Map<String, List<FoldResult>> results,
      Map<String, Map<String, String>> options,
      String command) {
    try {
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      try (OutputStream os = Files.newOutputStream(out);
          JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("benchmark", "MovieLens 100K rating prediction, given splits u1..u5");
        g.writeStringField("command", command);
        g.writeStringField("date", Instant.now().toString());
        g.writeStringField("seerVersion", SeerVersion.get());
        g.writeObjectFieldStart("machine");
        for (Map.Entry<String, String> e : Machine.describe().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("data", data.toString());
        g.writeStringField(
            "scoredOn",
            validation > 0
                ? "validation: a per-user random share of each uN.base, held out from training"
                    + " (the test files were not read)"
                : "test: uN.test, after training on all of uN.base");
        g.writeNumberField("validation", validation);
        g.writeNumberField("seed", seed);
        g.writeArrayFieldStart("folds");
        for (int f : folds) {
          g.writeNumber(f);
        }
        g.writeEndArray();
        g.writeStringField("hyperparameterSelection", note);
        g.writeArrayFieldStart("models");
        String best = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, List<FoldResult>> e : results.entrySet()) {
          List<FoldResult> rs = e.getValue();
          g.writeStartObject();
          g.writeStringField("algorithm", e.getKey());
          g.writeObjectFieldStart("options");
          for (Map.Entry<String, String> opt : options.get(e.getKey()).entrySet()) {
            g.writeStringField(opt.getKey(), opt.getValue());
          }
          g.writeEndObject();
          g.writeArrayFieldStart("perFold");
          for (FoldResult r : rs) {
            g.writeStartObject();
            g.writeStringField("fold", "u" + r.fold());
            g.writeNumberField("rmse", round(r.rmse()));
            g.writeNumberField("mae", round(r.mae()));
            g.writeNumberField("rows", r.rows());
            g.writeNumberField("trainSeconds", Math.round(r.trainSeconds() * 100) / 100.0);
            g.writeEndObject();
          }
          g.writeEndArray();
          double m = mean(rs, true);
          g.writeNumberField("meanRmse", round(m));
          g.writeNumberField("meanMae", round(mean(rs, false)));
          g.writeEndObject();
          if (m < bestRmse) {
            bestRmse = m;
            best = e.getKey();
          }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("best");
        g.writeStringField("algorithm", best);
        g.writeNumberField("meanRmse", round(bestRmse));
        g.writeEndObject();
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write " + out + ": " + e.getMessage() + "; check the path.", e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
