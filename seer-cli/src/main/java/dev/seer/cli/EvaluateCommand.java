package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.Split;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.split.SplitFiles;
import dev.seer.data.split.SplitStats;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Report;
import dev.seer.eval.TopNExport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seer evaluate}: several algorithms on one split, with a report. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Train several algorithms on one split and evaluate them by full ranking (all items minus"
            + " the user's training items). Writes report.json and report.html; with --export"
            + " also the split and every algorithm's top-N lists as TSV.")
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;
  @Mixin SplitOptions splitOptions;
  @Mixin AlgorithmOptions algorithmOptions;

  @ArgGroup(exclusive = false)
  Predefined predefined;

  /** A split given as two files. */
  static final class Predefined {
    @Option(
        names = "--train",
        required = true,
        paramLabel = "FILE",
        description = "Training file of a given split (e.g. u1.base).")
    Path train;

    @Option(
        names = "--test",
        required = true,
        paramLabel = "FILE",
        description = "Test file of a given split (e.g. u1.test).")
    Path test;
  }

  @Option(
      names = "--split-dir",
      paramLabel = "DIR",
      description = "Read a split written by 'seer data split'.")
  Path splitDir;

  @Option(
      names = "--cutoffs",
      split = ",",
      defaultValue = "5,10,20",
      paramLabel = "K",
      description = "Cutoffs K (default 5,10,20).")
  int[] cutoffs;

  @Option(
      names = "--relevance-threshold",
      paramLabel = "T",
      description = "Only test rows rated >= T count as relevant.")
  Float relevanceThreshold;

  @Option(
      names = "--sampled",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Sampled evaluation against N negatives (labelled 'sampled'); default full ranking.")
  int sampled;

  @Option(
      names = "--out",
      defaultValue = "seer-output/evaluate",
      paramLabel = "DIR",
      description = "Where to write the report (default seer-output/evaluate).")
  Path out;

  @Option(
      names = "--export",
      description =
          "Also write the split (DIR/split) and each algorithm's top-N lists (DIR/topn-ALGO.tsv).")
  boolean export;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    try (CliProgress progress = new CliProgress(System.err)) {
      Loaded loaded = load(progress, o);
      Split split = loaded.split;
      o.println(SplitStats.of(split).summary());
      EvalOptions opts =
          new EvalOptions(
              cutoffs,
              relevanceThreshold,
              sampled,
              splitOptions.seed,
              Runtime.getRuntime().availableProcessors());
      Experiment.Outcome outcome =
          Experiment.run(
              split, loaded.items, algorithmOptions.specs(), opts, splitOptions.seed, progress, o);
      int primary = cutoffs.length > 1 ? cutoffs[1] : cutoffs[0];
      Experiment.printTable(outcome.results(), primary, o);
      Report report =
          new Report(
              loaded.name,
              split.name(),
              SplitStats.of(split).summary(),
              outcome.results(),
              CommandLines.of(spec));
      report.writeAll(out);
      o.println("report: " + out.resolve("report.html").toAbsolutePath());
      if (export) {
        SplitFiles.write(split, out.resolve("split"));
        int n = Arrays.stream(cutoffs).max().orElse(10);
        for (EvalResult r : outcome.results()) {
          TopNExport.write(out.resolve("topn-" + r.algorithm() + ".tsv"), r);
        }
        o.println("exported the split and top-" + n + " lists to " + out.toAbsolutePath());
      }
    }
    return 0;
  }

  private record Loaded(String name, Split split, Map<String, ItemInfo> items) {}

  private Loaded load(CliProgress progress, PrintStream o) {
    int sources =
        (dataOptions.present() ? 1 : 0) + (predefined != null ? 1 : 0) + (splitDir != null ? 1 : 0);
    if (sources != 1) {
      throw new InputException(
          "Give exactly one of --data PATH (split here), --train FILE --test FILE (a given split)"
              + " or --split-dir DIR (a split written by 'seer data split').");
    }
    if (splitDir != null) {
      Split s = SplitFiles.read(splitDir);
      return new Loaded(splitDir.getFileName().toString(), s, Map.of());
    }
    if (predefined != null) {
      Split s =
          DatasetReaders.readPredefinedSplit(
              predefined.train,
              predefined.test,
              dataOptions.format,
              new ReadOptions(dataOptions.onError, 5));
      Map<String, ItemInfo> items = Map.of();
      Path folder = predefined.train.toAbsolutePath().getParent();
      try {
        items =
            DatasetReaders.read(folder, "auto", ReadOptions.strict(), progress).dataset().items();
      } catch (InputException e) {
        o.println(
            "note: no item metadata next to " + predefined.train + " (" + e.getMessage() + ")");
      }
      return new Loaded(folder.getFileName().toString(), s, items);
    }
    Dataset ds = dataOptions.read(progress, o);
    return new Loaded(ds.name(), splitOptions.split(ds.interactions()), ds.items());
  }
}
