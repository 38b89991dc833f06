package dev.seer.cli;

import dev.seer.api.InputException;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer export-recs}: top-N for every user of a model, to TSV. */
@Command(
    name = "export-recs",
    mixinStandardHelpOptions = true,
    description =
        "Write the top-N items for every user of the training data as TSV (user, item, rank,"
            + " score), excluding what each user already has.")
public final class ExportRecsCommand implements Callable<Integer> {
  @Mixin ModelOptions modelOptions;

  @Option(
      names = {"-n", "--n"},
      defaultValue = "10",
      paramLabel = "N",
      description = "Items per user (default 10).")
  int n;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "TSV file to write.")
  Path out;

  @Override
  public Integer call() {
    if (n < 1 || n > 1000) {
      throw new InputException("-n " + n + " is out of range; use 1 to 1000.");
    }
    SavedModel saved = modelOptions.load();
    Recommender model = saved.model();
    int users = model.users().size();
    long t0 = System.nanoTime();
    try (CliProgress progress = new CliProgress(System.err)) {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write("user\titem\trank\tscore\n");
        for (int u = 0; u < users; u++) {
          Ranking r = Ranker.recommend(model, u, n, saved.seen(), null);
          String uid = model.users().id(u);
          for (int k = 0; k < r.size(); k++) {
            w.write(
                uid
                    + "\t"
                    + model.items().id(r.items()[k])
                    + "\t"
                    + (k + 1)
                    + "\t"
                    + r.scores()[k]
                    + "\n");
          }
          if ((u + 1) % 256 == 0 || u == users - 1) {
            progress.update("export-recs", u + 1, users);
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write " + out + ": " + e.getMessage() + "; check the path.", e);
    }
    System.out.printf(
        Locale.ROOT,
        "wrote top-%d for %,d users to %s in %.1f s%n",
        n,
        users,
        out,
        (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
