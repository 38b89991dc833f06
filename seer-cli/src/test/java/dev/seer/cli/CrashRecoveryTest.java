package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while clients are sending events, restarts it on the same SQLite
 * file, and checks that every acknowledged event is there exactly once.
 */
class CrashRecoveryTest {
  private static final String ROOT = "crash-test-root-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int USERS = 10;

  @TempDir Path dir;

  private Process start(int port) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.seer.cli.Main",
            "serve",
            "--port",
            Integer.toString(port),
            "--db",
            "jdbc:sqlite:" + dir.resolve("seer.db"));
    pb.environment().put("SEER_ROOT_KEY", ROOT);
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("server-" + port + ".log").toFile());
    Process p = pb.start();
    for (int t = 0; t < 300; t++) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return p;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      assertTrue(p.isAlive(), "the server died on start; see " + dir);
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not become ready");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static HttpResponse<String> post(int port, String path, String key, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyAcknowledgedEventSurvivesAKill() throws Exception {
    int port = freePort();
    Process server = start(port);
    String admin =
        JSON.readTree(post(port, "/v1/apps", ROOT, "{\"id\":\"shop\"}").body())
            .get("adminKey")
            .asText();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger batches = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                for (int b = 0; ; b++) {
                  List<String> ids = new ArrayList<>();
                  StringBuilder body = new StringBuilder("{\"events\":[");
                  for (int k = 0; k < 500; k++) {
                    String id = "c" + client + "-b" + b + "-" + k;
                    ids.add(id);
                    body.append(k == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(id)
                        .append("\",\"user\":\"u")
                        .append(k % USERS)
                        .append("\",\"item\":\"i")
                        .append(k % 37)
                        .append("\",\"type\":\"view\"}");
                  }
                  try {
                    HttpResponse<String> r = post(port, "/v1/apps/shop/events", admin, body + "]}");
                    if (r.statusCode() == 200) {
                      acked.addAll(ids);
                      batches.incrementAndGet();
                    }
                  } catch (Exception e) {
                    return; // the server is gone
                  }
                }
              });
      t.start();
      clients.add(t);
    }
    while (batches.get() < 12) {
      Thread.sleep(20);
    }
    server.destroyForcibly(); // SIGKILL while requests are in flight
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    for (Thread t : clients) {
      t.join(30_000);
    }
    int port2 = freePort();
    Process again = start(port2);
    try {
      List<String> stored = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        JsonNode export =
            JSON.readTree(
                HTTP.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:"
                                        + port2
                                        + "/v1/apps/shop/users/u"
                                        + u
                                        + "/export"))
                            .header("Authorization", "Bearer " + admin)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        for (JsonNode e : export.get("events")) {
          stored.add(e.get("eventId").asText());
        }
      }
      Set<String> unique = new HashSet<>(stored);
      assertEquals(stored.size(), unique.size(), "an event is stored twice");
      Set<String> lost = new HashSet<>(acked);
      lost.removeAll(unique);
      assertTrue(lost.isEmpty(), lost.size() + " acknowledged events were lost");
      assertTrue(acked.size() >= 12 * 500, "acknowledged " + acked.size());
      // each batch is one transaction: it is stored whole or not at all
      assertEquals(unique.size() % 500, 0, "batches are atomic: " + unique.size());
    } finally {
      again.destroy();
      again.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
