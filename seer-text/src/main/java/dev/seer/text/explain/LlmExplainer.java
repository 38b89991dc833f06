package dev.seer.text.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Explanation sentences written by a language model from the structured evidence only, with the
 * {@link TemplateExplainer} sentence whenever the model is not configured, fails, is over its token
 * cap, or replies with something unusable (empty, or longer than 400 characters). The user's own
 * items are sent only when {@link LlmOptions#allowPersonalData()} is on; no user id is ever sent.
 */
public final class LlmExplainer {
  /** The system message. */
  static final String SYSTEM =
      "You explain a recommendation to the person it is for in one short, friendly sentence."
          + " Use only the facts in the JSON you are given; do not invent any. Reply with the"
          + " sentence only.";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requests in flight at once by default in {@link #explainAll}. */
  public static final int DEFAULT_CONCURRENCY = 4;

  private final LlmClient client;
  private final int concurrency;

  /**
   * An explanation.
   *
   * @param text the sentence
   * @param source {@code llm} or {@code template}
   * @param fallbackReason why the template was used, or empty
   */
  public record Explanation(String text, String source, String fallbackReason) {}

  /**
   * Creates an explainer.
   *
   * @param client the client, or {@code null} to always use the template
   */
  public LlmExplainer(LlmClient client) {
    this(client, DEFAULT_CONCURRENCY);
  }

  /**
   * Creates an explainer that writes the sentences of a list with up to {@code concurrency}
   * requests in flight at once.
   *
   * @param client the client, or {@code null} to always use the template
   * @param concurrency the most requests at once in {@link #explainAll}, 1 to 64
   */
  public LlmExplainer(LlmClient client, int concurrency) {
    if (concurrency < 1 || concurrency > 64) {
      throw new InputException(
          "The LLM concurrency must be 1 to 64 requests at once, got " + concurrency + ".");
    }
    this.client = client;
    this.concurrency = concurrency;
  }

  /**
   * Returns the most requests {@link #explainAll} has in flight at once.
   *
   * @return the concurrency
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Explains a list of recommendations, with up to {@link #concurrency()} requests in flight at
   * once (each sentence as {@link #explain}: the client's cache, token cap, retries and timeout
   * apply to every request). After the first sentence that falls back to its template, the
   * sentences not yet started use their templates at once (reason {@code "an earlier LLM call of
   * this list failed: ..."}), so a slow or failing endpoint costs about one timeout per list, not
   * one per item.
   *
   * @param evidence the evidence of each recommendation
   * @return one explanation per recommendation, in the same order
   */
  public List<Explanation> explainAll(List<Evidence> evidence) {
    int n = evidence.size();
    if (client == null) {
      List<Explanation> out = new ArrayList<>(n);
      for (Evidence e : evidence) {
        out.add(explain(e));
      }
      return out;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<String> failed = new AtomicReference<>();
    Explanation[] out = new Explanation[n];
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            String f = failed.get();
            if (f != null) {
              out[i] = fallback(evidence.get(i), "an earlier LLM call of this list failed: " + f);
              continue;
            }
            Explanation x = explain(evidence.get(i));
            if (!x.fallbackReason().isEmpty()) {
              failed.compareAndSet(null, x.fallbackReason());
            }
            out[i] = x;
          }
        };
    int threads = Math.min(concurrency, n);
    if (threads <= 1) {
      worker.run();
      return List.of(out);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, DAEMON);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads - 1; t++) {
        running.add(pool.submit(worker));
      }
      worker.run(); // the calling thread works too
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("an explanation worker failed", e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      for (int i = 0; i < n; i++) {
        if (out[i] == null) {
          out[i] = fallback(evidence.get(i), "interrupted");
        }
      }
    } finally {
      pool.shutdown();
    }
    return List.of(out);
  }

  private static final ThreadFactory DAEMON =
      r -> {
        Thread t = new Thread(r, "seer-llm-explainer");
        t.setDaemon(true);
        return t;
      };

  /**
   * Explains a recommendation.
   *
   * @param evidence the evidence
   * @return the sentence and where it came from
   */
  public Explanation explain(Evidence evidence) {
    if (client == null) {
      return new Explanation(TemplateExplainer.explain(evidence), "template", "no LLM configured");
    }
    Evidence sent =
        client.options().allowPersonalData() ? evidence : evidence.withoutPersonalData();
    try {
      String reply = client.complete(SYSTEM, prompt(sent));
      if (reply.length() > 400) {
        return fallback(evidence, "the reply is longer than 400 characters");
      }
      return new Explanation(reply, "llm", "");
    } catch (LlmClient.Unavailable e) {
      return fallback(evidence, e.getMessage());
    }
  }

  private static Explanation fallback(Evidence e, String why) {
    return new Explanation(TemplateExplainer.explain(e), "template", why);
  }

  /**
   * Returns the user message: the evidence as JSON.
   *
   * @param e the evidence to send
   * @return the JSON text
   */
  static String prompt(Evidence e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("recommendedItem", e.itemTitle());
    if (!e.likedTitles().isEmpty()) {
      e.likedTitles().forEach(n.putArray("becauseTheyLiked")::add);
    }
    if (!e.terms().isEmpty()) {
      e.terms().forEach(n.putArray("sharedTerms")::add);
    }
    if (!e.highlights().isEmpty()) {
      e.highlights().forEach(n.putArray("reviewHighlights")::add);
    }
    if (e.popular()) {
      n.put("popular", true);
    }
    return n.toString();
  }
}
