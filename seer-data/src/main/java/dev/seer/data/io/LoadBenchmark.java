package dev.seer.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.api.Dataset;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures how fast the readers load MovieLens 100K, latest-small and the ML-1M derived pairs, and
 * how much heap they need, and writes the figures as JSON.
 *
 * <p>Usage: {@code java -cp ... dev.seer.data.io.LoadBenchmark OUT.json [SHARED_DATA_DIR]}. Each
 * dataset is loaded twice to warm up, then five times measured; between runs the collector is asked
 * to run and the heap pools' peak usage is reset, so "peak heap" is the sum over heap pools of the
 * highest use seen during one load (an upper bound of the live peak). The ML-1M pairs are then
 * loaded again in a child JVM with {@code -Xmx200m} to show that 200 MB suffice.
 */
public final class LoadBenchmark {
  private static final int WARMUP = 2;
  private static final int RUNS = 5;

  private LoadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args output JSON path, and optionally the shared data folder
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--once")) {
      once(Path.of(args[1]));
      return;
    }
    if (args.length < 1) {
      System.err.println("usage: LoadBenchmark OUT.json [SHARED_DATA_DIR]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path data = args.length >= 2 ? Path.of(args[1]) : findData();
    String[][] sets = {
      {"ml-100k", "movielens-100k"},
      {"ml-latest-small", "movielens-latest-small"},
      {"ml-1m-pairs", "movielens-1m/derived/user_movie_pairs.tsv.gz"}
    };
    JsonFactory jf = new JsonFactory();
    Files.createDirectories(out.toAbsolutePath().getParent());
    RuntimeMXBean rt = ManagementFactory.getRuntimeMXBean();
    try (OutputStream os = Files.newOutputStream(out);
        JsonGenerator g = jf.createGenerator(os)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("benchmark", "dataset loading (dev.seer.data.io.DatasetReaders.read)");
      g.writeStringField("date", Instant.now().toString());
      g.writeStringField("build", "mvn -B -q -pl seer-data -am verify -DskipTests");
      g.writeStringField("command", command(rt, args));
      g.writeObjectFieldStart("machine");
      g.writeNumberField("cores", Runtime.getRuntime().availableProcessors());
      g.writeStringField("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
      g.writeStringField(
          "os",
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"));
      g.writeNumberField("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
      g.writeEndObject();
      g.writeNumberField("warmupRuns", WARMUP);
      g.writeNumberField("measuredRuns", RUNS);
      g.writeArrayFieldStart("datasets");
      for (String[] set : sets) {
        Path p = data.resolve(set[1]);
        for (int w = 0; w < WARMUP; w++) {
          DatasetReaders.read(p, null, ReadOptions.strict(), null);
        }
        double[] secs = new double[RUNS];
        long[] peaks = new long[RUNS];
        long retained = 0;
        long baseline = 0;
        Dataset last = null;
        for (int r = 0; r < RUNS; r++) {
          last = null;
          settle();
          long before = heapUsed();
          resetPeaks();
          long t0 = System.nanoTime();
          last = DatasetReaders.read(p, null, ReadOptions.strict(), null).dataset();
          secs[r] = (System.nanoTime() - t0) / 1e9;
          peaks[r] = peakHeap();
          baseline = before;
          settle();
          retained = heapUsed() - before;
        }
        Arrays.sort(secs);
        Arrays.sort(peaks);
        g.writeStartObject();
        g.writeStringField("name", set[0]);
        g.writeStringField("path", set[1]);
        g.writeNumberField("rows", last.interactions().size());
        g.writeNumberField("users", last.interactions().numUsers());
        g.writeNumberField("items", last.interactions().numItems());
        g.writeNumberField("itemsWithMetadata", last.items().size());
        g.writeNumberField("bestSeconds", round(secs[0]));
        g.writeNumberField("medianSeconds", round(secs[RUNS / 2]));
        g.writeNumberField("peakHeapMiBMedian", round(peaks[RUNS / 2] / 1048576.0));
        g.writeNumberField("heapBeforeLoadMiB", round(baseline / 1048576.0));
        g.writeNumberField("retainedHeapMiB", round(retained / 1048576.0));
        g.writeEndObject();
        System.out.printf(
            "%s: best %.3f s, median %.3f s, peak heap %.1f MiB, retained %.1f MiB%n",
            set[0], secs[0], secs[RUNS / 2], peaks[RUNS / 2] / 1048576.0, retained / 1048576.0);
      }
      g.writeEndArray();
      Path pairs = data.resolve(sets[2][1]);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx200m");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(LoadBenchmark.class.getName());
      cmd.add("--once");
      cmd.add(pairs.toString());
      Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String childOut;
      try (InputStream in = proc.getInputStream()) {
        childOut = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      int rc = proc.waitFor();
      g.writeObjectFieldStart("xmx200m");
      g.writeStringField("dataset", "ml-1m-pairs");
      g.writeStringField("command", String.join(" ", cmd));
      g.writeBooleanField("succeeded", rc == 0);
      g.writeNumberField("exitCode", rc);
      g.writeStringField("output", childOut);
      g.writeEndObject();
      System.out.println("-Xmx200m run: exit " + rc + ": " + childOut);
      g.writeEndObject();
    }
    System.out.println("wrote " + out);
  }

  /** Child mode: loads one dataset three times and prints the time of the last load. */
  private static void once(Path p) {
    double secs = 0;
    int rows = 0;
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      rows =
          DatasetReaders.read(p, null, ReadOptions.strict(), null).dataset().interactions().size();
      secs = (System.nanoTime() - t0) / 1e9;
    }
    System.out.printf(
        "loaded %d rows 3 times under max heap %d MiB; last load %.3f s%n",
        rows, Runtime.getRuntime().maxMemory() >> 20, secs);
  }

  private static String command(RuntimeMXBean rt, String[] args) {
    StringBuilder sb = new StringBuilder("java");
    for (String a : rt.getInputArguments()) {
      sb.append(' ').append(a);
    }
    sb.append(" -cp ").append(System.getProperty("java.class.path"));
    sb.append(' ').append(LoadBenchmark.class.getName());
    for (String a : args) {
      sb.append(' ').append(a);
    }
    return sb.toString();
  }

  private static Path findData() {
    String env = System.getenv("SEER_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path c : new Path[] {d.resolve("shared/data"), d.resolve("../shared/data")}) {
        if (Files.isDirectory(c.resolve("movielens-100k"))) {
          return c.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "The shared datasets were not found; pass their folder as the second argument.");
  }

  private static void settle() throws InterruptedException {
    for (int k = 0; k < 3; k++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
