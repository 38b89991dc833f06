package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.Split;
import dev.seer.data.split.SplitFiles;
import dev.seer.data.split.SplitStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer data split}: split a dataset and export the parts as TSV. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description =
        "Split a dataset (seeded, deterministic) and write train/validation/test/fold-in TSV files"
            + " that 'seer evaluate --split-dir' and other tools read back.")
public final class DataSplitCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;
  @Mixin SplitOptions splitOptions;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (kfold writes DIR/fold-N).")
  Path out;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    Dataset ds;
    try (CliProgress progress = new CliProgress(System.err)) {
      ds = dataOptions.read(progress, o);
    }
    List<Split> splits = splitOptions.splits(ds.interactions());
    for (int f = 0; f < splits.size(); f++) {
      Split s = splits.get(f);
      Path dir = splits.size() == 1 ? out : out.resolve("fold-" + (f + 1));
      SplitFiles.write(s, dir);
      o.println(s.name() + ": " + SplitStats.of(s).summary());
      o.println("wrote " + dir);
    }
    return 0;
  }
}
