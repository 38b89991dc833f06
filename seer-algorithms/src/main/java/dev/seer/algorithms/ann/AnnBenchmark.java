package dev.seer.algorithms.ann;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.api.Ranking;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures {@link HnswIndex} on matrix-factorisation-shaped synthetic factors ({@link
 * SyntheticFactors}): build time, index memory and file size, recall@10 against exact (brute-force)
 * search, and single-query latency, and writes the figures as JSON.
 *
 * <p>Defaults: 1,000,000 items of dimension 64 in 300 clusters, 10,000 user queries, exact top-10
 * for the first 1,000 of them, inner product, {@code m} 16, {@code efConstruction} 100, {@code ef}
 * 100 and 200, seed 42; then an ablation on 100,000 items comparing the inner-product graph built
 * from query forms (the default) with the plain nearest-neighbour graph of the reduced items.
 * Latency is measured one query at a time on one thread, after a warm-up pass, as wall-clock time
 * and as the thread's CPU time (the gap between the two is time the thread waited for a core).
 *
 * <pre>
 * mvn -B -q -o -pl seer-algorithms -am compile
 * java -Xmx4g -cp seer-api/target/classes:seer-algorithms/target/classes:JACKSON_CORE_JAR \
 *     dev.seer.algorithms.ann.AnnBenchmark docs/benchmarks/hnsw.json
 * </pre>
 *
 * Options after the output path: {@code --items N --queries N --truth N --dim N --clusters N --m N
 * --efc N --ef A,B --seed N --ablation N} ({@code --ablation 0} skips the ablation).
 */
public final class AnnBenchmark {
  private static final int K = 10;
  private static final int WARMUP = 1000;

