package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole API over real HTTP; subclasses run it on a real SQLite file and a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  /** The store URL for this run. */
  abstract String dbUrl() throws Exception;

  /** Called after the server stopped. */
  void cleanUp() throws Exception {}

  static final String ROOT = "root-key-for-tests-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  SeerServer server;
  String base;
  String admin;

  record Reply(int status, JsonNode body, String contentType) {}

  Reply call(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String ct = r.headers().firstValue("Content-Type").orElse("");
    JsonNode n = ct.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
    return new Reply(r.statusCode(), n, ct);
  }

  @BeforeAll
  void start() throws Exception {
    server =
        SeerServer.start(new ServerConfig("127.0.0.1", 0, dbUrl(), ROOT, Limits.defaults(), 42));
    base = "http://127.0.0.1:" + server.port();
    Reply app = call("POST", "/v1/apps", ROOT, "{\"id\":\"shop\",\"name\":\"Shop\"}");
    assertEquals(201, app.status(), String.valueOf(app.body()));
    admin = app.body().get("adminKey").asText();
    // catalogue: 40 items in 4 categories; events: 60 users with a taste for one category
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 40; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"i")
          .append(i)
          .append("\",\"title\":\"Item ")
          .append(i)
          .append("\",\"categories\":[\"c")
          .append(i % 4)
          .append("\"]}");
    }
    assertEquals(200, call("PUT", "/v1/apps/shop/items", admin, items + "]}").status());
    SplittableRandom rnd = new SplittableRandom(7);
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 60; u++) {
      for (int k = 0; k < 12; k++) {
        int item = (rnd.nextInt(10) * 4 + u % 4) % 40;
        events.add(
            "{\"id\":\"e"
                + u
                + "-"
                + k
                + "\",\"user\":\"u"
                + u
                + "\",\"item\":\"i"
                + item
                + "\",\"type\":\"click\"}");
      }
    }
    Reply ing =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[" + String.join(",", events) + "]}");
    assertEquals(200, ing.status(), String.valueOf(ing.body()));
    assertEquals(720, ing.body().get("stored").asInt());
    Reply job = call("POST", "/v1/apps/shop/models/train", admin, "{\"algorithm\":\"item-knn\"}");
    assertEquals(202, job.status(), String.valueOf(job.body()));
    String id = job.body().get("id").asText();
    for (int t = 0; t < 300; t++) {
      Reply j = call("GET", "/v1/apps/shop/jobs/" + id, admin, null);
      String state = j.body().get("state").asText();
      if (state.equals("succeeded")) {
        break;
      }
      assertNotEquals("failed", state, String.valueOf(j.body()));
      Thread.sleep(100);
    }
  }

  Reply upload(String path, String key, byte[] body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String ct = r.headers().firstValue("Content-Type").orElse("");
    JsonNode n = ct.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
    return new Reply(r.statusCode(), n, ct);
  }

  /** An ALS model file trained outside the server (as seer train or seer-spark export would). */
  private static byte[] modelFile(dev.seer.api.Interactions data) throws Exception {
    dev.seer.algorithms.als.AlsModel m =
        new dev.seer.algorithms.als.AlsTrainer(dev.seer.algorithms.als.AlsOptions.defaults())
            .fit(data, new dev.seer.api.TrainingContext(42, null, null, 1));
    java.nio.file.Path f = java.nio.file.Files.createTempFile("seer-upload-test", ".seer");
    try {
      dev.seer.api.ModelFiles.save(f, m, data.byUser());
      return java.nio.file.Files.readAllBytes(f);
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  @Test
  void anUploadedModelFileBecomesAVersionThatDeploysAndServesItsOwnTopN() throws Exception {
    Reply app = call("POST", "/v1/apps", ROOT, "{\"id\":\"upl\",\"name\":\"Upload\"}");
    assertEquals(201, app.status(), String.valueOf(app.body()));
    String key = app.body().get("adminKey").asText();
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 20; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\"}");
    }
    assertEquals(200, call("PUT", "/v1/apps/upl/items", key, items + "]}").status());
    // 30 users; every item has events, so the model knows the whole catalogue
    SplittableRandom rnd = new SplittableRandom(11);
    dev.seer.api.Interactions.Builder data = new dev.seer.api.Interactions.Builder();
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 30; u++) {
      java.util.Set<Integer> mine = new java.util.TreeSet<>();
      mine.add(u % 20);
      while (mine.size() < 6) {
        mine.add((rnd.nextInt(5) * 4 + u % 4) % 20);
        if (mine.size() < 6 && rnd.nextInt(3) == 0) {
          mine.add(rnd.nextInt(20));
        }
      }
      for (int i : mine) {
        data.add("w" + u, "p" + i);
        events.add(
            "{\"id\":\"x"
                + u
                + "-"
                + i
                + "\",\"user\":\"w"
                + u
                + "\",\"item\":\"p"
                + i
                + "\",\"type\":\"click\"}");
      }
    }
    Reply ing =
        call("POST", "/v1/apps/upl/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    assertEquals(200, ing.status(), String.valueOf(ing.body()));
    dev.seer.api.Interactions built = data.build();
    byte[] file = modelFile(built);

    // refusals: no key, empty body, not a model file, a truncated file, unknown items and users
    assertEquals(401, upload("/v1/apps/upl/models/upload", null, file).status());
    Reply empty = upload("/v1/apps/upl/models/upload", key, new byte[0]);
    assertEquals(400, empty.status());
    assertEquals("application/problem+json", empty.contentType());
    Reply junk =
        upload(
            "/v1/apps/upl/models/upload",
            key,
            "user,item\nw1,p1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(400, junk.status());
    assertTrue(
        junk.body().get("detail").asText().contains("not a Seer model file"),
        junk.body().toString());
    assertFalse(junk.body().get("detail").asText().contains("seer-upload"), junk.body().toString());
    Reply cut =
        upload("/v1/apps/upl/models/upload", key, java.util.Arrays.copyOf(file, file.length / 2));
    assertEquals(400, cut.status());
    assertTrue(cut.body().get("detail").asText().contains("truncated"), cut.body().toString());
    byte[] corrupt = file.clone();
    corrupt[corrupt.length - 20] ^= 0x5a;
    Reply crc = upload("/v1/apps/upl/models/upload", key, corrupt);
    assertEquals(400, crc.status());
    dev.seer.api.Interactions.Builder other = new dev.seer.api.Interactions.Builder();
    other.add("w1", "p1").add("w1", "zz9").add("w2", "p1").add("w2", "p2");
    Reply unknownItem = upload("/v1/apps/upl/models/upload", key, modelFile(other.build()));
    assertEquals(422, unknownItem.status(), String.valueOf(unknownItem.body()));
    assertTrue(unknownItem.body().get("detail").asText().contains("zz9"));
    dev.seer.api.Interactions.Builder stranger = new dev.seer.api.Interactions.Builder();
    stranger.add("w1", "p1").add("nobody", "p2").add("w2", "p1").add("w2", "p2");
    Reply unknownUser = upload("/v1/apps/upl/models/upload", key, modelFile(stranger.build()));
    assertEquals(422, unknownUser.status(), String.valueOf(unknownUser.body()));
    assertTrue(unknownUser.body().get("detail").asText().contains("nobody"));
    assertEquals(0, call("GET", "/v1/apps/upl/models", key, null).body().get("models").size());

    // accepted: a new version, deployed with the normal endpoint, serving the file's own top-N
    Reply up = upload("/v1/apps/upl/models/upload", key, file);
    assertEquals(201, up.status(), String.valueOf(up.body()));
    int version = up.body().get("version").asInt();
    assertEquals(20, up.body().get("items").asInt());
    assertEquals(30, up.body().get("users").asInt());
    Reply models = call("GET", "/v1/apps/upl/models", key, null);
    assertEquals("upload", models.body().get("models").get(0).get("card").get("source").asText());
    assertEquals(
        200, call("POST", "/v1/apps/upl/models/" + version + "/deploy", key, null).status());
    dev.seer.api.SavedModel own = loadBytes(file);
    for (String user : List.of("w0", "w7", "w29")) {
      int u = own.model().users().index(user);
      dev.seer.api.Ranking want =
          dev.seer.api.Ranker.recommend(own.model(), u, 5, own.seen(), null);
      Reply rec = call("GET", "/v1/apps/upl/recommendations?user=" + user + "&n=5", key, null);
      assertEquals(200, rec.status(), String.valueOf(rec.body()));
      JsonNode got = rec.body().get("items");
      assertEquals(want.size(), got.size());
      for (int k = 0; k < want.size(); k++) {
        assertEquals(own.model().items().id(want.items()[k]), got.get(k).get("id").asText(), user);
      }
    }
    Reply api = call("GET", "/openapi.json", null, null);
    assertTrue(api.body().get("paths").has("/v1/apps/{app}/models/upload"));
  }

  private static dev.seer.api.SavedModel loadBytes(byte[] file) throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("seer-upload-test", ".seer");
    try {
      java.nio.file.Files.write(f, file);
      return dev.seer.api.ModelFiles.load(f);
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    cleanUp();
  }

  @Test
  void recommendsWithReasonsAndFilters() throws Exception {
    // version 1 is the item-knn model trained in start(); other tests may have deployed others
    assertEquals(200, call("POST", "/v1/apps/shop/models/1/deploy", admin, null).status());
    Reply r = call("GET", "/v1/apps/shop/recommendations?user=u1&n=5&explain=true", admin, null);
    assertEquals(200, r.status(), String.valueOf(r.body()));
    JsonNode items = r.body().get("items");
    assertEquals(5, items.size());
    assertEquals(1, r.body().get("modelVersion").asInt());
    assertTrue(items.get(0).get("reasons").size() > 0);
    Reply cat = call("GET", "/v1/apps/shop/recommendations?user=u1&n=5&category=c2", admin, null);
    for (JsonNode it : cat.body().get("items")) {
      assertEquals(2, Integer.parseInt(it.get("id").asText().substring(1)) % 4);
    }
    Reply anon =
        call("POST", "/v1/apps/shop/recommendations?n=3", admin, "{\"items\":[\"i1\",\"i5\"]}");
    assertEquals(200, anon.status(), String.valueOf(anon.body()));
    assertEquals(3, anon.body().get("items").size());
    Reply sim = call("GET", "/v1/apps/shop/items/i1/similar?n=3", admin, null);
    assertEquals(200, sim.status(), String.valueOf(sim.body()));
  }

  @Test
  void aNewEventChangesTheNextRecommendationsWithoutRetraining() throws Exception {
    assertEquals(200, call("POST", "/v1/apps/shop/models/1/deploy", admin, null).status());
    Reply before = call("GET", "/v1/apps/shop/recommendations?user=u2&n=40", admin, null);
    String top = before.body().get("items").get(0).get("id").asText();
    Reply ing =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[{\"id\":\"live-1\",\"user\":\"u2\",\"item\":\""
                + top
                + "\",\"type\":\"purchase\"}]}");
    assertEquals(1, ing.body().get("stored").asInt());
    Reply after = call("GET", "/v1/apps/shop/recommendations?user=u2&n=40", admin, null);
    for (JsonNode it : after.body().get("items")) {
      assertNotEquals(top, it.get("id").asText(), "the item just bought is still recommended");
    }
    assertTrue(after.body().get("basis").asText().contains("fold-in"), after.body().toString());
    assertNotEquals(
        before.body().get("items").get(1).get("score").asDouble(),
        after.body().get("items").get(0).get("score").asDouble(),
        "the scores did not change");
  }

  @Test
  void aNewItemIsRecommendableAsSoonAsItIsUpserted() throws Exception {
    assertEquals(200, call("POST", "/v1/apps/shop/models/1/deploy", admin, null).status());
    // u3 clicks only category c3; the new item shares only that category with the catalogue
    String item =
        "{\"items\":[{\"id\":\"fresh-1\",\"title\":\"Brand new thing\","
            + "\"categories\":[\"c3\"]%s}]}";
    assertEquals(200, call("PUT", "/v1/apps/shop/items", admin, item.formatted("")).status());
    Reply sim = call("GET", "/v1/apps/shop/items/fresh-1/similar?n=20", admin, null);
    assertEquals(200, sim.status(), String.valueOf(sim.body()));
    // by hand: its only term is c:c3, which the ten c3 items share with equal weight, so each of
    // them is a neighbour with weight 1/10
    assertEquals(10, sim.body().get("items").size(), sim.body().toString());
    for (JsonNode it : sim.body().get("items")) {
      assertEquals(3, Integer.parseInt(it.get("id").asText().substring(1)) % 4);
      assertEquals(0.1, it.get("score").asDouble(), 1e-6);
    }
    Reply r = call("GET", "/v1/apps/shop/recommendations?user=u3&n=10&explain=true", admin, null);
    JsonNode fresh = null;
    for (JsonNode it : r.body().get("items")) {
      if (it.get("id").asText().equals("fresh-1")) {
        fresh = it;
      }
    }
    assertNotNull(fresh, "the new item is not recommended to a c3 user: " + r.body());
    assertTrue(fresh.get("score").asDouble() > 0);
    assertEquals("new-item-content", fresh.get("reasons").get(0).get("kind").asText());
    Reply other = call("GET", "/v1/apps/shop/recommendations?user=u1&n=10", admin, null);
    for (JsonNode it : other.body().get("items")) {
      assertNotEquals(
          "fresh-1", it.get("id").asText(), "recommended to a c1 user: " + other.body());
    }
    // unavailable, then deleted: no longer recommended
    assertEquals(
        200,
        call("PUT", "/v1/apps/shop/items", admin, item.formatted(",\"available\":false")).status());
    Reply hidden = call("GET", "/v1/apps/shop/recommendations?user=u3&n=40", admin, null);
    for (JsonNode it : hidden.body().get("items")) {
      assertNotEquals("fresh-1", it.get("id").asText());
    }
    assertEquals(
        200, call("POST", "/v1/apps/shop/items/delete", admin, "{\"ids\":[\"fresh-1\"]}").status());
    assertEquals(404, call("GET", "/v1/apps/shop/items/fresh-1/similar", admin, null).status());
  }

  @Test
  void keysAreScopedToTheirApplicationAndRole() throws Exception {
    Reply other = call("POST", "/v1/apps", ROOT, "{\"id\":\"news\"}");
    String newsAdmin = other.body().get("adminKey").asText();
    Reply cross = call("GET", "/v1/apps/shop/recommendations?user=u1", newsAdmin, null);
    assertEquals(403, cross.status());
    assertEquals("application/problem+json", cross.contentType());
    assertEquals(401, call("GET", "/v1/apps/shop/recommendations?user=u1", "nope", null).status());
    assertEquals(401, call("GET", "/v1/apps/shop/recommendations?user=u1", null, null).status());
    Reply readKey = call("POST", "/v1/apps/shop/keys", admin, "{\"role\":\"read\"}");
    String read = readKey.body().get("key").asText();
    assertEquals(200, call("GET", "/v1/apps/shop/recommendations?user=u1", read, null).status());
    Reply denied =
        call(
            "POST",
            "/v1/apps/shop/events",
            read,
            "{\"events\":[{\"id\":\"x\",\"user\":\"u\",\"item\":\"i1\",\"type\":\"view\"}]}");
    assertEquals(403, denied.status());
    assertEquals(403, call("POST", "/v1/apps", admin, "{\"id\":\"x\"}").status());
    // revoked keys stop working at once; unknown key ids get 404
    String keyId = readKey.body().get("keyId").asText();
    assertEquals(403, call("DELETE", "/v1/apps/shop/keys/" + keyId, read, null).status());
    assertEquals(200, call("DELETE", "/v1/apps/shop/keys/" + keyId, admin, null).status());
    assertEquals(401, call("GET", "/v1/apps/shop/recommendations?user=u1", read, null).status());
    assertEquals(404, call("DELETE", "/v1/apps/shop/keys/" + keyId, admin, null).status());
  }

  @Test
  void badInputGetsAProblemNamingTheField() throws Exception {
    Reply n = call("GET", "/v1/apps/shop/recommendations?user=u1&n=5000", admin, null);
    assertEquals(400, n.status());
    assertEquals("n", n.body().get("field").asText());
    Reply type =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[{\"id\":\"b1\",\"user\":\"u\",\"item\":\"i\",\"type\":\"like\"}]}");
    assertEquals(400, type.status());
    assertEquals("events[0].type", type.body().get("field").asText());
    Reply json = call("POST", "/v1/apps/shop/events", admin, "{not json");
    assertEquals(400, json.status());
    assertFalse(json.body().toString().contains("at dev.seer"));
    Reply longId =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[{\"id\":\""
                + "x".repeat(300)
                + "\",\"user\":\"u\",\"item\":\"i\",\"type\":\"view\"}]}");
    assertEquals(400, longId.status());
    assertEquals("events[0].id", longId.body().get("field").asText());
    Reply algo = call("POST", "/v1/apps/shop/models/train", admin, "{\"algorithm\":\"magic\"}");
    assertEquals(400, algo.status());
    Reply missing = call("GET", "/v1/apps/nope/recommendations?user=u1", ROOT, null);
    assertEquals(404, missing.status());
    Reply route = call("GET", "/v1/nothing", admin, null);
    assertEquals(404, route.status());
    assertEquals("application/problem+json", route.contentType());
    Reply big =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[\"" + "x".repeat(9 << 20) + "\"]}");
    assertEquals(413, big.status());
  }

  @Test
  void erasedUsersLoseTheirDataAndExportShowsIt() throws Exception {
    assertEquals(
        200,
        call("PUT", "/v1/apps/shop/users/u9", admin, "{\"attributes\":{\"plan\":\"pro\"}}")
            .status());
    Reply export = call("GET", "/v1/apps/shop/users/u9/export", admin, null);
    assertEquals("pro", export.body().get("attributes").get("plan").asText());
    assertEquals(12, export.body().get("events").size());
    Reply erased = call("DELETE", "/v1/apps/shop/users/u9", admin, null);
    assertEquals(12, erased.body().get("eventsDeleted").asInt());
    Reply after = call("GET", "/v1/apps/shop/users/u9/export", admin, null);
    assertEquals(0, after.body().get("events").size());
    assertTrue(after.body().get("erased").asBoolean());
    Reply later =
        call(
            "POST",
            "/v1/apps/shop/events",
            admin,
            "{\"events\":[{\"id\":\"after-erase\",\"user\":\"u9\",\"item\":\"i1\",\"type\":\"view\"}]}");
    assertEquals(1, later.body().get("rejected").size());
  }

  @Test
  void deployAndRollBackSwapModels() throws Exception {
    int before = call("GET", "/v1/apps/shop/models", admin, null).body().get("deployed").asInt();
    trainAndWait("popularity");
    Reply models = call("GET", "/v1/apps/shop/models", admin, null);
    int latest = models.body().get("deployed").asInt();
    assertTrue(latest >= 2, String.valueOf(models.body()));
    assertEquals(
        latest,
        call("GET", "/v1/apps/shop/recommendations?user=u1", admin, null)
            .body()
            .get("modelVersion")
            .asInt());
    Reply back = call("POST", "/v1/apps/shop/models/rollback", admin, null);
    assertEquals(200, back.status(), String.valueOf(back.body()));
    assertEquals(
        before, back.body().get("version").asInt(), "rollback returns to the previous one");
    Reply again = call("POST", "/v1/apps/shop/models/" + latest + "/deploy", admin, null);
    assertEquals(200, again.status());
  }

  @Test
  void neuralModelsTrainInTheBackgroundAndServe() throws Exception {
    Reply job =
        call(
            "POST",
            "/v1/apps/shop/models/train",
            admin,
            "{\"algorithm\":\"sasrec\",\"params\":{\"epochs\":\"2\",\"dims\":\"16\",\"blocks\":\"1\"},"
                + "\"deploy\":false}");
    assertEquals(202, job.status(), String.valueOf(job.body()));
    String id = job.body().get("id").asText();
    JsonNode done = null;
    for (int t = 0; t < 1200 && done == null; t++) {
      JsonNode j = call("GET", "/v1/apps/shop/jobs/" + id, admin, null).body();
      String state = j.get("state").asText();
      assertNotEquals("failed", state, j.toString());
      if (state.equals("succeeded")) {
        done = j;
      } else {
        Thread.sleep(100);
      }
    }
    assertNotNull(done, "sasrec training did not finish");
    JsonNode models = call("GET", "/v1/apps/shop/models", admin, null).body();
    boolean listed = false;
    for (JsonNode m : models.get("models")) {
      listed |= m.toString().contains("sasrec");
    }
    assertTrue(listed, models.toString());
  }

  @Test
  void aDeployedSequenceModelServesUsersAndSessions() throws Exception {
    Reply app = call("POST", "/v1/apps", ROOT, "{\"id\":\"seq\",\"name\":\"Sequences\"}");
    assertEquals(201, app.status(), String.valueOf(app.body()));
    String key = app.body().get("adminKey").asText();
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 20; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\"}");
    }
    assertEquals(200, call("PUT", "/v1/apps/seq/items", key, items + "]}").status());
    // 40 users, each walks 8 steps along s0 -> s1 -> ... -> s19 -> s0 from its own start
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      for (int k = 0; k < 8; k++) {
        events.add(
            "{\"id\":\"q"
                + u
                + "-"
                + k
                + "\",\"user\":\"w"
                + u
                + "\",\"item\":\"s"
                + (u + k) % 20
                + "\",\"type\":\"click\",\"timestamp\":"
                + (1_700_000_000L + 100L * u + k)
                + "}");
      }
    }
    Reply ing =
        call("POST", "/v1/apps/seq/events", key, "{\"events\":[" + String.join(",", events) + "]}");
    assertEquals(200, ing.status(), String.valueOf(ing.body()));
    Reply job =
        call(
            "POST",
            "/v1/apps/seq/models/train",
            key,
            "{\"algorithm\":\"sasrec\",\"params\":{\"epochs\":\"30\",\"dims\":\"16\","
                + "\"blocks\":\"1\",\"max-length\":\"8\",\"learning-rate\":\"0.01\"}}");
    assertEquals(202, job.status(), String.valueOf(job.body()));
    String id = job.body().get("id").asText();
    String state = "";
    for (int t = 0; t < 1200 && !state.equals("succeeded"); t++) {
      JsonNode j = call("GET", "/v1/apps/seq/jobs/" + id, key, null).body();
      state = j.get("state").asText();
      assertNotEquals("failed", state, j.toString());
      Thread.sleep(100);
    }
    assertEquals("succeeded", state);
    JsonNode models = call("GET", "/v1/apps/seq/models", key, null).body();
    assertTrue(models.toString().contains("sasrec"), models.toString());

    // a known user: five items, none of the user's own
    Reply user = call("GET", "/v1/apps/seq/recommendations?user=w3&n=5", key, null);
    assertEquals(200, user.status(), String.valueOf(user.body()));
    assertEquals(5, user.body().get("items").size());
    for (JsonNode it : user.body().get("items")) {
      int i = Integer.parseInt(it.get("id").asText().substring(1));
      assertFalse((i - 3 + 20) % 20 < 8, "w3's own item " + i + " in " + user.body());
    }
    // sessions: recent items, oldest first; the next step of the walk comes first
    Reply a =
        call("POST", "/v1/apps/seq/recommendations?n=5", key, "{\"items\":[\"s4\",\"s5\",\"s6\"]}");
    Reply b =
        call(
            "POST",
            "/v1/apps/seq/recommendations?n=5",
            key,
            "{\"items\":[\"s14\",\"s15\",\"s16\"]}");
    assertEquals(200, a.status(), String.valueOf(a.body()));
    assertEquals(200, b.status(), String.valueOf(b.body()));
    System.out.println("session s4,s5,s6 -> " + a.body().get("items"));
    System.out.println("session s14,s15,s16 -> " + b.body().get("items"));
    assertEquals("s7", a.body().get("items").get(0).get("id").asText(), a.body().toString());
    assertEquals("s17", b.body().get("items").get(0).get("id").asText(), b.body().toString());
  }

  void trainAndWait(String algorithm) throws Exception {
    Reply job =
        call("POST", "/v1/apps/shop/models/train", admin, "{\"algorithm\":\"" + algorithm + "\"}");
    String id = job.body().get("id").asText();
    for (int t = 0; t < 300; t++) {
      String state =
          call("GET", "/v1/apps/shop/jobs/" + id, admin, null).body().get("state").asText();
      if (state.equals("succeeded")) {
        return;
      }
      assertNotEquals("failed", state);
      Thread.sleep(100);
    }
    throw new AssertionError("training did not finish");
  }

  @Test
  void swappingModelsUnderLoadFailsNoRequest() throws Exception {
    trainAndWait("popularity");
    int latest = call("GET", "/v1/apps/shop/models", admin, null).body().get("deployed").asInt();
    assertTrue(latest >= 2);
    java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread th =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    Reply r = call("GET", "/v1/apps/shop/recommendations?user=u3&n=5", admin, null);
                    if (r.status() == 200 && r.body().get("items").size() == 5) {
                      ok.incrementAndGet();
                    } else {
                      failures.add(r.status() + " " + r.body());
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
              });
      th.start();
      readers.add(th);
    }
    for (int k = 0; k < 6; k++) {
      assertEquals(
          200,
          call("POST", "/v1/apps/shop/models/" + (k % 2 == 0 ? 1 : latest) + "/deploy", admin, null)
              .status());
    }
    assertEquals(
        200, call("POST", "/v1/apps/shop/models/" + latest + "/deploy", admin, null).status());
    stop.set(true);
    for (Thread th : readers) {
      th.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
    assertTrue(ok.get() > 0);
  }

  @Test
  void healthReadinessMetricsAndOpenApi() throws Exception {
    assertEquals(200, call("GET", "/health", null, null).status());
    assertTrue(call("GET", "/ready", null, null).body().get("ready").asBoolean());
    call("GET", "/v1/apps/shop/recommendations?user=u1", admin, null);
    HttpResponse<String> m =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(
        m.body()
            .contains(
                "seer_http_request_seconds_bucket{method=\"GET\",route=\"/v1/apps/{app}/recommendations\""),
        m.body());
    assertTrue(m.body().contains("seer_model_version{app=\"shop\"}"), m.body());
    assertTrue(m.body().contains("seer_events_stored_total"));
    Reply api = call("GET", "/openapi.json", null, null);
    assertTrue(api.body().get("paths").has("/v1/apps/{app}/events"));
  }

  @Test
  void naturalLanguageSearchRanksByMeaningAndBlendsForKnownUsers() throws Exception {
    Reply app = call("POST", "/v1/apps", ROOT, "{\"id\":\"films\",\"name\":\"Films\"}");
    assertEquals(201, app.status(), String.valueOf(app.body()));
    String key = app.body().get("adminKey").asText();
    String[][] films = {
      {"f1", "Space Cadets", "A light comedy about kids on a spaceship", "Comedy"},
      {"f2", "The Dark Trench", "A grim submarine war drama", "Drama"},
      {"f3", "Pasta Nights", "A documentary about Italian cooking", "Documentary"},
      {"f4", "Cold Case", "A detective thriller in a rainy city", "Thriller"},
      {"f5", "Dragon Lullaby", "An animated fairy tale for young children", "Animation"},
      {"f6", "Orbit Blues", "A slow drama about a lonely astronaut", "Drama"}
    };
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int k = 0; k < films.length; k++) {
      String[] f = films[k];
      items.append(k == 0 ? "" : ",").append("{\"id\":\"").append(f[0]).append("\",\"title\":\"");
      items.append(f[1]).append("\",\"text\":\"").append(f[2]).append("\",\"categories\":[\"");
      items.append(f[3]).append("\"]}");
    }
    Reply put = call("PUT", "/v1/apps/films/items", key, items + "]}");
    assertEquals(200, put.status(), String.valueOf(put.body()));

    Reply r = call("GET", "/v1/apps/films/search?q=a+light+space+comedy+for+kids&n=6", key, null);
    assertEquals(200, r.status(), String.valueOf(r.body()));
    JsonNode hits = r.body().get("items");
    assertEquals(6, hits.size());
    assertEquals("f1", hits.get(0).get("id").asText(), String.valueOf(r.body()));
    assertFalse(r.body().get("blended").asBoolean());
    assertEquals("all-minilm-l6-v2-q", r.body().get("embedder").asText());
    List<String> terms = new ArrayList<>();
    hits.get(0).get("terms").forEach(t -> terms.add(t.asText()));
    assertTrue(terms.contains("comedy") && terms.contains("kids"), terms.toString());
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode h : hits) {
      assertTrue(h.get("score").asDouble() <= previous, "sorted by score");
      previous = h.get("score").asDouble();
      assertFalse(h.has("collaborative"));
    }

    // a user who watched the two dramas; a semantic model trained on the events blends in
    String events =
        "{\"events\":[{\"id\":\"s1\",\"user\":\"ann\",\"item\":\"f2\",\"type\":\"click\"},"
            + "{\"id\":\"s2\",\"user\":\"ann\",\"item\":\"f6\",\"type\":\"click\"},"
            + "{\"id\":\"s3\",\"user\":\"bob\",\"item\":\"f1\",\"type\":\"click\"}]}";
    assertEquals(200, call("POST", "/v1/apps/films/events", key, events).status());
    Reply job =
        call(
            "POST",
            "/v1/apps/films/models/train",
            key,
            "{\"algorithm\":\"semantic\",\"evaluate\":false}");
    assertEquals(202, job.status(), String.valueOf(job.body()));
    String id = job.body().get("id").asText();
    String state = "";
    for (int t = 0; t < 600 && !state.equals("succeeded"); t++) {
      Reply j = call("GET", "/v1/apps/films/jobs/" + id, key, null);
      state = j.body().get("state").asText();
      assertNotEquals("failed", state, String.valueOf(j.body()));
      Thread.sleep(100);
    }
    assertEquals("succeeded", state);
    Reply blended =
        call(
            "GET",
            "/v1/apps/films/search?q=a+light+space+comedy+for+kids&user=ann&blend=1&n=6",
            key,
            null);
    assertEquals(200, blended.status(), String.valueOf(blended.body()));
    assertTrue(blended.body().get("blended").asBoolean());
    JsonNode top = blended.body().get("items").get(0);
    assertTrue(top.has("collaborative"));
    // with blend 1 only the model counts: ann's profile is the mean of the two dramas
    Reply recs = call("GET", "/v1/apps/films/recommendations?user=ann&n=1", key, null);
    assertEquals(200, recs.status(), String.valueOf(recs.body()));
    String firstUnseen = null;
    for (JsonNode h : blended.body().get("items")) {
      String hid = h.get("id").asText();
      if (firstUnseen == null && !hid.equals("f2") && !hid.equals("f6")) {
        firstUnseen = hid;
      }
    }
    assertEquals(
        recs.body().get("items").get(0).get("id").asText(),
        firstUnseen,
        "blend 1 ranks as the model does: " + blended.body());
    Reply explained =
        call("GET", "/v1/apps/films/recommendations?user=ann&n=1&explain=true", key, null);
    JsonNode reasons = explained.body().get("items").get(0).get("reasons");
    JsonNode sentence = reasons.get(reasons.size() - 1);
    assertEquals("sentence", sentence.get("kind").asText(), String.valueOf(reasons));
    assertTrue(
        sentence.get("text").asText().startsWith("Because you liked \u201c"), sentence.toString());
    // Shapley contributions of ann's two liked items: they add up to the score
    Reply sh =
        call("GET", "/v1/apps/films/recommendations?user=ann&n=1&explain=shapley", key, null);
    JsonNode shItem = sh.body().get("items").get(0);
    double total = 0;
    int players = 0;
    for (JsonNode why : shItem.get("reasons")) {
      if (why.get("kind").asText().equals("item")) {
        assertTrue(why.get("method").asText().startsWith("sampled Shapley"), why.toString());
        total += why.get("contribution").asDouble();
        players++;
      }
    }
    assertEquals(2, players, String.valueOf(shItem));
    assertEquals(shItem.get("score").asDouble(), total, 1e-4, "efficiency (float scores)");
    Reply unknown =
        call("GET", "/v1/apps/films/search?q=a+light+space+comedy+for+kids&user=zoe", key, null);
    assertFalse(unknown.body().get("blended").asBoolean());
    assertEquals("f1", unknown.body().get("items").get(0).get("id").asText());

    Reply noQ = call("GET", "/v1/apps/films/search", key, null);
    assertEquals(400, noQ.status());
    assertEquals("q", noQ.body().get("field").asText());
    Reply badBlend = call("GET", "/v1/apps/films/search?q=x&blend=2", key, null);
    assertEquals(400, badBlend.status());
    assertEquals("blend", badBlend.body().get("field").asText());
    Reply api = call("GET", "/openapi.json", null, null);
    assertTrue(api.body().get("paths").has("/v1/apps/{app}/search"));
  }

  @Test
  void reviewsOfAnItemGiveKeyphrasesSentimentAndASummary() throws Exception {
    Reply app = call("POST", "/v1/apps", ROOT, "{\"id\":\"gear\",\"name\":\"Gear\"}");
    assertEquals(201, app.status(), String.valueOf(app.body()));
    String key = app.body().get("adminKey").asText();
    String text =
        "The tuning pegs are great. The strings stay in tune for weeks.\\n"
            + "I love the tuning pegs, and the case is sturdy.\\n"
            + "The tuning pegs are loose. Very disappointed with this guitar.";
    Reply put =
        call(
            "PUT",
            "/v1/apps/gear/items",
            key,
            "{\"items\":[{\"id\":\"g1\",\"title\":\"Guitar\",\"text\":\"" + text + "\"}]}");
    assertEquals(200, put.status(), String.valueOf(put.body()));
    Reply r = call("GET", "/v1/apps/gear/items/g1/reviews?sentences=2", key, null);
    assertEquals(200, r.status(), String.valueOf(r.body()));
    assertEquals(3, r.body().get("reviews").asInt());
    assertEquals(2, r.body().get("positive").asInt());
    JsonNode top = r.body().get("keyphrases").get(0);
    assertEquals("tuning pegs", top.get("phrase").asText(), String.valueOf(r.body()));
    assertEquals(3, top.get("count").asInt());
    assertEquals(2, r.body().get("summary").size());
    assertEquals(404, call("GET", "/v1/apps/gear/items/nope/reviews", key, null).status());
    assertEquals(
        400, call("GET", "/v1/apps/gear/items/g1/reviews?sentences=99", key, null).status());
  }
}
