package dev.seer.cli;

import dev.seer.data.synth.SyntheticGenerator;
import dev.seer.data.synth.SyntheticOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seer data generate}: the synthetic power-law generator. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Stream a synthetic dataset with power-law user activity and item popularity, latent"
            + " topics, timestamps and item text to TSV (constant memory; .gz to compress).")
public final class DataGenerateCommand implements Callable<Integer> {
  @Option(
      names = "--interactions",
      required = true,
      paramLabel = "N",
      description = "Number of interactions, e.g. 1000000.")
  long interactions;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Number of users (default: scaled to the interactions).")
  Integer users;

  @Option(
      names = "--items",
      paramLabel = "N",
      description = "Number of items (default: scaled to the interactions).")
  Integer items;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Random seed (same seed, same bytes).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Interactions TSV (.gz to compress).")
  Path out;

  @Option(
      names = "--items-out",
      paramLabel = "FILE",
      description = "Also write the items (title, topic, text) as TSV.")
  Path itemsOut;

  @Override
  public Integer call() {
    SyntheticOptions d = SyntheticOptions.defaults(interactions, seed);
    SyntheticOptions o =
        new SyntheticOptions(
            users == null ? d.users() : users,
            items == null ? d.items() : items,
            interactions,
            d.topics(),
            d.userExponent(),
            d.itemExponent(),
            d.timestamps(),
            seed);
    long start = System.nanoTime();
    long rows;
    try (CliProgress progress = new CliProgress(System.err)) {
      rows = new SyntheticGenerator().writeTsv(o, out, progress);
    }
    if (itemsOut != null) {
      new SyntheticGenerator().writeItems(o, itemsOut);
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "wrote %,d interactions (%,d users, %,d items) to %s in %.1f s%n",
        rows,
        o.users(),
        o.items(),
        out,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
