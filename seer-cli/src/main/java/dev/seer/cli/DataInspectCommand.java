package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.Interactions;
import dev.seer.api.SparseMatrix;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code seer data inspect}: what a dataset holds. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Read a dataset and print its size, density, ratings, time range and activity.")
public final class DataInspectCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    Dataset ds;
    try (CliProgress progress = new CliProgress(System.err)) {
      ds = dataOptions.read(progress, out);
    }
    print(ds, out);
    return 0;
  }

  static void print(Dataset ds, PrintStream out) {
    Interactions d = ds.interactions();
    SparseMatrix byUser = d.byUser();
    SparseMatrix byItem = d.byItem();
    int activeUsers = countNonEmpty(byUser);
    int activeItems = countNonEmpty(byItem);
    out.printf(Locale.ROOT, "dataset        %s%n", ds.name());
    out.printf(Locale.ROOT, "rows           %,d%n", d.size());
    out.printf(
        Locale.ROOT,
        "distinct pairs %,d (%,d repeated rows)%n",
        byUser.nnz(),
        d.size() - byUser.nnz());
    out.printf(Locale.ROOT, "users          %,d (with rows: %,d)%n", d.numUsers(), activeUsers);
    out.printf(
        Locale.ROOT,
        "items          %,d (with rows: %,d; with metadata: %,d)%n",
        d.numItems(),
        activeItems,
        ds.items().size());
    double density = (double) byUser.nnz() / Math.max(1, (double) activeUsers * activeItems);
    out.printf(Locale.ROOT, "density        %.4f%%%n", 100 * density);
    out.printf(Locale.ROOT, "per user       %s%n", quantiles(byUser));
    out.printf(Locale.ROOT, "per item       %s%n", quantiles(byItem));
    if (d.hasRatings()) {
      TreeMap<Float, Integer> hist = new TreeMap<>();
      double sum = 0;
      for (int k = 0; k < d.size(); k++) {
        hist.merge(d.rating(k), 1, Integer::sum);
        sum += d.rating(k);
      }
      out.printf(Locale.ROOT, "ratings        mean %.3f; %s%n", sum / Math.max(1, d.size()), hist);
    } else {
      out.println("ratings        none (implicit feedback)");
    }
    if (d.hasTimestamps()) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int k = 0; k < d.size(); k++) {
        long t = d.timestamp(k);
        if (t != Interactions.NO_TIME) {
          min = Math.min(min, t);
          max = Math.max(max, t);
        }
      }
      out.printf(
          Locale.ROOT,
          "time range     %s .. %s%n",
          Instant.ofEpochSecond(min),
          Instant.ofEpochSecond(max));
    } else {
      out.println("time range     none (no timestamps)");
    }
    if (!ds.users().isEmpty()) {
      out.printf(Locale.ROOT, "user attributes %,d users%n", ds.users().size());
    }
  }

  private static int countNonEmpty(SparseMatrix m) {
    int n = 0;
    for (int r = 0; r < m.rows(); r++) {
      if (m.rowNnz(r) > 0) {
        n++;
      }
    }
    return n;
  }

  private static String quantiles(SparseMatrix m) {
    int[] c = new int[m.rows()];
    int n = 0;
    for (int r = 0; r < m.rows(); r++) {
      if (m.rowNnz(r) > 0) {
        c[n++] = m.rowNnz(r);
      }
    }
    if (n == 0) {
      return "-";
    }
    int[] s = Arrays.copyOf(c, n);
    Arrays.sort(s);
    return String.format(
        Locale.ROOT,
        "min %d, median %d, p90 %d, max %d, mean %.1f",
        s[0],
        s[n / 2],
        s[(int) Math.min(n - 1, Math.floor(0.9 * n))],
        s[n - 1],
        (double) m.nnz() / n);
  }
}
