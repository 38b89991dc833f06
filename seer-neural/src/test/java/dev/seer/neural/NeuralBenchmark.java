package dev.seer.neural;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.algorithms.Algorithms;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.split.LeaveLastKSplitter;
import dev.seer.data.split.UserHoldoutSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.eval.Machine;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leave-one-out-by-time benchmark of the neural models against seer-algorithms baselines: each
 * user's latest interaction is the test item, every rating counts as an implicit interaction, full
 * ranking over all items the user has not trained on, HR@10 and NDCG@10.
 *
 * <p>Usage: {@code NeuralBenchmark OUT.json DATA FORMAT NOTE spec...} where a spec is an algorithm
 * name with optional options, {@code sasrec:max-length=200;epochs=200}.
 */
public final class NeuralBenchmark {
  private NeuralBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: NeuralBenchmark OUT.json DATA FORMAT NOTE spec...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path data = Path.of(args[1]);
    String format = args[2];
    String note = args[3];
    List<String> specs = Arrays.asList(args).subList(4, args.length);
    Interactions all =
        DatasetReaders.read(data, format, ReadOptions.strict(), null)
            .dataset()
            .interactions()
            .withRatings(null);
    // -Dbench.split=holdout: 20% of the users (seed 42) never trained on; of each, a random 20% of
    // the rows is the test part and the rest is folded in when scoring
    boolean holdout = "holdout".equals(System.getProperty("bench.split"));
    Split split =
        holdout
            ? new UserHoldoutSplitter(0.2, 0.2, 42).split(all)
            : new LeaveLastKSplitter(1).split(all);
    int cores = Runtime.getRuntime().availableProcessors();
    // PyTorch intra-op threads; on an oversubscribed machine 1 is several times faster than 2
    int threads = Integer.getInteger("bench.threads", cores);
    long seed = Long.getLong("bench.seed", 42L);
    EvalOptions eo = new EvalOptions(new int[] {10}, null, 0, 42, cores);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out);
        JsonGenerator g = new JsonFactory().createGenerator(os)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("benchmark", "neural vs baselines, leave-one-out by time, full ranking");
      g.writeStringField("date", Instant.now().toString());
      g.writeStringField("command", command(args));
      g.writeObjectFieldStart("machine");
      for (Map.Entry<String, String> e : Machine.describe().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeStringField("engine", "DJL 0.35.1, PyTorch " + NeuralEngine.version() + " CPU");
      g.writeNumberField("trainingThreads", threads);
      g.writeNumberField("seed", seed);
      g.writeStringField("note", note);
      g.writeEndObject();
      g.writeObjectFieldStart("data");
      g.writeStringField("path", data.toString());
      g.writeNumberField("rows", all.size());
      g.writeNumberField("users", all.numUsers());
      g.writeNumberField("items", all.numItems());
      g.writeNumberField("trainRows", split.train().size());
      g.writeNumberField("testRows", split.test().size());
      g.writeStringField(
          "protocol",
          holdout
              ? "every rating is an implicit interaction; "
                  + split.name()
                  + ": the held-out users' fold-in rows are given to the model when it scores"
                  + " (FoldIn) and never trained on; the neural models hold out each training"
                  + " user's latest training row for early stopping; "
                  + eo.protocol()
              : "every rating is an implicit interaction; each user's latest row by timestamp (ties by"
                  + " file order) is the test item, the rest is training; the neural models hold out"
                  + " each user's latest training row for early stopping on validation NDCG@10 and"
                  + " then score from the whole training sequence; "
                  + eo.protocol());
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (String spec : specs) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Map<String, String> options =
            colon < 0
                ? Map.of()
                : Algorithms.parseOptions(spec.substring(colon + 1).replace(';', ','));
        boolean neural = NeuralAlgorithms.names().contains(name);
        List<String[]> tried = new ArrayList<>();
        if (!neural && options.values().stream().anyMatch(v -> v.contains("|"))) {
          options = chooseOnValidation(name, options, split.train(), eo, tried);
        }
        Trainer<? extends Recommender> trainer =
            neural ? NeuralTrainer.create(name, options) : Algorithms.create(name, options);
        List<String> log = new ArrayList<>();
        ProgressListener pl =
            (task, done, total) -> {
              if (task.contains("epoch")) {
                System.err.println(task);
                log.add(task);
              }
            };
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        Recommender model =
            trainer.fit(split.train(), new TrainingContext(seed, Map.of(), pl, threads));
        double trainSec = (System.nanoTime() - t0) / 1e9;
        long e0 = System.nanoTime();
        EvalResult r = Evaluator.evaluate(name, model, split, eo, Map.of(), null);
        double evalSec = (System.nanoTime() - e0) / 1e9;
        double hr = r.mean("HitRate@10");
        double ndcg = r.mean("NDCG@10");
        System.out.printf("%s: HR@10 %.4f NDCG@10 %.4f train %.1f s%n", name, hr, ndcg, trainSec);
        g.writeStartObject();
        g.writeStringField("algorithm", name);
        g.writeObjectFieldStart("options");
        Map<String, String> shown =
            neural ? ((NeuralTrainer) trainer).asMap() : new LinkedHashMap<>(options);
        if (!neural) {
          shown.putAll(Algorithms.defaults(name));
          shown.putAll(options);
        }
        for (Map.Entry<String, String> e : shown.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        if (!tried.isEmpty()) {
          g.writeStringField(
              "chosenOn",
              "validation: each user's latest training row held out from the training rows;"
                  + " the value with the best validation NDCG@10 was refitted on all training"
                  + " rows (test users never seen while choosing)");
          g.writeObjectFieldStart("validationNDCG@10");
          for (String[] t : tried) {
            g.writeNumberField(t[0], Double.parseDouble(t[1]));
          }
          g.writeEndObject();
        }
        g.writeNumberField("HR@10", round(hr));
        g.writeNumberField("NDCG@10", round(ndcg));
        g.writeNumberField("testUsers", r.users().length);
        g.writeNumberField("trainSeconds", round(trainSec));
        g.writeNumberField("evaluationSeconds", round(evalSec));
        g.writeStringField("loadAverageBefore", loadBefore);
        g.writeStringField("loadAverageAfter", loadAverage());
        Map<String, Double> m = model.card().metrics();
        if (neural) {
          double epochs = m.get("epochs");
          g.writeNumberField("epochsRun", (int) epochs);
          g.writeNumberField("secondsPerEpoch", round(trainSec / epochs));
          if (m.containsKey("best-epoch")) {
            g.writeNumberField("bestEpoch", m.get("best-epoch").intValue());
            g.writeNumberField(
                "secondsToBestEpoch", round(trainSec / epochs * m.get("best-epoch")));
            g.writeNumberField("validationNDCG@10", round(m.get("validation-ndcg@10")));
          }
          g.writeArrayFieldStart("progress");
          for (String line : log) {
            g.writeString(line);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
        g.flush();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    System.out.println("wrote " + out);
  }

  /**
   * Chooses each option given as {@code a|b|c} (one grid over all such options) by NDCG@10 on a
   * validation split of the training rows: each user's latest training row.
   */
  private static Map<String, String> chooseOnValidation(
      String name,
      Map<String, String> options,
      Interactions train,
      EvalOptions eo,
      List<String[]> tried) {
    Split validation = new LeaveLastKSplitter(1).split(train);
    List<Map<String, String>> grid = new ArrayList<>();
    grid.add(new LinkedHashMap<>());
    for (Map.Entry<String, String> e : options.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : grid) {
        for (String v : e.getValue().split("\\|")) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v.trim());
          next.add(m);
        }
      }
      grid = next;
    }
    Map<String, String> best = null;
    double bestNdcg = Double.NEGATIVE_INFINITY;
    for (Map<String, String> candidate : grid) {
      Recommender model =
          Algorithms.create(name, candidate)
              .fit(validation.train(), new TrainingContext(42, Map.of(), null, eo.threads()));
      double ndcg = Evaluator.evaluate(name, model, validation, eo, Map.of(), null).mean("NDCG@10");
      System.err.printf("%s %s: validation NDCG@10 %.4f%n", name, candidate, ndcg);
      tried.add(new String[] {candidate.toString(), Double.toString(round(ndcg))});
      if (ndcg > bestNdcg) {
        bestNdcg = ndcg;
        best = candidate;
      }
    }
    return best;
  }

  /** The 1, 5 and 15 minute load averages of the machine (other users' work shows up here). */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static String command(String[] args) {
    StringBuilder b = new StringBuilder();
    String opts = System.getenv("BENCH_JAVA_OPTS");
    if (opts != null) {
      b.append("BENCH_JAVA_OPTS='").append(opts).append("' ");
    }
    b.append("seer-neural/benchmark.sh");
    for (String a : args) {
      b.append(" '").append(a.replace("'", "'\\''")).append("'");
    }
    return b.toString();
  }
}