  private AnnBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the output JSON path, then options
   * @throws Exception on I/O failure or a failed worker
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: AnnBenchmark OUT.json [--items N] [--queries N] ...");
      System.exit(2);
    }
    Path json = Path.of(args[0]);
    Map<String, String> opt = new LinkedHashMap<>();
    opt.put("items", "1000000");
    opt.put("queries", "10000");
    opt.put("truth", "1000");
    opt.put("dim", "64");
    opt.put("clusters", "300");
    opt.put("m", "16");
    opt.put("efc", "100");
    opt.put("ef", "100,200");
    opt.put("seed", "42");
    opt.put("ablation", "100000");
    // 0: the classic one-by-one build; N >= 1: HnswIndex.buildParallel on N threads
    opt.put("threads", "0");
    for (int i = 1; i + 1 < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!opt.containsKey(key)) {
        System.err.println("unknown option " + args[i]);
        System.exit(2);
      }
      opt.put(key, args[i + 1]);
    }
    int n = Integer.parseInt(opt.get("items"));
    int nq = Integer.parseInt(opt.get("queries"));
    int nt = Math.min(nq, Integer.parseInt(opt.get("truth")));
    int dim = Integer.parseInt(opt.get("dim"));
    int clusters = Integer.parseInt(opt.get("clusters"));
    long seed = Long.parseLong(opt.get("seed"));
    int[] efs = Arrays.stream(opt.get("ef").split(",")).mapToInt(Integer::parseInt).toArray();
    int ablation = Integer.parseInt(opt.get("ablation"));
    HnswOptions options =
        new HnswOptions(
            Integer.parseInt(opt.get("m")), Integer.parseInt(opt.get("efc")), efs[0], seed);

    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double loadBefore = os.getSystemLoadAverage();
    Instant start = Instant.now();

    SyntheticFactors gen = new SyntheticFactors(dim, clusters, seed);
    System.out.printf("generating %,d items and %,d queries of dimension %d%n", n, nq, dim);
    float[] items = gen.items(n);
    float[] queries = gen.users(nq, seed + 1);

    Runtime rt = Runtime.getRuntime();
    long heapBefore = usedHeapAfterGc(rt);
    long wall0 = System.nanoTime();
    long cpu0 = threads.getCurrentThreadCpuTime();
    int buildThreads = Integer.parseInt(opt.get("threads"));
    dev.seer.api.ProgressListener report =
        (task, done, total) -> {
          if (done % Math.max(1, total / 10) == 0 || done == total) {
            System.out.printf(
                "  %s %,d / %,d (%.0f s)%n", task, done, total, (System.nanoTime() - wall0) / 1e9);
          }
        };
    HnswIndex idx =
        buildThreads == 0
            ? HnswIndex.build(items, dim, Metric.INNER_PRODUCT, options, report)
            : HnswIndex.buildParallel(
                items, dim, Metric.INNER_PRODUCT, options, buildThreads, report);
    double buildSeconds = (System.nanoTime() - wall0) / 1e9;
    double buildCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    long heapDelta = usedHeapAfterGc(rt) - heapBefore;
    int unreachable = idx.unreachable();
    System.out.printf(
        "build %.1f s wall, %.1f s CPU; index %,d bytes; %d unreachable%n",
        buildSeconds, buildCpuSeconds, idx.memoryBytes(), unreachable);

    // File size and a load check: the loaded index must answer exactly as the built one.
    Path file = Files.createTempFile("seer-hnsw-", ".bin");
    long fileBytes;
    double saveSeconds;
    double loadSeconds;
    try {
      long t = System.nanoTime();
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        idx.write(out);
      }
      saveSeconds = (System.nanoTime() - t) / 1e9;
      fileBytes = Files.size(file);
      t = System.nanoTime();
      HnswIndex loaded;
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        loaded = HnswIndex.read(in);
      }
      loadSeconds = (System.nanoTime() - t) / 1e9;
      for (int q = 0; q < 100; q++) {
        Ranking a = idx.search(row(queries, dim, q), K, efs[0], null);
        Ranking b = loaded.search(row(queries, dim, q), K, efs[0], null);
        if (!Arrays.equals(a.items(), b.items()) || !Arrays.equals(a.scores(), b.scores())) {
          throw new IllegalStateException("the loaded index answers query " + q + " differently");
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }

    System.out.printf("exact top-%d for %,d queries (2 threads)%n", K, nt);
    long t = System.nanoTime();
    int[][] truth = exact(idx, queries, dim, nt, 2);
    double exactSeconds = (System.nanoTime() - t) / 1e9;

    List<Map<String, Object>> runs = new ArrayList<>();
    for (int ef : efs) {
      runs.add(measure(idx, queries, dim, nq, truth, ef, threads));
    }

    List<Map<String, Object>> ablationRuns = new ArrayList<>();
    if (ablation > 0) {
      int na = Math.min(ablation, n);
      float[] small = Arrays.copyOf(items, na * dim);
      for (boolean itemSide : new boolean[] {false, true}) {
        System.out.printf(
            "ablation: %,d items, %s graph%n", na, itemSide ? "item-side" : "query-side");
        long w = System.nanoTime();
        HnswIndex a = HnswIndex.build(small, dim, Metric.INNER_PRODUCT, options, itemSide, null);
        double secs = (System.nanoTime() - w) / 1e9;
        int[][] tr = exact(a, queries, dim, nt, 2);
        for (int ef : efs) {
          Map<String, Object> r = measure(a, queries, dim, nt, tr, ef, threads);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("items", na);
          row.put("graph", itemSide ? "item-side (reduced items x')" : "query-side (default)");
          row.put("buildSeconds", round(secs, 1));
          row.put("repairLinks", a.repairLinks());
          row.put("unreachable", a.unreachable());
          row.putAll(r);
          ablationRuns.add(row);
        }
      }
    }
    double loadAfter = os.getSystemLoadAverage();

    Path parent = json.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (JsonGenerator g =
        new JsonFactory()
            .createGenerator(json.toFile(), JsonEncoding.UTF8)
            .useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField(
          "benchmark",
          "HNSW approximate nearest neighbours, inner product (dev.seer.algorithms.ann.HnswIndex)");
      g.writeStringField("compile", "mvn -B -q -o -pl seer-algorithms -am compile");
      g.writeStringField("command", command(args));
      g.writeStringField("date", start.toString());
      g.writeObjectFieldStart("machine");
      g.writeNumberField("availableProcessors", rt.availableProcessors());
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        g.writeNumberField("physicalMemoryBytes", sun.getTotalMemorySize());
      }
      g.writeStringField("cpu", cpuModel());
      g.writeStringField(
          "os",
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"));
      g.writeStringField(
          "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      g.writeNumberField("maxHeapBytes", rt.maxMemory());
      g.writeNumberField("loadAverageBefore", round(loadBefore, 2));
      g.writeNumberField("loadAverageAfter", round(loadAfter, 2));
      g.writeStringField(
          "note",
          "the machine was shared: other processes (builds and tests of other engineers) ran on"
              + " the same cores throughout, see the load averages; wall-clock times include"
              + " waiting for a core, CPU times do not");
      g.writeEndObject();
      g.writeObjectFieldStart("parameters");
      g.writeNumberField("items", n);
      g.writeNumberField("dimension", dim);
      g.writeNumberField("clusters", clusters);
      g.writeNumberField("queries", nq);
      g.writeNumberField("truthQueries", nt);
      g.writeNumberField("k", K);
      g.writeStringField("metric", "inner-product");
      g.writeNumberField("m", options.m());
      g.writeNumberField("efConstruction", options.efConstruction());
      g.writeNumberField("seed", seed);
      g.writeStringField(
          "data",
          "SyntheticFactors(dimension, clusters, seed): items in Gaussian clusters of unequal size"
              + " with log-normal norms, users mixing two cluster centres plus noise (users seed ="
              + " seed + 1)");
      g.writeStringField(
          "latency",
          "one query at a time on one thread, after a warm-up pass over the first "
              + WARMUP
              + " queries; recall@10 over the first truthQueries queries against exact search");
      g.writeEndObject();
      g.writeObjectFieldStart("build");
      g.writeNumberField("seconds", round(buildSeconds, 1));
      if (buildThreads == 0) {
        g.writeNumberField("cpuSeconds", round(buildCpuSeconds, 1));
        g.writeNumberField("threads", 1);
        g.writeStringField("method", "HnswIndex.build (one item at a time)");
      } else {
        g.writeNumberField("threads", buildThreads);
        g.writeStringField(
            "method",
            "HnswIndex.buildParallel (batches of "
                + HnswIndex.PARALLEL_BATCH
                + " searched in parallel, linked in order)");
      }
      g.writeNumberField("indexBytes", idx.memoryBytes());
      g.writeNumberField("indexMiB", round(idx.memoryBytes() / 1048576.0, 1));
      g.writeNumberField("heapGrowthBytes", heapDelta);
      g.writeNumberField("fileBytes", fileBytes);
      g.writeNumberField("saveSeconds", round(saveSeconds, 2));
      g.writeNumberField("loadSeconds", round(loadSeconds, 2));
      g.writeNumberField("maxLevel", idx.maxLevel());
      g.writeNumberField("repairLinks", idx.repairLinks());
      g.writeNumberField("unreachableFromEntry", unreachable);
      g.writeEndObject();
      g.writeObjectFieldStart("exact");
      g.writeNumberField("queries", nt);
      g.writeNumberField("threads", 2);
      g.writeNumberField("seconds", round(exactSeconds, 1));
      g.writeNumberField("msPerQueryPerThread", round(exactSeconds * 2 * 1000 / nt, 2));
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (Map<String, Object> r : runs) {
        writeMap(g, r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("ablation");
      for (Map<String, Object> r : ablationRuns) {
        writeMap(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    System.out.println("wrote " + json);
  }

  /** Recall and latency of one ef setting. */
  private static Map<String, Object> measure(
      HnswIndex idx,
      float[] queries,
      int dim,
      int nq,
      int[][] truth,
      int ef,
      ThreadMXBean threads) {
    for (int q = 0; q < Math.min(WARMUP, nq); q++) {
      idx.search(row(queries, dim, q), K, ef, null);
    }
    long[] wall = new long[nq];
    long[] cpu = new long[nq];
    long hits = 0;
    long total = System.nanoTime();
    for (int q = 0; q < nq; q++) {
      float[] qv = row(queries, dim, q);
      long c = threads.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      Ranking r = idx.search(qv, K, ef, null);
      wall[q] = System.nanoTime() - w;
      cpu[q] = threads.getCurrentThreadCpuTime() - c;
      if (q < truth.length) {
        for (int a : r.items()) {
          for (int b : truth[q]) {
            hits += a == b ? 1 : 0;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - total) / 1e9;
    double recall = hits / (double) (truth.length * K);
    Arrays.sort(wall);
    Arrays.sort(cpu);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ef", ef);
    m.put("recallAt10", round(recall, 4));
    m.put("queries", nq);
    m.put("queriesPerSecond", Math.round(nq / seconds));
    m.put("latencyMs", percentiles(wall));
    m.put("cpuMs", percentiles(cpu));
    System.out.printf(
        "ef %d: recall@10 %.4f, latency p50 %.3f ms, p99 %.3f ms, max %.3f ms (CPU p99 %.3f ms)%n",
        ef,
        recall,
        wall[nq / 2] / 1e6,
        wall[pct(nq, 0.99)] / 1e6,
        wall[nq - 1] / 1e6,
        cpu[pct(nq, 0.99)] / 1e6);
    return m;
  }

  private static int pct(int n, double p) {
    return Math.min(n - 1, (int) Math.ceil(p * n) - 1);
  }

  private static Map<String, Object> percentiles(long[] sorted) {
    int n = sorted.length;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", round(Arrays.stream(sorted).average().orElse(0) / 1e6, 3));
    m.put("p50", round(sorted[pct(n, 0.50)] / 1e6, 3));
    m.put("p90", round(sorted[pct(n, 0.90)] / 1e6, 3));
    m.put("p99", round(sorted[pct(n, 0.99)] / 1e6, 3));
    m.put("p999", round(sorted[pct(n, 0.999)] / 1e6, 3));
    m.put("max", round(sorted[n - 1] / 1e6, 3));
    return m;
  }

  /** Exact top-K item lists for the first nt queries, on a few threads. */
  private static int[][] exact(HnswIndex idx, float[] queries, int dim, int nt, int threads)
      throws Exception {
    int[][] truth = new int[nt][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int q = first; q < nt; q += threads) {
                    truth[q] = idx.exactSearch(row(queries, dim, q), K, null).items();
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return truth;
  }

  private static float[] row(float[] v, int dim, int i) {
    return Arrays.copyOfRange(v, i * dim, (i + 1) * dim);
  }

  private static long usedHeapAfterGc(Runtime rt) {
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  @SuppressWarnings("unchecked")
  private static void writeMap(JsonGenerator g, Map<String, Object> m) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> inner) {
        g.writeFieldName(e.getKey());
        writeMap(g, (Map<String, Object>) inner);
      } else if (v instanceof Integer i) {
        g.writeNumberField(e.getKey(), i);
      } else if (v instanceof Long l) {
        g.writeNumberField(e.getKey(), l);
      } else if (v instanceof Double d) {
        g.writeNumberField(e.getKey(), d);
      } else {
        g.writeStringField(e.getKey(), String.valueOf(v));
      }
    }
    g.writeEndObject();
  }

  private static String command(String[] args) {
    StringBuilder sb = new StringBuilder("java");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      sb.append(' ').append(a);
    }
    sb.append(" -cp ").append(System.getProperty("java.class.path"));
    sb.append(' ').append(AnnBenchmark.class.getName());
    for (String a : args) {
      sb.append(' ').append(a);
    }
    return sb.toString();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it unknown
    }
    return "unknown";
  }
}
