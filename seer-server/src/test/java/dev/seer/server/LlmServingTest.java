package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.testkit.ChatCompletionsServer;
import dev.seer.testkit.ChatCompletionsServer.Reply;
import dev.seer.text.explain.LlmOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server's optional LLM features over real HTTP against an in-process chat completions server:
 * explanation sentences ({@code sentence=llm}) and re-ranking ({@code rerank=llm}), with the
 * template or the original order whenever the model fails, times out or replies badly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmServingTest {
  private static final String ROOT = "llm-serving-root-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final AtomicReference<Function<String, Reply>> mode = new AtomicReference<>();
  private ChatCompletionsServer llm;
  private SeerServer server;
  private Path dir;
  private String base;
  private String admin;

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + admin)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private String send(String method, String path, String key, String body) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
    return r.body();
  }

  @BeforeAll
  void start() throws Exception {
    llm = new ChatCompletionsServer((n, body) -> mode.get().apply(body));
    dir = Files.createTempDirectory("seer-llm");
    // no cache, so that each request reaches the chat server; a 300 ms timeout and no retries
    LlmOptions o =
        new LlmOptions(
            llm.base(),
            "sk-test",
            "tiny",
            Duration.ofMillis(300),
            0,
            Duration.ZERO,
            1_000_000,
            60,
            false,
            0,
            0);
    server =
        SeerServer.start(
            new ServerConfig(
                "127.0.0.1",
                0,
                "jdbc:sqlite:" + dir.resolve("s.db"),
                ROOT,
                Limits.defaults(),
                42,
                o));
    base = "http://127.0.0.1:" + server.port();
    admin =
        JSON.readTree(send("POST", "/v1/apps", ROOT, "{\"id\":\"shop\"}")).get("adminKey").asText();
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 12; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"i").append(i);
      items.append("\",\"title\":\"Title ").append(i).append("\"}");
    }
    send("PUT", "/v1/apps/shop/items", admin, items + "]}");
    // users in two groups: even items and odd items
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 20; u++) {
      for (int k = 0; k < 4; k++) {
        int item = (2 * ((u + k) % 6) + u % 2);
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
    send("POST", "/v1/apps/shop/events", admin, "{\"events\":[" + String.join(",", events) + "]}");
    String job =
        JSON.readTree(
                send("POST", "/v1/apps/shop/models/train", admin, "{\"algorithm\":\"item-knn\"}"))
            .get("id")
            .asText();
    for (int t = 0; t < 600; t++) {
      String state = get("/v1/apps/shop/jobs/" + job).get("state").asText();
      if (state.equals("succeeded")) {
        return;
      }
      assertNotEquals("failed", state);
      Thread.sleep(50);
    }
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    llm.close();
  }

  private static JsonNode sentence(JsonNode item) {
    for (JsonNode r : item.get("reasons")) {
      if (r.get("kind").asText().equals("sentence")) {
        return r;
      }
    }
    throw new AssertionError("no sentence in " + item);
  }

  private List<String> ids(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("items").forEach(x -> out.add(x.get("id").asText()));
    return out;
  }

  private static String userMessage(String body) {
    try {
      return JSON.readTree(body).get("messages").get(1).get("content").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theLlmWritesTheSentenceFromTheEvidenceAndTheTemplateStandsIn() throws Exception {
    JsonNode plain = get("/v1/apps/shop/recommendations?user=u0&n=3&explain=true");
    JsonNode s0 = sentence(plain.get("items").get(0));
    assertEquals("template", s0.get("source").asText());
    assertTrue(s0.get("text").asText().startsWith("Because you liked"), s0.toString());

    mode.set(body -> Reply.ok("An LLM sentence.", 10));
    int before = llm.requests();
    JsonNode a = get("/v1/apps/shop/recommendations?user=u0&n=3&explain=true&sentence=llm");
    JsonNode s = sentence(a.get("items").get(0));
    assertEquals("llm", s.get("source").asText());
    assertEquals("An LLM sentence.", s.get("text").asText());
    int explained = 0;
    for (JsonNode it : a.get("items")) {
      explained +=
          it.get("reasons").findValues("kind").stream()
                      .filter(k -> k.asText().equals("sentence"))
                      .count()
                  > 0
              ? 1
              : 0;
    }
    assertEquals(explained, llm.requests() - before, "one request per explained item");
    // the sentences of one request are written concurrently, so the requests may arrive in any
    // order: look for the top item's among them
    String top = a.get("items").get(0).get("title").asText();
    List<String> sentNow = new ArrayList<>();
    for (int r = before; r < llm.requests(); r++) {
      sentNow.add(userMessage(llm.received().get(r)));
    }
    assertTrue(
        sentNow.stream().anyMatch(m -> m.contains(top)), "the item's title is sent: " + sentNow);
    for (String sent : sentNow) {
      assertFalse(sent.contains("becauseTheyLiked"), "no personal data unless enabled: " + sent);
    }

    // a slow reply: the 300 ms timeout fires and the template stands in
    mode.set(body -> Reply.slowly());
    before = llm.requests();
    JsonNode slow = get("/v1/apps/shop/recommendations?user=u0&n=3&explain=true&sentence=llm");
    JsonNode ss = sentence(slow.get("items").get(0));
    assertEquals("template", ss.get("source").asText());
    assertEquals(s0.get("text").asText(), ss.get("text").asText());
    assertTrue(ss.get("fallback").asText().contains("no reply within 300 ms"), ss.toString());
    // the sentences of a request are written 4 at a time: at most one wave of timeouts per
    // request, and once one has timed out the items not yet started use the template (that rule
    // itself is tested with longer lists in seer-text's LlmExplainerTest)
    List<JsonNode> sentences = new ArrayList<>();
    for (JsonNode it : slow.get("items")) {
      for (JsonNode r : it.get("reasons")) {
        if (r.get("kind").asText().equals("sentence")) {
          sentences.add(r);
        }
      }
    }
    long asked = llm.requests() - before;
    assertTrue(
        asked >= 1 && asked <= Math.min(4, sentences.size()),
        asked + " requests for " + sentences.size() + " sentences");
    for (JsonNode later : sentences) {
      assertEquals("template", later.get("source").asText());
      String why = later.get("fallback").asText();
      assertTrue(
          why.contains("no reply within 300 ms") || why.startsWith("an earlier LLM call"),
          later.toString());
    }

    mode.set(body -> new Reply(500, "{}", false));
    JsonNode err =
        sentence(
            get("/v1/apps/shop/recommendations?user=u0&n=1&explain=true&sentence=llm")
                .get("items")
                .get(0));
    assertEquals("template", err.get("source").asText());
    assertTrue(err.get("fallback").asText().contains("HTTP 500"), err.toString());

    mode.set(body -> new Reply(200, "{\"choices\":[{\"message\":{}}]}", false));
    JsonNode bad =
        sentence(
            get("/v1/apps/shop/recommendations?user=u0&n=1&explain=true&sentence=llm")
                .get("items")
                .get(0));
    assertEquals("template", bad.get("source").asText());
    assertTrue(bad.get("fallback").asText().contains("no choices"), bad.toString());
  }

  /** Replies with the candidates' ids as the function orders them. */
  private static Function<String, Reply> ordering(Function<List<String>, String> f) {
    return body -> {
      try {
        JsonNode m = JSON.readTree(userMessage(body));
        List<String> ids = new ArrayList<>();
        m.get("candidates").forEach(c -> ids.add(c.get("id").asText()));
        return Reply.ok(f.apply(ids), 20);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
  }

  @Test
  void theLlmReRanksTheTopCandidatesWithTheSameSafeguards() throws Exception {
    String path = "/v1/apps/shop/recommendations?user=u1&n=4";
    List<String> original = ids(get(path));
    assertEquals(4, original.size());

    mode.set(
        ordering(
            ids -> {
              List<String> r = new ArrayList<>(ids);
              java.util.Collections.reverse(r);
              return "Here you go: " + JSON.valueToTree(r);
            }));
    int before = llm.requests();
    JsonNode good = get(path + "&rerank=llm&q=" + "something%20calm");
    List<String> reversed = new ArrayList<>(original);
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, ids(good));
    assertEquals("llm", good.get("rerank").get("source").asText());
    String sent = userMessage(llm.received().get(before));
    assertTrue(sent.contains("something calm") && sent.contains("Title"), sent);
    assertFalse(sent.contains("recentlyLiked"), "no personal data unless enabled: " + sent);

    // partial: the last candidate, an unknown id and a repeat; the rest keep their order
    mode.set(ordering(ids -> "[\"" + ids.get(3) + "\",\"nope\",\"" + ids.get(3) + "\"]"));
    JsonNode partial = get(path + "&rerank=llm");
    assertEquals(
        List.of(original.get(3), original.get(0), original.get(1), original.get(2)), ids(partial));
    assertEquals(2, partial.get("rerank").get("ignoredIds").asInt());

    mode.set(body -> Reply.ok("I would put the second one first.", 5));
    JsonNode malformed = get(path + "&rerank=llm");
    assertEquals(original, ids(malformed));
    assertEquals("original", malformed.get("rerank").get("source").asText());
    assertTrue(malformed.get("rerank").get("fallback").asText().contains("no JSON array"));

    mode.set(body -> Reply.slowly());
    JsonNode slow = get(path + "&rerank=llm");
    assertEquals(original, ids(slow));
    assertTrue(slow.get("rerank").get("fallback").asText().contains("no reply within 300 ms"));
    assertTrue(get(path).get("rerank") == null, "no rerank field unless asked");
  }
}
