package dev.seer.cli;

import dev.seer.api.ItemInfo;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Trains several algorithms on one split and evaluates them with one protocol. */
final class Experiment {
  private Experiment() {}

  /** Trained models and their results, in the order the algorithms were given. */
  record Outcome(Map<String, Recommender> models, List<EvalResult> results) {}

  static Outcome run(
      Split split,
      Map<String, ItemInfo> items,
      List<AlgorithmOptions.Spec> specs,
      EvalOptions opts,
      long seed,
      CliProgress progress,
      PrintStream out) {
    Map<String, Recommender> models = new LinkedHashMap<>();
    List<EvalResult> results = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    for (AlgorithmOptions.Spec spec : specs) {
      long t0 = System.nanoTime();
      Recommender model =
          spec.trainer().fit(split.train(), new TrainingContext(seed, items, progress, threads));
      long t1 = System.nanoTime();
      EvalResult r = Evaluator.evaluate(spec.name(), model, split, opts, items, progress);
      long t2 = System.nanoTime();
      r = r.withTimings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
      out.printf(
          Locale.ROOT,
          "%s: trained in %.2f s, evaluated %d users in %.2f s%n",
          spec.name(),
          (t1 - t0) / 1e9,
          r.users().length,
          (t2 - t1) / 1e9);
      models.put(spec.name(), model);
      results.add(r);
    }
    return new Outcome(models, results);
  }

  /** Prints the metrics at one cutoff (plus cutoff-free metrics) as a table. */
  static void printTable(List<EvalResult> results, int cutoff, PrintStream out) {
    if (results.isEmpty()) {
      return;
    }
    List<String> cols = new ArrayList<>();
    for (String m : results.get(0).allMetrics()) {
      if (m.endsWith("@" + cutoff) || !m.contains("@")) {
        cols.add(m);
      }
    }
    List<String> header = new ArrayList<>();
    header.add("algorithm");
    header.addAll(cols);
    TextTable t = new TextTable(header.toArray(new String[0]));
    for (EvalResult r : results) {
      Object[] row = new Object[cols.size() + 1];
      row[0] = r.algorithm();
      for (int c = 0; c < cols.size(); c++) {
        row[c + 1] = r.mean(cols.get(c));
      }
      t.add(row);
    }
    out.println(
        "protocol: " + results.get(0).protocol() + "; " + results.get(0).users().length + " users");
    out.print(t);
  }
}
