package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer train}: train one model on a whole dataset and save it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train one algorithm on all rows of a dataset and save the model (with its model card)."
            + " With --evaluate, first measure it on a split and store the metrics in the card.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;
  @Mixin SplitOptions splitOptions;

  @Option(
      names = {"--algorithm", "-a"},
      required = true,
      paramLabel = "NAME",
      description = "Algorithm to train.")
  String algorithm;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "An algorithm option, e.g. neighbours=50 (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--evaluate",
      description =
          "Measure on a split first (see --split) and record the metrics in the model card.")
  boolean evaluate;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Model file to write, e.g. model.seer.")
  Path out;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    Map<String, String> options = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq < 1 || eq == p.length() - 1) {
        throw new InputException(
            "--param '" + p + "' is not KEY=VALUE; for example neighbours=50.");
      }
      options.put(p.substring(0, eq), p.substring(eq + 1));
    }
    Trainer<? extends Recommender> trainer = Trainers.create(algorithm, options);
    try (CliProgress progress = new CliProgress(System.err)) {
      Dataset ds = dataOptions.read(progress, o);
      int threads = Runtime.getRuntime().availableProcessors();
      TrainingContext ctx = new TrainingContext(splitOptions.seed, ds.items(), progress, threads);
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (evaluate) {
        Split split = splitOptions.split(ds.interactions());
        Recommender m = trainer.fit(split.train(), ctx);
        EvalResult r =
            Evaluator.evaluate(algorithm, m, split, EvalOptions.defaults(), ds.items(), progress);
        for (String name : r.allMetrics()) {
          metrics.put(name, r.mean(name));
        }
        Experiment.printTable(List.of(r), 10, o);
      }
      long t0 = System.nanoTime();
      Recommender model = trainer.fit(ds.interactions(), ctx);
      double secs = (System.nanoTime() - t0) / 1e9;
      ModelCard card = model.card().withMetrics(metrics);
      ModelFiles.save(out, model, ds.interactions().byUser(), card);
      o.printf(
          Locale.ROOT,
          "trained %s in %.2f s on %,d rows%n",
          card.algorithm(),
          secs,
          ds.interactions().size());
      o.println("options: " + card.options());
      o.println(
          "seed: "
              + card.seed()
              + "; data fingerprint: "
              + card.dataFingerprint().substring(0, 16));
      o.println("saved " + out.toAbsolutePath());
    }
    return 0;
  }
}
