package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.data.clean.Cleaned;
import dev.seer.data.clean.Cleaning;
import dev.seer.data.clean.DedupPolicy;
import dev.seer.data.clean.StepReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer data clean}: deduplicate, normalise, threshold and k-core filter a dataset. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description =
        "Clean a dataset and write it as TSV (user, item, rating, timestamp). Steps run in the"
            + " order: dedup, implicit threshold, k-core, normalise, sort by time, compact.")
public final class DataCleanCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;

  @Option(
      names = "--dedup",
      paramLabel = "KEEP",
      description = "Merge repeated (user, item) rows: first, last or mean.")
  DedupPolicy dedup;

  @Option(
      names = "--implicit-threshold",
      paramLabel = "T",
      description = "Keep rows rated >= T and drop ratings.")
  Float implicitThreshold;

  @Option(
      names = "--kcore",
      paramLabel = "U[,I]",
      description = "Iterative k-core: every user has >= U rows and every item >= I (default U).")
  String kcore;

  @Option(
      names = "--normalise",
      paramLabel = "HOW",
      description = "center (per-user mean centring) or minmax (scale to [0,1]).")
  String normalise;

  @Option(names = "--sort-time", description = "Order rows by timestamp.")
  boolean sortTime;

  @Option(names = "--no-compact", description = "Keep ids that lost all their rows in the index.")
  boolean noCompact;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output TSV (.gz to compress).")
  Path out;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    Dataset ds;
    try (CliProgress progress = new CliProgress(System.err)) {
      ds = dataOptions.read(progress, o);
    }
    Cleaning c = Cleaning.pipeline();
    if (dedup != null) {
      c = c.dedup(dedup);
    }
    if (implicitThreshold != null) {
      c = c.implicitThreshold(implicitThreshold);
    }
    if (kcore != null) {
      int[] uv = parseKcore(kcore);
      c = c.kCore(uv[0], uv[1]);
    }
    if (normalise != null) {
      switch (normalise) {
        case "center":
          c = c.centerPerUser();
          break;
        case "minmax":
          c = c.minMax();
          break;
        default:
          throw new dev.seer.api.InputException(
              "--normalise '" + normalise + "' is unknown; use center or minmax.");
      }
    }
    if (sortTime) {
      c = c.sortByTime();
    }
    if (!noCompact) {
      c = c.compact();
    }
    Cleaned cleaned = c.apply(ds.interactions());
    TextTable t = new TextTable("step", "rows before", "rows after", "details");
    for (StepReport s : cleaned.steps()) {
      t.add(s.step(), s.rowsBefore(), s.rowsAfter(), s.details());
    }
    o.print(t);
    InteractionsTsv.write(cleaned.interactions(), out);
    o.println("wrote " + cleaned.interactions().size() + " rows to " + out);
    return 0;
  }

  static int[] parseKcore(String spec) {
    String[] p = spec.split(",");
    try {
      int u = Integer.parseInt(p[0].trim());
      int i = p.length > 1 ? Integer.parseInt(p[1].trim()) : u;
      if (p.length > 2 || u < 1 || i < 1) {
        throw new NumberFormatException();
      }
      return new int[] {u, i};
    } catch (NumberFormatException e) {
      throw new dev.seer.api.InputException(
          "--kcore '" + spec + "' is not valid; use U or U,I with positive integers, e.g. 5,5.");
    }
  }
}
