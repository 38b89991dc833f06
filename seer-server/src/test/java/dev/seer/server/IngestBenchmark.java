package dev.seer.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.testkit.PostgresServer;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion throughput over loopback HTTP: client threads send batches of 500 events (unique ids)
 * as fast as the server acknowledges them, for a fixed time, against an in-process server on SQLite
 * and on PostgreSQL. Not a test (no timing assertions); run it by hand:
 *
 * <pre>
 * mvn -B -q -pl seer-server -am test-compile -Dspotless.skip=true
 * mvn -B -q -pl seer-server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp seer-server/target/test-classes:seer-server/target/classes:$(cat /tmp/cp.txt) \
 *     dev.seer.server.IngestBenchmark docs/benchmarks/server-ingest.json 20
 * </pre>
 */
public final class IngestBenchmark {
  private static final String ROOT = "benchmark-root-key-0123456789";
  private static final int BATCH = 500;
  private static final int CLIENTS = 4;

  private IngestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args output JSON file, seconds per store
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/server-ingest.json");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<double[]> rows = new ArrayList<>();
    Path dir = Files.createTempDirectory("seer-ingest");
    rows.add(run("jdbc:sqlite:" + dir.resolve("seer.db"), seconds));
    try (PostgresServer pg = PostgresServer.start()) {
      rows.add(run(pg.url(), seconds));
    }
    try (OutputStream os = Files.newOutputStream(out);
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField(
          "benchmark", "event ingestion over loopback HTTP (POST /v1/apps/{app}/events)");
      g.writeStringField("date", Instant.now().toString());
      g.writeStringField(
          "command",
          "java -cp seer-server/target/test-classes:seer-server/target/classes:$(cat /tmp/cp.txt)"
              + " dev.seer.server.IngestBenchmark "
              + out
              + " "
              + seconds
              + "   (see the class comment for the build steps)");
      g.writeObjectFieldStart("machine");
      for (var e : dev.seer.eval.Machine.describe().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField(
          "setup",
          CLIENTS
              + " client threads in the same JVM as the server, each sending batches of "
              + BATCH
              + " events with unique ids and waiting for the acknowledgement (sent only after the"
              + " commit: SQLite WAL with synchronous=FULL; PostgreSQL with synchronous_commit on)");
      g.writeNumberField("targetEventsPerSecond", 20_000);
      g.writeArrayFieldStart("stores");
      String[] names = {"sqlite", "postgresql"};
      for (int k = 0; k < rows.size(); k++) {
        double[] r = rows.get(k);
        g.writeStartObject();
        g.writeStringField("store", names[k]);
        g.writeNumberField("seconds", r[0]);
        g.writeNumberField("eventsAcknowledged", (long) r[1]);
        g.writeNumberField("eventsPerSecond", Math.round(r[1] / r[0]));
        g.writeNumberField("batchLatencyP50Ms", r[2]);
        g.writeNumberField("batchLatencyP99Ms", r[3]);
        g.writeNumberField("eventsStoredCheck", (long) r[4]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    System.out.println("wrote " + out);
  }

  private static double[] run(String db, int seconds) throws Exception {
    try (SeerServer server =
        SeerServer.start(new ServerConfig("127.0.0.1", 0, db, ROOT, Limits.defaults(), 1))) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newHttpClient();
      String admin =
          new ObjectMapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/v1/apps"))
                              .header("Authorization", "Bearer " + ROOT)
                              .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"bench\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .get("adminKey")
              .asText();
      AtomicLong acked = new AtomicLong();
      long warmupEnd = System.nanoTime() + 3_000_000_000L;
      long end = warmupEnd + seconds * 1_000_000_000L;
      List<long[]> latencies = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        long[] lat = new long[1_000_000];
        latencies.add(lat);
        Thread t =
            new Thread(
                () -> {
                  int n = 0;
                  for (int b = 0; System.nanoTime() < end; b++) {
                    StringBuilder body = new StringBuilder(BATCH * 80).append("{\"events\":[");
                    for (int k = 0; k < BATCH; k++) {
                      body.append(k == 0 ? "" : ",")
                          .append("{\"id\":\"")
                          .append(client)
                          .append('-')
                          .append(b)
                          .append('-')
                          .append(k)
                          .append("\",\"user\":\"u")
                          .append((b * 31 + k) % 5000)
                          .append("\",\"item\":\"i")
                          .append((k * 7 + b) % 20000)
                          .append("\",\"type\":\"view\"}");
                    }
                    HttpRequest req =
                        HttpRequest.newBuilder(URI.create(base + "/v1/apps/bench/events"))
                            .header("Authorization", "Bearer " + admin)
                            .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString()))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                      long t1 = System.nanoTime();
                      if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                      }
                      if (t0 >= warmupEnd && t1 <= end) {
                        acked.addAndGet(BATCH);
                        if (n < lat.length) {
                          lat[n++] = t1 - t0;
                        }
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  lat[lat.length - 1] = n;
                });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      long[] all =
          latencies.stream()
              .flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1]))
              .sorted()
              .toArray();
      double p50 = all[all.length / 2] / 1e6;
      double p99 = all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
      long stored;
      try (var store = dev.seer.store.Store.open(db)) {
        stored = store.eventCount("bench");
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %.0f events/s acknowledged, batch p50 %.1f ms, p99 %.1f ms%n",
          db.startsWith("jdbc:sqlite") ? "sqlite" : "postgresql",
          acked.get() / (double) seconds,
          p50,
          p99);
      return new double[] {seconds, acked.get(), round(p50), round(p99), stored};
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
