package dev.seer.spark.bench;

import dev.seer.data.io.ErrorPolicy;
import dev.seer.eval.Machine;
import dev.seer.spark.InputReader;
import dev.seer.spark.InputSpec;
import dev.seer.spark.Prepare;
import dev.seer.spark.PrepareOptions;
import dev.seer.spark.Prepared;
import dev.seer.spark.Sessions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Where the time of read and prepare goes: the steps of {@link InputReader#read} and {@link
 * Prepared#index} run one at a time, each forced by an action, with wall and process CPU seconds
 * per step, on a synthetic TSV written by {@link ScaleBenchmark}. Repetitions in one JVM separate
 * the first run's warm-up (JIT, Spark's code generation) from the steady cost.
 *
 * <p>Usage: {@code ReadPrepareProfile OUT.json FILE.tsv WORK_DIR REPETITIONS}.
 */
public final class ReadPrepareProfile {
  private ReadPrepareProfile() {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static long t0;
  private static long c0;

  private static void lap(Map<String, Object> steps, String name) {
    long c = OS.getProcessCpuTime();
    long t = System.nanoTime();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", (t - t0) / 1e9);
    m.put("cpuSeconds", (c - c0) / 1e9);
    steps.put(name, m);
    System.out.printf(
        Locale.ROOT, "  %s: %.2f s, %.2f CPU s%n", name, (t - t0) / 1e9, (c - c0) / 1e9);
    t0 = System.nanoTime();
    c0 = OS.getProcessCpuTime();
  }

  /**
   * Runs the profile.
   *
   * @param args output JSON, the TSV (header user, item, rating, timestamp), a scratch directory,
   *     repetitions
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Path json = Path.of(args[0]);
    String tsv = args[1];
    String work = args[2];
    int reps = Integer.parseInt(args[3]);
    SparkSession spark = Sessions.local("local[2]", 8);
    spark.sparkContext().setLogLevel("WARN");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "seer-spark read and prepare, step by step, local[2]");
    out.put("date", Instant.now().toString());
    out.put(
        "command",
        "java -Xmx6g <--add-opens flags of seer-spark/pom.xml> -cp <seer-spark test class path>"
            + " dev.seer.spark.bench.ReadPrepareProfile "
            + String.join(" ", args));
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("spark", spark.version() + " local[2], spark.sql.shuffle.partitions=8");
    machine.put(
        "note",
        "2 cores shared with other engineers' builds and tests: wall seconds are inflated;"
            + " cpuSeconds (the JVM's own CPU time) is the steadier measure");
    out.put("machine", machine);
    List<Object> runs = new ArrayList<>();
    out.put("repetitions", runs);
    for (int rep = 0; rep < reps; rep++) {
      System.out.println("repetition " + rep);
      Map<String, Object> steps = new LinkedHashMap<>();
      runs.add(steps);
      t0 = System.nanoTime();
      c0 = OS.getProcessCpuTime();
      spark.read().option("sep", "\t").option("header", "true").csv(tsv).count();
      lap(steps, "CSV scan and count only (no field parsed)");
      InputReader.Result r =
          InputReader.read(
              spark,
              new InputSpec(
                  tsv, "tsv", true, "user", "item", "rating", "timestamp", ErrorPolicy.FAIL, 5));
      lap(steps, "read: parse, count malformed, cache");
      Dataset<Row> s =
          Prepare.run(r.rows(), PrepareOptions.split8020(42))
              .persist(StorageLevel.MEMORY_AND_DISK());
      s.count();
      lap(steps, "per-user split, cached");
      Prepared p = Prepared.index(spark, s);
      p.users().count();
      p.items().count();
      lap(steps, "id tables (users, items)");
      p.train().write().mode(SaveMode.Overwrite).parquet(work + "/profile-train");
      lap(steps, "index and write train (Parquet)");
      p.test().write().mode(SaveMode.Overwrite).parquet(work + "/profile-test");
      lap(steps, "index and write test (Parquet)");
      spark.catalog().clearCache();
    }
    spark.stop();
    Json.write(json, out);
  }
}
