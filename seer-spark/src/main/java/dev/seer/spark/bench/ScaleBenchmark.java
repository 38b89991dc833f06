package dev.seer.spark.bench;

import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.synth.SyntheticGenerator;
import dev.seer.data.synth.SyntheticOptions;
import dev.seer.eval.Machine;
import dev.seer.spark.AlsSettings;
import dev.seer.spark.DistributedEval;
import dev.seer.spark.FactorScorer;
import dev.seer.spark.InputReader;
import dev.seer.spark.InputSpec;
import dev.seer.spark.Prepare;
import dev.seer.spark.PrepareOptions;
import dev.seer.spark.Prepared;
import dev.seer.spark.Sessions;
import dev.seer.spark.SparkAls;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.SparkSession;

/**
 * How the Spark pipeline's cost grows with size: Seer's synthetic generator at the given sizes,
 * each run through read, prepare (per-user split, indexing, Parquet), MLlib ALS, distributed
 * evaluation (full ranking, K = 10) and batch top-10 on {@code local[2]}; per stage the wall time
 * and the peak JVM heap (driver and executors share the JVM in local mode). Writes the JSON after
 * every size and an SVG plot at the end.
 *
 * <p>Usage: {@code ScaleBenchmark OUT.json OUT.svg WORK_DIR SIZE...}.
 */
public final class ScaleBenchmark {
  private static final int RANK = 16;
  private static final int ITERATIONS = 5;

