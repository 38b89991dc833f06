package dev.seer.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.seer.testkit.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Embedding throughput of the packaged MiniLM model: the library's default session (what Seer used
 * before: ONNX Runtime's intra-op pool over all cores, spinning) against Seer's session (one
 * intra-op thread, no spinning) with 1 and 2 worker threads, on 512 MovieLens titles with genres
 * and 128 Amazon reviews of 600+ characters, batches of 32, each configuration run twice in turn.
 * Not a unit test; run:
 *
 * <pre>
 * mvn -B -o -q -pl seer-text -am test-compile -Dspotless.skip=true
 * mvn -B -o -q -pl seer-text dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp seer-text/target/test-classes:seer-text/target/classes:$(cat /tmp/cp.txt) \
 *   dev.seer.text.EmbeddingThroughputBenchmark docs/benchmarks/embedding-throughput.json
 * </pre>
 */
public final class EmbeddingThroughputBenchmark {
  private EmbeddingThroughputBenchmark() {}

  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static Map<String, Object> rate(EmbeddingModel m, List<String> texts) {
    List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
    double c0 = cpuSeconds();
    long t0 = System.nanoTime();
    for (int from = 0; from < segs.size(); from += 32) {
      m.embedAll(segs.subList(from, Math.min(segs.size(), from + 32)));
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    double cpu = cpuSeconds() - c0;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("count", texts.size());
    r.put("seconds", Math.round(sec * 1000) / 1000.0);
    r.put("sentencesPerSecond", Math.round(texts.size() / sec * 10) / 10.0);
    r.put("processCpuSeconds", Math.round(cpu * 1000) / 1000.0);
    r.put("sentencesPerCpuSecond", Math.round(texts.size() / cpu * 10) / 10.0);
    return r;
  }

  /**
   * Runs the benchmark.
   *
   * @param args the output JSON file
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    List<String> titles = new ArrayList<>();
    for (String line :
        Files.readAllLines(SharedData.movieLensLatestSmall().resolve("movies.csv"))) {
      if (titles.size() == 512) {
        break;
      }
      int a = line.indexOf(',');
      int b = line.lastIndexOf(',');
      if (a > 0 && b > a && !line.startsWith("movieId")) {
        titles.add(line.substring(a + 1, b).replace("\"", "") + ". " + line.substring(b + 1));
      }
    }
    List<String> reviews = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedData.amazonMusicalInstruments())),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && reviews.size() < 128) {
        String t = json.readTree(line).path("reviewText").asText("");
        if (t.length() >= 600) {
          reviews.add(ItemText.cut(t, 1000));
        }
      }
    }
    Map<String, EmbeddingModel> configs = new LinkedHashMap<>();
    configs.put(
        "library default session, one batch at a time (before)",
        new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
    configs.put("one intra-op thread, no spinning, 1 worker", MiniLmEmbedder.load(1));
    configs.put(
        "one intra-op thread, no spinning, 2 workers (now: the default of one worker per core)",
        MiniLmEmbedder.load(2));
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, Object> results = new LinkedHashMap<>();
    for (var e : configs.entrySet()) {
      e.getValue().embedAll(titles.subList(0, 32).stream().map(TextSegment::from).toList());
      results.put(e.getKey(), new ArrayList<Map<String, Object>>());
    }
    for (int round = 0; round < 2; round++) {
      for (var e : configs.entrySet()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("round", round + 1);
        r.put("titles", rate(e.getValue(), titles));
        r.put("reviews", rate(e.getValue(), reviews));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) results.get(e.getKey());
        list.add(r);
        System.out.println(e.getKey() + " " + r);
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "benchmark",
        "MiniLM (all-minilm-l6-v2-q) embedding throughput by ONNX Runtime session settings");
    root.put(
        "command",
        "java -cp seer-text/target/test-classes:seer-text/target/classes:$(cat /tmp/cp.txt)"
            + " dev.seer.text.EmbeddingThroughputBenchmark docs/benchmarks/embedding-throughput.json");
    root.put(
        "texts",
        Map.of(
            "titles", titles.size() + " MovieLens latest-small titles with genres",
            "reviews",
                reviews.size()
                    + " Amazon Musical Instruments reviews of 600+ characters, cut at 1000"));
    root.put("batchSize", 32);
    root.put("results", results);
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("loadAverageBefore", load0);
    machine.put(
        "loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put(
        "note",
        "a shared 2-core machine: other engineers' builds and tests ran on the same cores at the"
            + " same time, so wall-clock rates are lower bounds; CPU-time rates are steadier");
    root.put("machine", machine);
    Path out = Path.of(args[0]);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), root);
  }
}
