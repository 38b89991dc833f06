package dev.seer.text.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.api.InputException;
import dev.seer.testkit.ChatCompletionsServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM path against the shared in-process server that speaks the chat completions protocol. */
class LlmExplainerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Evidence EVIDENCE =
      new Evidence(
          "Spaceballs",
          List.of("Galaxy Quest", "Airplane!"),
          List.of("space", "comedy"),
          List.of("Funny from start to end."),
          false);

  /** What the server does with the n-th request (0-based): status and body. */
  private record Reply(int status, String body) {}

  private ChatCompletionsServer server;

  private URI start(IntFunction<Reply> behaviour, boolean slow) {
    server =
        new ChatCompletionsServer(
            (n, body) -> {
              if (slow) {
                return ChatCompletionsServer.Reply.slowly();
              }
              Reply r = behaviour.apply(n);
              return new ChatCompletionsServer.Reply(r.status(), r.body(), false);
            });
    return server.base();
  }

  /** The request bodies received, as JSON. */
  private List<JsonNode> received() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String b : server.received()) {
      out.add(JSON.readTree(b));
    }
    return out;
  }

  private int count() {
    return server.requests();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private static String ok(String text, int tokens) {
    return "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":"
        + JSON.valueToTree(text)
        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":"
        + tokens
        + "}}";
  }

  private static LlmOptions options(URI base, int retries, long cap, boolean personal) {
    return new LlmOptions(
        base,
        "sk-test",
        "tiny",
        Duration.ofSeconds(20),
        retries,
        Duration.ZERO,
        cap,
        60,
        personal,
        100);
  }

  @Test
  void theModelWritesTheSentenceFromTheEvidenceOnly() throws Exception {
    URI base = start(n -> new Reply(200, ok("  You will love this space comedy.  ", 42)), false);
    LlmClient c = new LlmClient(options(base, 0, 1000, false));
    LlmExplainer.Explanation e = new LlmExplainer(c).explain(EVIDENCE);
    assertEquals("You will love this space comedy.", e.text());
    assertEquals("llm", e.source());
    JsonNode req = received().get(0);
    assertEquals("tiny", req.get("model").asText());
    assertEquals(0, req.get("temperature").asInt());
    assertEquals("system", req.get("messages").get(0).get("role").asText());
    String user = req.get("messages").get(1).get("content").asText();
    assertTrue(user.contains("Spaceballs") && user.contains("space"), user);
    assertFalse(user.contains("Galaxy Quest"), "no personal data unless enabled: " + user);
    assertEquals(42, c.tokensSpent());
    // the same evidence again comes from the cache
    new LlmExplainer(c).explain(EVIDENCE);
    assertEquals(1, count());
  }

  @Test
  void personalDataIsSentOnlyWhenEnabled() throws Exception {
    URI base = start(n -> new Reply(200, ok("Like Galaxy Quest.", 5)), false);
    new LlmExplainer(new LlmClient(options(base, 0, 1000, true))).explain(EVIDENCE);
    String user = received().get(0).get("messages").get(1).get("content").asText();
    assertTrue(user.contains("Galaxy Quest"), user);
  }

  @Test
  void serverErrorsAreRetriedThenTheTemplateIsUsed() throws Exception {
    URI base =
        start(n -> n < 2 ? new Reply(503, "{}") : new Reply(200, ok("Third time.", 3)), false);
    LlmClient c = new LlmClient(options(base, 2, 1000, false));
    assertEquals("Third time.", new LlmExplainer(c).explain(EVIDENCE).text());
    assertEquals(3, count());
    stop();
    URI always = start(n -> new Reply(500, "oops"), false);
    LlmExplainer.Explanation e =
        new LlmExplainer(new LlmClient(options(always, 1, 1000, false))).explain(EVIDENCE);
    assertEquals("template", e.source());
    assertEquals(TemplateExplainer.explain(EVIDENCE), e.text());
    assertTrue(e.fallbackReason().contains("HTTP 500"), e.fallbackReason());
    assertEquals(2, count(), "one retry");
  }

  @Test
  void malformedRepliesFallBackWithoutRetrying() throws Exception {
    String[] bodies = {
      "not json", "{\"choices\":[]}", "{\"choices\":[{\"message\":{\"content\":\"\"}}]}"
    };
    URI base = start(n -> new Reply(200, bodies[Math.min(n, bodies.length - 1)]), false);
    LlmClient c = new LlmClient(options(base, 3, 1000, false));
    for (int k = 0; k < bodies.length; k++) {
      Evidence ev = new Evidence("Item " + k, List.of(), List.of("w" + k), List.of(), false);
      LlmExplainer.Explanation e = new LlmExplainer(c).explain(ev);
      assertEquals("template", e.source(), bodies[k]);
      assertEquals("It matches w" + k + ".", e.text());
    }
    assertEquals(bodies.length, count(), "malformed replies are not retried");
    stop();
    URI bad = start(n -> new Reply(401, "{\"error\":\"bad key\"}"), false);
    LlmExplainer.Explanation e =
        new LlmExplainer(new LlmClient(options(bad, 3, 1000, false))).explain(EVIDENCE);
    assertTrue(e.fallbackReason().contains("401"), e.fallbackReason());
  }

  @Test
  void aSlowReplyTimesOutAndTheTemplateIsUsed() throws Exception {
    // the server holds every request until the test ends, so the timeout always fires first
    URI base = start(n -> new Reply(200, ok("too late", 1)), true);
    LlmOptions o =
        new LlmOptions(
            base, "", "tiny", Duration.ofMillis(300), 0, Duration.ZERO, 1000, 60, false, 10);
    LlmExplainer.Explanation e = new LlmExplainer(new LlmClient(o)).explain(EVIDENCE);
    assertEquals("template", e.source());
    assertTrue(e.fallbackReason().contains("no reply within 300 ms"), e.fallbackReason());
  }

  @Test
  void theTokenCapStopsRequests() throws Exception {
    URI base = start(n -> new Reply(200, ok("Reply " + n, 1000)), false);
    LlmClient c = new LlmClient(options(base, 0, 1500, false));
    LlmExplainer x = new LlmExplainer(c);
    for (int k = 0; k < 4; k++) {
      x.explain(new Evidence("Item " + k, List.of(), List.of(), List.of(), true));
    }
    assertEquals(2, count(), "the third request would pass the cap of 1500 after 2000");
    LlmExplainer.Explanation e =
        x.explain(new Evidence("Item 9", List.of(), List.of(), List.of(), true));
    assertEquals("It is popular with other users.", e.text());
    assertTrue(e.fallbackReason().contains("token cap"), e.fallbackReason());
  }

  @Test
  void templatesAndSettingsByHand() {
    assertEquals(
        "Because you liked \u201cGalaxy Quest\u201d and \u201cAirplane!\u201d, and it shares"
            + " space and comedy with them. Reviewers say: \u201cFunny from start to end.\u201d",
        TemplateExplainer.explain(EVIDENCE));
    assertEquals(
        "Recommended for you.",
        TemplateExplainer.explain(new Evidence("x", null, null, null, false)));
    assertEquals("a, b and c", TemplateExplainer.join(List.of("a", "b", "c")));
    assertEquals("template", new LlmExplainer(null).explain(EVIDENCE).source());
    assertThrows(InputException.class, () -> LlmOptions.of(URI.create("ftp://x/v1"), "", "m"));
    assertThrows(InputException.class, () -> LlmOptions.of(URI.create("http://x/v1"), "", " "));
  }
}