  private ScaleBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args output JSON, output SVG, a scratch directory, sizes
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Path json = Path.of(args[0]);
    Path svg = Path.of(args[1]);
    Path work = Path.of(args[2]);
    List<Long> sizes = new ArrayList<>();
    for (int k = 3; k < args.length; k++) {
      sizes.add(Long.parseLong(args[k]));
    }
    SparkSession spark = Sessions.local("local[2]", 8);
    spark.sparkContext().setLogLevel("WARN");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "seer-spark pipeline cost by size, synthetic data, local[2]");
    out.put("date", Instant.now().toString());
    out.put(
        "command",
        "java -Xmx6g <--add-opens flags of seer-spark/pom.xml> -cp <seer-spark test class path>"
            + " dev.seer.spark.bench.ScaleBenchmark docs/benchmarks/spark-scale.json"
            + " docs/benchmarks/spark-scale.svg /tmp/seer-spark-scale "
            + String.join(" ", sizes.stream().map(String::valueOf).toList())
            + " (tools/spark-bench.sh scale)");
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("spark", spark.version() + " local[2], spark.sql.shuffle.partitions=8");
    machine.put(
        "note",
        "2 cores shared with other engineers' builds, tests and benchmarks: wall times are"
            + " inflated by their load (see loadAverage per run); cpuSeconds (the JVM's own CPU"
            + " time) is the steadier measure of cost");
    out.put("machine", machine);
    out.put(
        "settings",
        "SyntheticOptions.defaults(n, 42) (about 50 rows per user, 10*sqrt(n) items); per-user"
            + " random 80/20 split seed 42; MLlib implicit ALS rank "
            + RANK
            + ", "
            + ITERATIONS
            + " iterations, regParam 0.01, alpha 6; evaluation full ranking at K=10; top-10 for"
            + " every user");
    List<Object> runs = new ArrayList<>();
    out.put("runs", runs);
    // Runs of other sizes from an earlier invocation (each run keeps its own date) are kept, so
    // that sizes can be measured one invocation at a time.
    if (Files.exists(json)) {
      Map<?, ?> old =
          new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), Map.class);
      if (old.get("runs") instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Map<?, ?> m
              && !sizes.contains(((Number) m.get("interactions")).longValue())) {
            runs.add(o);
          }
        }
      }
    }
    runs.sort(
        (a, b) ->
            Long.compare(
                ((Number) ((Map<?, ?>) a).get("interactions")).longValue(),
                ((Number) ((Map<?, ?>) b).get("interactions")).longValue()));
    save = () -> Json.write(json, out);
    for (long n : sizes) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("interactions", n);
      run.put("date", Instant.now().toString());
      run.put("complete", false);
      run.put(
          "loadAverageAtStart",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      Map<String, Object> stages = new LinkedHashMap<>();
      run.put("stages", stages);
      runs.add(run);
      Path tsv = work.resolve("synth-" + n + ".tsv");
      String dir = work.resolve("prepared-" + n).toString();
      String model = work.resolve("als-" + n).toString();
      SyntheticOptions so = SyntheticOptions.defaults(n, 42);
      run.put("users", so.users());
      run.put("items", so.items());
      stage(
          stages,
          "generate (single machine)",
          () -> {
            if (!Files.exists(tsv)) {
              new SyntheticGenerator().writeTsv(so, tsv, dev.seer.api.ProgressListener.NONE);
            }
            return "";
          });
      InputReader.Result[] read = new InputReader.Result[1];
      stage(
          stages,
          "read",
          () -> {
            read[0] =
                InputReader.read(
                    spark,
                    new InputSpec(
                        tsv.toString(),
                        "tsv",
                        true,
                        "user",
                        "item",
                        "rating",
                        "timestamp",
                        ErrorPolicy.FAIL,
                        5));
            return read[0].summary().summary();
          });
      stage(
          stages,
          "prepare (split, index, write Parquet)",
          () -> {
            Prepared p =
                Prepared.index(spark, Prepare.run(read[0].rows(), PrepareOptions.split8020(42)));
            p.write(dir);
            return "";
          });
      read[0].rows().unpersist();
      Prepared p = Prepared.read(spark, dir);
      AlsSettings s = new AlsSettings(RANK, 0.01, 6.0, ITERATIONS, true, 0, 42);
      stage(
          stages,
          "train ALS",
          () -> {
            ALSModel m = SparkAls.train(p.train(), s);
            SparkAls.write(spark, m, s, model);
            return "";
          });
      int numItems = Math.toIntExact(p.items().count());
      FactorScorer scorer =
          new FactorScorer(
              SparkAls.collect(spark.read().parquet(model + "/itemFactors"), numItems, RANK),
              numItems,
              RANK);
      stage(
          stages,
          "evaluate (full ranking)",
          () ->
              DistributedEval.evaluate(
                      spark,
                      p,
                      spark.read().parquet(model + "/userFactors"),
                      scorer,
                      new int[] {10})
                  .metrics()
                  .toString());
      stage(
          stages,
          "top-10 for all users",
          () ->
              DistributedEval.topN(
                      spark,
                      p,
                      spark.read().parquet(model + "/userFactors"),
                      scorer,
                      10,
                      work.resolve("topn-" + n).toString())
                  + " rows");
      spark.catalog().clearCache();
      run.put("complete", true);
      run.put(
          "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      runs.sort(Plot::bySize);
      Json.write(json, out);
      Files.writeString(svg, Plot.svg(runs));
      System.out.println("size " + n + " done: " + stages);
    }
    spark.stop();
    Files.writeString(svg, Plot.svg(runs));
    Json.write(json, out);
  }

  private static Runnable save = () -> {};

  private static void stage(Map<String, Object> stages, String name, Supplier<String> body) {
    System.gc();
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
      if (b.getType() == MemoryType.HEAP) {
        b.resetPeakUsage();
        pools.add(b);
      }
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    String note = body.get();
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - c0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean b : pools) {
      peak += b.getPeakUsage().getUsed();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", secs);
    // CPU time of the whole JVM (driver and executors): under contention from other processes
    // the wall time grows, this much less.
    m.put("cpuSeconds", cpu);
    m.put("peakHeapPoolsMiB", peak / (1024.0 * 1024.0));
    if (!note.isEmpty()) {
      m.put("result", note);
    }
    stages.put(name, m);
    save.run();
    System.out.printf(
        Locale.ROOT,
        "  %s: %.1f s (%.1f CPU s), peak heap %.0f MiB%n",
        name,
        secs,
        cpu,
        peak / 1048576.0);
  }
}
