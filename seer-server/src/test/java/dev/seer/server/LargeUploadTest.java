package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.algorithms.als.AlsOptions;
import dev.seer.algorithms.als.AlsTrainer;
import dev.seer.api.Interactions;
import dev.seer.api.ModelFiles;
import dev.seer.api.TrainingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model uploads have their own size limit: on a server whose request bodies are limited to 64 KiB
 * and model files to 600 KiB, a 200-odd KiB model file is taken (and serves), a larger one gets a
 * 413 problem, and an ordinary request over 64 KiB is still refused.
 */
class LargeUploadTest {
  private static final String ROOT = "root-key-for-tests-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private record Reply(int status, JsonNode body) {}

  private static Reply send(String base, String method, String path, String key, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + key)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  private byte[] alsFile(Interactions data, int factors) throws Exception {
    var m =
        new AlsTrainer(AlsOptions.defaults().withFactors(factors))
            .fit(data, new TrainingContext(42, null, null, 1));
    Path f = dir.resolve("m" + factors + ".seer");
    ModelFiles.save(f, m, data.byUser());
    return Files.readAllBytes(f);
  }

  @Test
  void modelFilesMayExceedTheBodyLimitUpToTheirOwn() throws Exception {
    Limits limits = new Limits(64 << 10, 1000, 5000, 1e6, 600 << 10);
    String db = "jdbc:sqlite:" + dir.resolve("seer.db");
    try (SeerServer server =
        SeerServer.start(new ServerConfig("127.0.0.1", 0, db, ROOT, limits, 42))) {
      String base = "http://127.0.0.1:" + server.port();
      Reply app = send(base, "POST", "/v1/apps", ROOT, "{\"id\":\"big\"}".getBytes());
      assertEquals(201, app.status(), String.valueOf(app.body()));
      String key = app.body().get("adminKey").asText();
      SplittableRandom rnd = new SplittableRandom(3);
      Interactions.Builder data = new Interactions.Builder();
      List<String> events = new ArrayList<>();
      StringBuilder items = new StringBuilder("{\"items\":[");
      for (int i = 0; i < 150; i++) {
        items.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\"}");
      }
      assertEquals(
          200, send(base, "PUT", "/v1/apps/big/items", key, (items + "]}").getBytes()).status());
      for (int u = 0; u < 300; u++) {
        for (int k = 0; k < 5; k++) {
          int i = k == 0 ? u % 150 : rnd.nextInt(150);
          data.add("u" + u, "p" + i);
          events.add(
              "{\"id\":\"e"
                  + u
                  + "-"
                  + k
                  + "\",\"user\":\"u"
                  + u
                  + "\",\"item\":\"p"
                  + i
                  + "\",\"type\":\"click\"}");
        }
        if (events.size() >= 500 || u == 299) {
          Reply ing =
              send(
                  base,
                  "POST",
                  "/v1/apps/big/events",
                  key,
                  ("{\"events\":[" + String.join(",", events) + "]}").getBytes());
          assertEquals(200, ing.status(), String.valueOf(ing.body()));
          events.clear();
        }
      }
      Interactions built = data.build();
      byte[] medium = alsFile(built, 96); // about 180 KiB of factors
      byte[] large = alsFile(built, 384); // about 700 KiB
      assertTrue(medium.length > 64 << 10 && medium.length < 600 << 10, "" + medium.length);
      assertTrue(large.length > 600 << 10, "" + large.length);

      Reply up = send(base, "POST", "/v1/apps/big/models/upload", key, medium);
      assertEquals(201, up.status(), String.valueOf(up.body()));
      assertEquals(medium.length, up.body().get("bytes").asLong());
      int version = up.body().get("version").asInt();
      assertEquals(
          200,
          send(base, "POST", "/v1/apps/big/models/" + version + "/deploy", key, new byte[0])
              .status());
      Reply rec = send(base, "GET", "/v1/apps/big/recommendations?user=u7&n=5", key, new byte[0]);
      assertEquals(200, rec.status(), String.valueOf(rec.body()));
      assertEquals(5, rec.body().get("items").size());

      Reply refused = send(base, "POST", "/v1/apps/big/models/upload", key, large);
      assertEquals(413, refused.status(), String.valueOf(refused.body()));
      assertTrue(
          refused.body().get("detail").asText().contains("--max-model-mib"),
          refused.body().toString());
      Reply bigBatch = send(base, "PUT", "/v1/apps/big/items", key, new byte[70 << 10]);
      assertEquals(413, bigBatch.status(), String.valueOf(bigBatch.body()));
    }
  }
}
