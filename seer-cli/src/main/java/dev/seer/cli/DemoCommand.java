package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Split;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.io.ReadReport;
import dev.seer.data.split.RandomSplitter;
import dev.seer.data.split.SplitStats;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seer demo}: the whole job on MovieLens latest-small in about a minute. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Find MovieLens latest-small (cache, shared/data, or a checked download), train the"
            + " baselines, evaluate them by full ranking, show recommendations with reasons and"
            + " write an HTML report.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "MovieLens latest-small folder (ratings.csv, movies.csv, tags.csv).")
  Path data;

  @Option(
      names = "--out",
      defaultValue = "seer-output/demo",
      paramLabel = "DIR",
      description = "Where to write the report (default seer-output/demo).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Seed for the split and the models.")
  long seed;

  @Option(
      names = "--no-download",
      description = "Never download the data; fail if it is not found locally.")
  boolean noDownload;

  @Option(
      names = "--user",
      paramLabel = "ID",
      description = "User to show recommendations for (default: user 1).")
  String user = "1";

  @Override
  public Integer call() {
    PrintStream o = System.out;
    long start = System.nanoTime();
    Path folder;
    if (data != null) {
      folder = data;
      o.println("data: " + data + " (given)");
    } else {
      DemoData.Found found = DemoData.locate(!noDownload, o);
      folder = found.folder();
      o.println("data: " + folder + " (" + found.source() + ")");
    }
    try (CliProgress progress = new CliProgress(System.err)) {
      var read = DatasetReaders.read(folder, "ml-csv", ReadOptions.strict(), progress);
      for (ReadReport r : read.reports()) {
        o.println("read: " + r.summary());
      }
      Dataset ds = read.dataset();
      Map<String, ItemInfo> items = ds.items();
      Split split = new RandomSplitter(0.2, seed).split(ds.interactions());
      o.println(SplitStats.of(split).summary());
      AlgorithmOptions algos = new AlgorithmOptions();
      algos.algorithms = List.of("random", "popularity", "item-knn", "bias-baseline");
      EvalOptions opts =
          new EvalOptions(
              new int[] {10, 20}, null, 0, seed, Runtime.getRuntime().availableProcessors());
      Experiment.Outcome outcome =
          Experiment.run(split, items, algos.specs(), opts, seed, progress, o);
      o.println();
      Experiment.printTable(outcome.results(), 10, o);
      Report report =
          new Report(
              ds.name(),
              split.name(),
              SplitStats.of(split).summary(),
              outcome.results(),
              CommandLines.of(spec));
      report.writeAll(out);
      o.println();
      showUser(outcome.models().get("item-knn"), split.train(), items, o);
      o.println();
      o.println("report: " + out.resolve("report.html").toAbsolutePath());
      o.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
      o.println();
      o.println("next steps:");
      o.println("  ./seer train --data " + folder + " --algorithm item-knn --out model.seer");
      o.println(
          "  ./seer recommend --model model.seer --user " + user + " --explain --titles " + folder);
      o.println(
          "  ./seer evaluate --data " + folder + " --algorithms popularity,item-knn --export");
      o.println(
          "  ./seer serve --load-demo "
              + folder
              + "   # the REST server on http://127.0.0.1:8080 with this data as app 'demo'");
    }
    return 0;
  }

  private void showUser(
      Recommender model, Interactions train, Map<String, ItemInfo> items, PrintStream o) {
    int u = train.users().index(user);
    if (u < 0) {
      o.println("user " + user + " is not in the data; pass --user with another id");
      return;
    }
    SparseMatrix seen = train.byUser();
    int[] idx = seen.row(u);
    float[] r = Arrays.copyOfRange(seen.values(), seen.rowStart(u), seen.rowEnd(u));
    Integer[] order = new Integer[idx.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Float.compare(r[b], r[a]));
    StringBuilder liked = new StringBuilder();
    for (int k = 0; k < Math.min(3, order.length); k++) {
      liked
          .append(k == 0 ? "" : ", ")
          .append(Explanations.title(train.items(), idx[order[k]], items));
    }
    o.println("user " + user + " has " + idx.length + " training ratings, e.g. " + liked);
    o.println("item-knn recommends:");
    Ranking ranking = Ranker.recommend(model, u, 5, seen, null);
    for (int k = 0; k < ranking.size(); k++) {
      int i = ranking.items()[k];
      o.printf(Locale.ROOT, "  %d. %s%n", k + 1, Explanations.title(train.items(), i, items));
      String why = Explanations.reasons(model, u, i, items);
      if (!why.isEmpty()) {
        o.println("     " + why);
      }
    }
  }
}
