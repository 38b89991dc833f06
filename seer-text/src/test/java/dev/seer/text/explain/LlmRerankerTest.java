package dev.seer.text.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.testkit.ChatCompletionsServer;
import dev.seer.testkit.ChatCompletionsServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Re-ranking by a language model and the per-minute call cap, against the shared chat server. */
class LlmRerankerTest {
  private static final List<LlmReranker.Candidate> CANDS =
      List.of(
          new LlmReranker.Candidate("a", "Alien"),
          new LlmReranker.Candidate("b", "Brazil"),
          new LlmReranker.Candidate("c", "Casablanca"),
          new LlmReranker.Candidate("d", "Dune"));

  private static LlmOptions options(URI base, Duration timeout, boolean personal, int perMinute) {
    return new LlmOptions(
        base, "", "tiny", timeout, 0, Duration.ZERO, 1_000_000, 60, personal, 0, perMinute);
  }

  @Test
  void aGoodReplyGivesTheModelsOrder() {
    try (ChatCompletionsServer s =
        new ChatCompletionsServer(
            (n, body) -> Reply.ok("```json\n[\"c\",\"a\",\"d\",\"b\"]\n```", 9))) {
      LlmReranker.Result r =
          new LlmReranker(new LlmClient(options(s.base(), Duration.ofSeconds(20), false, 0)))
              .rerank(CANDS, "old films", List.of("Metropolis"));
      assertArrayEquals(new int[] {2, 0, 3, 1}, r.order());
      assertEquals("llm", r.source());
      String sent = s.received().get(0);
      assertTrue(sent.contains("old films") && sent.contains("Casablanca"), sent);
      assertFalse(sent.contains("Metropolis"), "no personal data unless enabled: " + sent);
    }
  }

  @Test
  void recentItemsAreSentOnlyWhenPersonalDataIsAllowed() {
    try (ChatCompletionsServer s = new ChatCompletionsServer((n, body) -> Reply.ok("[\"b\"]", 9))) {
      new LlmReranker(new LlmClient(options(s.base(), Duration.ofSeconds(20), true, 0)))
          .rerank(CANDS, "", List.of("Metropolis"));
      assertTrue(s.received().get(0).contains("Metropolis"));
    }
  }

  @Test
  void partialAndMalformedRepliesAreReadDefensively() {
    // unknown ids and repeats are ignored; missing candidates follow in their original order
    LlmReranker.Result p = LlmReranker.parse("[\"d\", \"x\", \"d\", {\"id\":\"b\"}, 7]", CANDS);
    assertArrayEquals(new int[] {3, 1, 0, 2}, p.order());
    assertEquals(3, p.ignored());
    assertEquals("original", LlmReranker.parse("d then b", CANDS).source());
    assertEquals("original", LlmReranker.parse("[\"d\", oops]", CANDS).source());
    LlmReranker.Result none = LlmReranker.parse("[\"x\", \"y\"]", CANDS);
    assertArrayEquals(new int[] {0, 1, 2, 3}, none.order());
    assertTrue(none.fallbackReason().contains("none of the candidates"), none.fallbackReason());
    assertEquals(
        "no LLM configured", new LlmReranker(null).rerank(CANDS, "", List.of()).fallbackReason());
  }

  @Test
  void aSlowReplyKeepsTheOriginalOrder() {
    try (ChatCompletionsServer s = new ChatCompletionsServer((n, body) -> Reply.slowly())) {
      LlmReranker.Result r =
          new LlmReranker(new LlmClient(options(s.base(), Duration.ofMillis(200), false, 0)))
              .rerank(CANDS, "x", List.of());
      assertArrayEquals(new int[] {0, 1, 2, 3}, r.order());
      assertTrue(r.fallbackReason().contains("no reply within 200 ms"), r.fallbackReason());
    }
  }

  @Test
  void theCallsPerMinuteCapRefusesUntilTheMinuteHasPassed() throws Exception {
    try (ChatCompletionsServer s =
        new ChatCompletionsServer((n, body) -> Reply.ok("Reply " + n, 1))) {
      AtomicLong now = new AtomicLong(0);
      LlmClient c = new LlmClient(options(s.base(), Duration.ofSeconds(20), false, 2), now::get);
      c.complete("s", "one");
      now.set(30_000_000_000L);
      c.complete("s", "two");
      LlmClient.Unavailable e =
          assertThrows(LlmClient.Unavailable.class, () -> c.complete("s", "three"));
      assertTrue(e.getMessage().contains("2 calls per minute"), e.getMessage());
      assertEquals(2, s.requests());
      now.set(60_000_000_000L); // the first call is now a minute old
      assertEquals("Reply 2", c.complete("s", "three"));
      assertThrows(LlmClient.Unavailable.class, () -> c.complete("s", "four"));
      assertThrows(InputException.class, () -> options(s.base(), Duration.ofSeconds(1), false, -1));
    }
  }
}
