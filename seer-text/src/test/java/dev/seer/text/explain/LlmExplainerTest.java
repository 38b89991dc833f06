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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** The most a request can cost: its body's UTF-8 bytes plus its max_tokens of 60. */
  private static int worstCase(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length + 60;
  }

  /** A reply that reports the request's worst-case cost as its usage. */
  private static ChatCompletionsServer.Reply worstCaseReply(String body) {
    return ChatCompletionsServer.Reply.ok("Sentence for " + title(body), worstCase(body));
  }

  /** The recommended item's title in a request body. */
  private static String title(String body) {
    try {
      String user = JSON.readTree(body).get("messages").get(1).get("content").asText();
      return JSON.readTree(user).get("recommendedItem").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Evidence popular(int k) {
    return new Evidence("Item " + k, List.of(), List.of(), List.of(), true);
  }

  @Test
  void theTokenCapStopsRequests() throws Exception {
    server = new ChatCompletionsServer((n, body) -> worstCaseReply(body));
    LlmClient c = new LlmClient(options(server.base(), 0, 1500, false));
    LlmExplainer x = new LlmExplainer(c);
    for (int k = 0; k < 6; k++) {
      x.explain(popular(k));
    }
    // Every request reserves its worst case w (the same for Item 0 to Item 5) and is sent only
    // while the tokens spent plus w stay within 1500.
    int w = worstCase(server.received().get(0));
    assertEquals(1500 / w, count(), "worst case " + w);
    assertEquals((long) count() * w, c.tokensSpent());
    LlmExplainer.Explanation e = x.explain(popular(9));
    assertEquals("It is popular with other users.", e.text());
    assertTrue(e.fallbackReason().contains("token cap of 1500"), e.fallbackReason());
  }

  @Test
  void sentencesOfAListAreWrittenConcurrentlyInOrder() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch two = new CountDownLatch(2);
    server =
        new ChatCompletionsServer(
            (n, body) -> {
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              two.countDown();
              try {
                // hold the first request until a second one arrives (a guard, not a timing test)
                two.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              return worstCaseReply(body);
            });
    LlmClient c = new LlmClient(options(server.base(), 0, 1_000_000, false));
    List<Evidence> list = new ArrayList<>();
    for (int k = 0; k < 7; k++) {
      list.add(popular(k));
    }
    List<LlmExplainer.Explanation> out = new LlmExplainer(c, 3).explainAll(list);
    assertTrue(most.get() >= 2, "requests in flight at once: " + most.get());
    assertTrue(most.get() <= 3, "at most the concurrency: " + most.get());
    assertEquals(7, out.size());
    for (int k = 0; k < 7; k++) {
      assertEquals("llm", out.get(k).source());
      assertEquals("Sentence for Item " + k, out.get(k).text(), "in order");
    }
    assertEquals(7, count());
    // The same list again comes from the cache.
    assertEquals(out, new LlmExplainer(c, 3).explainAll(list));
    assertEquals(7, count());
    assertEquals(List.of(), new LlmExplainer(c).explainAll(List.of()));
    assertThrows(InputException.class, () -> new LlmExplainer(c, 0));
  }

  @Test
  void theTokenCapHoldsUnderConcurrency() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    server =
        new ChatCompletionsServer(
            (n, body) -> {
              if (n == 0) {
                return worstCaseReply(body); // the probe
              }
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              three.countDown();
              try {
                // hold the requests until three are in flight (a guard, not a timing test)
                three.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              return worstCaseReply(body);
            });
    // The worst case w of one request (Item 0 to Item 9 have prompts of the same length).
    new LlmExplainer(new LlmClient(options(server.base(), 0, 1_000_000, false)))
        .explain(popular(9));
    int w = worstCase(server.received().get(0));
    long cap = 3 * w + w / 2;
    LlmClient c = new LlmClient(options(server.base(), 0, cap, false));
    List<Evidence> list = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      list.add(popular(k));
    }
    List<LlmExplainer.Explanation> out = new LlmExplainer(c, 4).explainAll(list);
    // Without reservations the 4 workers' first requests would all pass a check of the tokens
    // spent (0) and spend 4 w > 3.5 w. With them, 3 are in flight together, the fourth is refused,
    // and once the 3 have spent 3 w no other fits, whatever the interleaving.
    assertEquals(3, most.get(), "requests in flight at once");
    assertTrue(c.tokensSpent() <= cap, c.tokensSpent() + " tokens spent over the cap " + cap);
    assertEquals(3L * w, c.tokensSpent());
    assertEquals(3, out.stream().filter(e -> e.source().equals("llm")).count());
    assertEquals(1 + 3, count());
    for (LlmExplainer.Explanation e : out) {
      if (e.source().equals("template")) {
        assertTrue(e.fallbackReason().contains("token cap"), e.fallbackReason());
        assertEquals("It is popular with other users.", e.text());
      }
    }
  }

  @Test
  void afterAFailureTheRestOfTheListUsesTemplates() throws Exception {
    // Request 1 fails with a 400; the sentences not yet started then use their templates.
    server =
        new ChatCompletionsServer(
            (n, body) ->
                n == 1 ? new ChatCompletionsServer.Reply(400, "{}", false) : worstCaseReply(body));
    LlmClient c = new LlmClient(options(server.base(), 0, 1_000_000, false));
    List<Evidence> list = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      list.add(popular(k));
    }
    List<LlmExplainer.Explanation> out = new LlmExplainer(c, 1).explainAll(list);
    assertEquals("llm", out.get(0).source());
    assertTrue(out.get(1).fallbackReason().contains("HTTP 400"), out.get(1).fallbackReason());
    for (int k = 2; k < 5; k++) {
      assertEquals("template", out.get(k).source());
      assertTrue(
          out.get(k)
              .fallbackReason()
              .startsWith("an earlier LLM call of this list failed: HTTP 400"),
          out.get(k).fallbackReason());
    }
    assertEquals(2, count());
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
