package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.algorithms.als.AlsModel;
import dev.seer.api.ModelFiles;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.SavedModel;
import dev.seer.testkit.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported model loads and serves: MLlib ALS trained in local mode on MovieLens 100K, exported
 * in Seer's format, uploaded to a real Seer server (its own JVM, SQLite store) that holds the
 * catalogue and the training events, deployed with the normal endpoint, and asked over HTTP for
 * recommendations, which must be the exported model's own top-N.
 */
class ExportServesTest {
  private static final String ROOT = "root-key-for-the-export-test-0123";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private record Reply(int status, JsonNode body) {}

  private static Reply send(String url, String method, String key, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + key)
            .method(method, body);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  private static Reply json(String url, String method, String key, Object body) throws Exception {
    return send(
        url,
        method,
        key,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  @Test
  void exportedAlsModelUploadsDeploysAndServesItsOwnTopN() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path ml = SharedData.movieLens100k();
    String data = dir.resolve("prepared").toString();
    String model = dir.resolve("als").toString();
    Path file = dir.resolve("ml100k-als.seer");
    SeerSpark.run(
        spark,
        new String[] {
          "prepare",
          "--input",
          ml.resolve("u.data").toString(),
          "--format",
          "tsv",
          "--user",
          "0",
          "--item",
          "1",
          "--rating",
          "2",
          "--time",
          "3",
          "--seed",
          "42",
          "--out",
          data
        });
    SeerSpark.run(
        spark,
        new String[] {
          "train-als",
          "--data",
          data,
          "--out",
          model,
          "--rank",
          "16",
          "--iterations",
          "5",
          "--blocks",
          "2",
          "--seed",
          "42"
        });
    SeerSpark.run(
        spark, new String[] {"export", "--data", data, "--model", model, "--out", file.toString()});
    SavedModel own = ModelFiles.load(file);
    assertInstanceOf(AlsModel.class, own.model());
    List<Row> train =
        Prepared.read(spark, data).train().select("user", "item", "rating").collectAsList();

    try (ServerProcess server = ServerProcess.start(dir, ROOT)) {
      String base = server.base() + "/v1/apps";
      Reply app =
          json(base, "POST", ROOT, JSON.createObjectNode().put("id", "ml").put("name", "ML"));
      assertEquals(201, app.status(), String.valueOf(app.body()));
      String key = app.body().get("adminKey").asText();

      // the catalogue: every movie of u.item (ISO-8859-1, id|title|...)
      ArrayNode items = JSON.createArrayNode();
      for (String line : Files.readAllLines(ml.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
        String[] f = line.split("\\|", -1);
        items.addObject().put("id", f[0]).put("title", f[1]);
      }
      Reply put = json(base + "/ml/items", "PUT", key, JSON.createObjectNode().set("items", items));
      assertEquals(200, put.status(), String.valueOf(put.body()));

      // the training events, in batches the server accepts
      for (int from = 0; from < train.size(); from += 5000) {
        ArrayNode events = JSON.createArrayNode();
        for (Row r : train.subList(from, Math.min(train.size(), from + 5000))) {
          events
              .addObject()
              .put("id", r.getString(0) + "-" + r.getString(1))
              .put("user", r.getString(0))
              .put("item", r.getString(1))
              .put("type", "rating")
              .put("value", r.getFloat(2));
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.set("events", events);
        Reply ing = json(base + "/ml/events", "POST", key, batch);
        assertEquals(200, ing.status(), String.valueOf(ing.body()));
      }

      Reply up =
          send(
              base + "/ml/models/upload",
              "POST",
              key,
              HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)));
      assertEquals(201, up.status(), String.valueOf(up.body()));
      assertEquals("als", up.body().get("algorithm").asText());
      assertEquals(own.model().users().size(), up.body().get("users").asInt());
      int version = up.body().get("version").asInt();
      Reply deploy = json(base + "/ml/models/" + version + "/deploy", "POST", key, null);
      assertEquals(200, deploy.status(), String.valueOf(deploy.body()));

      // 25 users drawn with a fixed seed: the server's top 10 is the file's own top 10
      SplittableRandom rnd = new SplittableRandom(42);
      for (int k = 0; k < 25; k++) {
        int u = rnd.nextInt(own.model().users().size());
        String user = own.model().users().id(u);
        Ranking want = Ranker.recommend(own.model(), u, 10, own.seen(), null);
        Reply rec = json(base + "/ml/recommendations?n=10&user=" + user, "GET", key, null);
        assertEquals(200, rec.status(), String.valueOf(rec.body()));
        JsonNode got = rec.body().get("items");
        assertEquals(want.size(), got.size(), user);
        for (int j = 0; j < want.size(); j++) {
          assertEquals(
              own.model().items().id(want.items()[j]), got.get(j).get("id").asText(), user);
          // Tolerance: the JSON rounding of a float score.
          assertEquals(want.scores()[j], got.get(j).get("score").asDouble(), 1e-5, user);
        }
      }
    }
  }
}
