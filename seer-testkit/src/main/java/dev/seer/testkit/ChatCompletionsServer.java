package dev.seer.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An in-process HTTP server that speaks the OpenAI-compatible chat completions protocol ({@code
 * POST /v1/chat/completions}) for tests of the optional LLM features: what it answers to the n-th
 * request is given by the test, and a reply marked slow is held until {@link #close} so that the
 * client's timeout always fires first (no test depends on timing).
 */
public final class ChatCompletionsServer implements AutoCloseable {
  /**
   * What the server answers.
   *
   * @param status the HTTP status
   * @param body the body
   * @param slow whether to hold the reply until the server closes
   */
  public record Reply(int status, String body, boolean slow) {
    /**
     * A 200 reply with the given assistant text.
     *
     * @param text the content of {@code choices[0].message.content}
     * @param tokens the {@code usage.total_tokens}
     * @return the reply
     */
    public static Reply ok(String text, int tokens) {
      return new Reply(
          200,
          "{\"id\":\"t\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
              + "{\"role\":\"assistant\",\"content\":"
              + quote(text)
              + "},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":"
              + tokens
              + "}}",
          false);
    }

    /**
     * A reply held until the server closes.
     *
     * @return the slow reply
     */
    public static Reply slowly() {
      return new Reply(200, ok("too late", 1).body(), true);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);

  /**
   * Starts a server on a free loopback port.
   *
   * @param behaviour the reply to the n-th request (0-based) given its body
   */
  public ChatCompletionsServer(BiFunction<Integer, String, Reply> behaviour) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext(
        "/v1/chat/completions",
        (HttpExchange x) -> {
          int n = count.getAndIncrement();
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(body);
          Reply r = behaviour.apply(n, body);
          if (r.slow()) {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          try {
            x.sendResponseHeaders(r.status(), b.length);
            x.getResponseBody().write(b);
          } catch (IOException e) {
            // the client gave up (a slow reply after its timeout)
          }
          x.close();
        });
    server.start();
  }

  /**
   * Returns the API base to configure, {@code http://127.0.0.1:PORT/v1}.
   *
   * @return the base URL
   */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /**
   * Returns the request bodies received so far, in order.
   *
   * @return the bodies
   */
  public List<String> received() {
    return List.copyOf(received);
  }

  /**
   * Returns how many requests arrived.
   *
   * @return the count
   */
  public int requests() {
    return count.get();
  }

  /**
   * Quotes a string as a JSON string literal.
   *
   * @param s the text
   * @return the literal with quotes
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
