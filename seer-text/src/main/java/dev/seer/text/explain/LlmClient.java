package dev.seer.text.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.text.ContentHash;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A small client of an OpenAI-compatible chat completions endpoint ({@code POST
 * {base}/chat/completions} with {@code model}, {@code messages}, {@code temperature 0} and {@code
 * max_tokens}; the reply's {@code choices[0].message.content}). Each request has a timeout;
 * timeouts, connection errors, 429 and 5xx replies are retried with doubling backoff; other replies
 * and malformed bodies are failures at once. Replies are cached by prompt, and an optional limit of
 * calls per minute refuses requests beyond it.
 *
 * <p>Thread-safe, and the token cap holds when requests run in parallel: before a request is sent
 * it reserves its most possible cost, the UTF-8 bytes of its body (no tokenizer makes more prompt
 * tokens than bytes, and the body holds more bytes than the chat format's few extra tokens) plus
 * its {@code max_tokens}. It is sent only if the tokens spent, the reservations of the requests in
 * flight and its own reservation together stay within the cap; otherwise it is refused at once. The
 * reply's reported usage then replaces the reservation (a request that gets no reply gives its
 * reservation back). So the tokens spent never pass the cap unless an endpoint reports more than
 * that bound for a request.
 */
public final class LlmClient {
  /** Why a completion could not be had. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final LlmOptions options;
  private final HttpClient http;
  private final AtomicLong spent = new AtomicLong();
  private final AtomicLong committed = new AtomicLong(); // spent plus reservations in flight
  private final AtomicLong requests = new AtomicLong();
  private final LinkedHashMap<String, String> cache;
  private final ArrayDeque<Long> sentAt = new ArrayDeque<>();
  private final LongSupplier nanoClock;

  /**
   * Creates a client.
   *
   * @param options the settings
   */
  public LlmClient(LlmOptions options) {
    this(options, System::nanoTime);
  }

  /**
   * Creates a client that reads time from the given clock (for the per-minute call limit).
   *
   * @param options the settings
   * @param nanoClock a monotonic clock in nanoseconds
   */
  LlmClient(LlmOptions options, LongSupplier nanoClock) {
    this.options = options;
    this.nanoClock = nanoClock;
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    int cap = options.cacheSize();
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > cap;
          }
        };
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public LlmOptions options() {
    return options;
  }

  /**
   * Returns the tokens spent so far.
   *
   * @return the tokens
   */
  public long tokensSpent() {
    return spent.get();
  }

  /**
   * Returns the HTTP requests sent so far (retries included, cache hits not).
   *
   * @return the count
   */
  public long requestsSent() {
    return requests.get();
  }

  /**
   * Asks for a completion.
   *
   * @param system the system message
   * @param user the user message
   * @return the reply text, stripped
   * @throws Unavailable if the cap is reached, or every attempt failed, or the reply is malformed
   */
  public String complete(String system, String user) throws Unavailable {
    String key = ContentHash.of(options.model(), system + "\u0000" + user);
    synchronized (cache) {
      String hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    String body = requestBody(system, user);
    long reserve = body.getBytes(StandardCharsets.UTF_8).length + (long) options.maxReplyTokens();
    reserve(reserve);
    boolean settled = false;
    try {
      takeCall();
      Completion c = send(body);
      String text = c.text();
      long tokens = c.tokens() >= 0 ? c.tokens() : (body.length() + text.length()) / 4;
      committed.addAndGet(tokens - reserve);
      spent.addAndGet(tokens);
      settled = true;
      synchronized (cache) {
        if (options.cacheSize() > 0) {
          cache.put(key, text);
        }
      }
      return text;
    } finally {
      if (!settled) {
        committed.addAndGet(-reserve);
      }
    }
  }

  /** Reserves tokens within the cap, or refuses the request. */
  private void reserve(long tokens) throws Unavailable {
    long cap = options.maxTokens();
    while (true) {
      long now = committed.get();
      if (now + tokens > cap) {
        throw new Unavailable(
            "the token cap of "
                + cap
                + " is reached ("
                + spent.get()
                + " spent, "
                + (now - spent.get())
                + " reserved by requests in flight, and this request may take up to "
                + tokens
                + ")");
      }
      if (committed.compareAndSet(now, now + tokens)) {
        return;
      }
    }
  }

  /** A reply's text and its reported total tokens, or -1 when it reports none. */
  private record Completion(String text, long tokens) {}

  /** Sends the body with retries. */
  private Completion send(String body) throws Unavailable {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(endpoint())
            .timeout(options.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!options.apiKey().isEmpty()) {
      rb.header("Authorization", "Bearer " + options.apiKey());
    }
    HttpRequest request = rb.build();
    String last = "no attempt";
    long wait = options.backoff().toMillis();
    for (int attempt = 0; attempt <= options.retries(); attempt++) {
      if (attempt > 0 && wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Unavailable("interrupted while waiting to retry");
        }
        wait *= 2;
      }
      requests.incrementAndGet();
      HttpResponse<String> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        last = "no reply within " + options.timeout().toMillis() + " ms";
        continue;
      } catch (IOException e) {
        last = "connection failed: " + e.getMessage();
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unavailable("interrupted");
      }
      int status = r.statusCode();
      if (status == 429 || status >= 500) {
        last = "HTTP " + status;
        continue;
      }
      if (status != 200) {
        throw new Unavailable("HTTP " + status + " (not retried)");
      }
      return parse(r.body());
    }
    throw new Unavailable(
        "all " + (options.retries() + 1) + " attempts failed, the last with " + last);
  }

  /** Counts one call against the per-minute limit, or refuses it. */
  private void takeCall() throws Unavailable {
    int limit = options.callsPerMinute();
    if (limit == 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    synchronized (sentAt) {
      while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= MINUTE_NANOS) {
        sentAt.pollFirst();
      }
      if (sentAt.size() >= limit) {
        throw new Unavailable("the cap of " + limit + " calls per minute is reached");
      }
      sentAt.addLast(now);
    }
  }

  private URI endpoint() {
    String base = options.baseUrl().toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }

  private String requestBody(String system, String user) {
    ObjectNode n = JSON.createObjectNode();
    n.put("model", options.model());
    ArrayNode m = n.putArray("messages");
    m.addObject().put("role", "system").put("content", system);
    m.addObject().put("role", "user").put("content", user);
    n.put("temperature", 0);
    n.put("max_tokens", options.maxReplyTokens());
    return n.toString();
  }

  private Completion parse(String body) throws Unavailable {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      throw new Unavailable("the reply is not JSON");
    }
    JsonNode content = n == null ? null : n.path("choices").path(0).path("message").get("content");
    if (content == null || !content.isTextual() || content.asText().isBlank()) {
      throw new Unavailable("the reply has no choices[0].message.content text");
    }
    String text = content.asText().strip();
    JsonNode total = n.path("usage").get("total_tokens");
    return new Completion(
        text,
        total != null && total.canConvertToLong() && total.asLong() >= 0 ? total.asLong() : -1);
  }
}
