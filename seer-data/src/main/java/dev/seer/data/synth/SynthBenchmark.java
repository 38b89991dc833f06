package dev.seer.data.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.api.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Measures how fast {@link SyntheticGenerator#writeTsv} streams rows and how much heap it needs,
 * for 1M and 10M interactions written to a temporary file, and writes the figures as JSON.
 *
 * <p>Run with a small heap to show that memory does not grow with the row count:
 *
 * <pre>
 * java -Xmx256m -cp seer-api/target/classes:seer-data/target/classes:JACKSON_CORE_JAR \
 *     dev.seer.data.synth.SynthBenchmark docs/benchmarks/synth.json
 * </pre>
 *
 * Optional further arguments are row counts to measure instead of 1000000 and 10000000.
 */
public final class SynthBenchmark {
  /** The command documented in the JSON output. */
  static final String COMMAND =
      "mvn -B -q compile -pl seer-data -am && java -Xmx256m -cp"
          + " seer-api/target/classes:seer-data/target/classes:$(ls"
          + " ~/.m2/repository/com/fasterxml/jackson/core/jackson-core/2.22.1/jackson-core-2.22.1.jar)"
          + " dev.seer.data.synth.SynthBenchmark docs/benchmarks/synth.json";

  private SynthBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args output JSON path, then optional row counts
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path json = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/synth.json");
    long[] sizes = {1_000_000L, 10_000_000L};
    if (args.length > 1) {
      sizes = new long[args.length - 1];
      for (int j = 1; j < args.length; j++) {
        sizes[j - 1] = Long.parseLong(args[j]);
      }
    }
    SyntheticGenerator gen = new SyntheticGenerator();
    Path parent = json.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    try (JsonGenerator g =
        new JsonFactory()
            .createGenerator(json.toFile(), JsonEncoding.UTF8)
            .useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField(
          "benchmark", "synthetic generator, streaming TSV (SyntheticGenerator.writeTsv)");
      g.writeStringField("command", COMMAND);
      g.writeStringField("date", Instant.now().toString());
      g.writeObjectFieldStart("machine");
      g.writeStringField(
          "os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      g.writeStringField("arch", System.getProperty("os.arch"));
      g.writeNumberField("availableProcessors", Runtime.getRuntime().availableProcessors());
      g.writeStringField(
          "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      g.writeNumberField("maxHeapBytes", Runtime.getRuntime().maxMemory());
      g.writeStringField(
          "jvmArguments",
          String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
      g.writeEndObject();
      g.writeStringField(
          "peakHeapNote",
          "sum over heap memory pools of their peak usage since a GC and peak reset before the run;"
              + " an upper bound on the live heap, since pools peak at different moments");
      g.writeArrayFieldStart("runs");
      for (long rows : sizes) {
        SyntheticOptions o = SyntheticOptions.defaults(rows, 42);
        Path tmp = Files.createTempFile("seer-synth-", ".tsv");
        try {
          System.gc();
          heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
          long t0 = System.nanoTime();
          long written = gen.writeTsv(o, tmp, ProgressListener.NONE);
          double seconds = (System.nanoTime() - t0) / 1e9;
          long peak = 0;
          for (MemoryPoolMXBean p : heapPools) {
            peak += p.getPeakUsage().getUsed();
          }
          long bytes = Files.size(tmp);
          g.writeStartObject();
          g.writeNumberField("interactions", written);
          g.writeNumberField("users", o.users());
          g.writeNumberField("items", o.items());
          g.writeNumberField("topics", o.topics());
          g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
          g.writeNumberField("rowsPerSecond", Math.round(written / seconds));
          g.writeNumberField("fileBytes", bytes);
          g.writeNumberField("peakHeapBytes", peak);
          g.writeNumberField("peakHeapMiB", Math.round(peak / 1048576.0 * 10) / 10.0);
          g.writeEndObject();
          System.out.printf(
              "%,d rows in %.2f s (%,.0f rows/s), %,d bytes, peak heap %.1f MiB%n",
              written, seconds, written / seconds, bytes, peak / 1048576.0);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
