package dev.seer.algorithms.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures training time and heap of the implicit-feedback models (als, ease, rp3beta) on one
 * dataset and writes the figures as JSON.
 *
 * <p>Usage: {@code java -Xmx2g -cp ... dev.seer.algorithms.bench.ImplicitTrainingBenchmark OUT.json
 * DATA [ALGO[:k=v;k=v] ...]}. The data are loaded once; each algorithm is trained twice on all rows
 * (the first run warms the JIT up) and the second run is reported. For each run the heap is settled
 * and the pools' peak usage reset first; "peakHeapPoolsMiB" is the sum over heap pools of their
 * peak use during training (an upper bound: it counts garbage not yet collected), and
 * "maxHeapAfterGcMiB" is the largest heap use right after a collection during training (what was
 * live then, a lower bound of the need). ALS's seconds per iteration come from the times of its
 * per-iteration progress reports, both wall-clock and the process's CPU time (which other jobs on
 * the machine distort less).
 */
public final class ImplicitTrainingBenchmark {
  private ImplicitTrainingBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args output JSON path, data path, then algorithms with options
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ImplicitTrainingBenchmark OUT.json DATA [als[:factors=64;...]] [ease] ...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path data = Path.of(args[1]);
    List<String> algos = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
    if (algos.isEmpty()) {
      algos = List.of("als", "ease", "rp3beta");
    }
    AtomicLong afterGc = new AtomicLong();
    installGcListener(afterGc);
    Interactions train =
        DatasetReaders.read(data, null, ReadOptions.strict(), null).dataset().interactions();
    int threads = Runtime.getRuntime().availableProcessors();
    JsonFactory jf = new JsonFactory();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (OutputStream os = Files.newOutputStream(out);
        JsonGenerator g = jf.createGenerator(os)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("benchmark", "implicit-feedback training time and heap");
      g.writeStringField("date", Instant.now().toString());
      g.writeStringField("command", command(args));
      g.writeObjectFieldStart("machine");
      g.writeNumberField("cores", threads);
      g.writeStringField("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
      g.writeStringField(
          "os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      g.writeNumberField("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
      g.writeStringField("linearAlgebra", LinearAlgebra.best().description());
      g.writeStringField(
          "note",
          "the 2 cores were shared with other jobs while this ran, so times are inflated and"
              + " noisy");
      g.writeEndObject();
      g.writeObjectFieldStart("data");
      g.writeStringField("path", data.toString());
      g.writeNumberField("rows", train.size());
      g.writeNumberField("users", train.numUsers());
      g.writeNumberField("items", train.numItems());
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (String spec : algos) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Map<String, String> options =
            colon < 0
                ? Map.of()
                : Algorithms.parseOptions(spec.substring(colon + 1).replace(';', ','));
        Trainer<? extends Recommender> trainer = Algorithms.create(name, options);
        Run run = null;
        for (int rep = 0; rep < 2; rep++) {
          run = null;
          settle();
          run = train(trainer, train, threads, afterGc);
        }
        write(g, name, run);
        System.out.printf(
            "%s: %.2f s, peak heap (pools) %.0f MiB, max after GC %.0f MiB, retained %.0f MiB%n",
            name,
            run.seconds,
            run.peakPools / 1048576.0,
            run.maxAfterGc / 1048576.0,
            run.retained / 1048576.0);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    System.out.println("wrote " + out);
  }

  /** One measured training. */
  private static final class Run {
    double seconds;
    long peakPools;
    long maxAfterGc;
    long retained;
    Map<String, String> options;
    final List<double[]> steps = new ArrayList<>();
    final Map<String, Double> taskSeconds = new LinkedHashMap<>();
  }

  private static Run train(
      Trainer<? extends Recommender> trainer, Interactions train, int threads, AtomicLong afterGc)
      throws InterruptedException {
    Run run = new Run();
    long before = heapUsed();
    long t0 = System.nanoTime();
    long[] last = {t0, cpuNanos()};
    // The time since the previous report is charged to the task reporting now.
    ProgressListener p =
        (task, done, total) -> {
          long now = System.nanoTime();
          long cpu = cpuNanos();
          synchronized (run) {
            String base = task.contains(" (") ? task.substring(0, task.indexOf(" (")) : task;
            double secs = (now - last[0]) / 1e9;
            double cpuSecs = (cpu - last[1]) / 1e9;
            if (base.endsWith(": iterations") && done > 0) {
              run.steps.add(new double[] {done, secs, cpuSecs});
            }
            run.taskSeconds.merge(base, secs, Double::sum);
            last[0] = now;
            last[1] = cpu;
          }
        };
    resetPeaks();
    afterGc.set(0);
    Recommender model = trainer.fit(train, new TrainingContext(42, Map.of(), p, threads));
    run.seconds = (System.nanoTime() - t0) / 1e9;
    run.peakPools = peakHeap();
    run.maxAfterGc = afterGc.get();
    run.options = model.card().options();
    settle();
    run.retained = heapUsed() - before;
    Reference.reachabilityFence(model);
    return run;
  }

  private static void write(JsonGenerator g, String name, Run run) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("algorithm", name);
    g.writeObjectFieldStart("options");
    for (Map.Entry<String, String> e : run.options.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("trainSeconds", round(run.seconds));
    g.writeNumberField("peakHeapPoolsMiB", round(run.peakPools / 1048576.0));
    if (run.maxAfterGc > 0) {
      g.writeNumberField("maxHeapAfterGcMiB", round(run.maxAfterGc / 1048576.0));
    } else {
      g.writeNullField("maxHeapAfterGcMiB"); // no collection ran during training
    }
    g.writeNumberField("retainedModelMiB", round(run.retained / 1048576.0));
    g.writeObjectFieldStart("secondsByStep");
    for (Map.Entry<String, Double> e : run.taskSeconds.entrySet()) {
      g.writeNumberField(e.getKey(), round(e.getValue()));
    }
    g.writeEndObject();
    if (!run.steps.isEmpty()) {
      double[] secs = new double[run.steps.size()];
      g.writeArrayFieldStart("secondsPerIteration");
      for (int k = 0; k < secs.length; k++) {
        secs[k] = run.steps.get(k)[1];
        g.writeNumber(round(secs[k]));
      }
      g.writeEndArray();
      double[] sorted = secs.clone();
      Arrays.sort(sorted);
      g.writeNumberField("medianSecondsPerIteration", round(sorted[sorted.length / 2]));
      g.writeNumberField("minSecondsPerIteration", round(sorted[0]));
      double[] cpu = new double[secs.length];
      for (int k = 0; k < cpu.length; k++) {
        cpu[k] = run.steps.get(k)[2];
      }
      Arrays.sort(cpu);
      g.writeNumberField("medianProcessCpuSecondsPerIteration", round(cpu[cpu.length / 2]));
    }
    g.writeEndObject();
  }

  private static void installGcListener(AtomicLong afterGc) {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, h) -> {
              if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  n.getType())) {
                return;
              }
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long used = 0;
              for (Map.Entry<String, MemoryUsage> e :
                  info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                  used += e.getValue().getUsed();
                }
              }
              afterGc.accumulateAndGet(used, Math::max);
            },
            null,
            null);
      }
    }
  }

  private static String command(String[] args) {
    StringBuilder sb = new StringBuilder("java");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      sb.append(' ').append(a);
    }
    sb.append(" -cp <seer-algorithms and its dependencies> ")
        .append(ImplicitTrainingBenchmark.class.getName());
    for (String a : args) {
      sb.append(' ').append(a);
    }
    return sb.toString();
  }

  /** CPU time of this whole process (all threads, JIT and GC included). */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
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
