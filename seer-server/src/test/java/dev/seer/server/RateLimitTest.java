package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key over its rate gets 429 with a problem body; other keys are not affected. */
class RateLimitTest {
  private static final String ROOT = "rate-limit-root-key-0123456789";

  @Test
  void aKeyOverItsRateIsRefused(@TempDir Path dir) throws Exception {
    Limits tight = new Limits(1 << 20, 1000, 1000, 2); // 2 per second, bursts of 4
    try (SeerServer s =
        SeerServer.start(
            new ServerConfig(
                "127.0.0.1", 0, "jdbc:sqlite:" + dir.resolve("s.db"), ROOT, tight, 1))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + s.port();
      String admin =
          new ObjectMapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/v1/apps"))
                              .header("Authorization", "Bearer " + ROOT)
                              .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"a\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .get("adminKey")
              .asText();
      int refused = 0;
      String problem = "";
      for (int k = 0; k < 12; k++) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/apps/a/stats"))
                    .header("Authorization", "Bearer " + admin)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
          refused++;
          problem = r.headers().firstValue("Content-Type").orElse("") + " " + r.body();
        }
      }
      assertTrue(refused >= 6, "refused " + refused);
      assertTrue(problem.startsWith("application/problem+json"), problem);
      // the root key is not rate limited
      HttpResponse<String> root =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/v1/apps/a/stats"))
                  .header("Authorization", "Bearer " + ROOT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, root.statusCode());
    }
  }
}
