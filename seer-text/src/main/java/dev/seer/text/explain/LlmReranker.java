package dev.seer.text.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Optional re-ranking of the top candidates by a language model. The model is sent the candidates'
 * ids and titles, the request text when there is one, and the titles of the user's recent items
 * only when {@link LlmOptions#allowPersonalData()} is on; it replies with a JSON array of ids, best
 * first. The reply is read defensively: unknown ids and repeats are ignored, and candidates the
 * model left out follow in their original order. When the model is not configured, fails, is over a
 * cap, or names no candidate, the original order is kept and the reason is given.
 */
public final class LlmReranker {
  /** The system message. */
  static final String SYSTEM =
      "You re-rank recommendation candidates for a person. Reply with a JSON array of the"
          + " candidate ids only, best first, for example [\"b\",\"a\"]. Use only the ids given.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LlmClient client;

  /**
   * A candidate.
   *
   * @param id the item id
   * @param title the item title
   */
  public record Candidate(String id, String title) {}

  /**
   * The outcome.
   *
   * @param order indices into the candidate list, best first (a permutation)
   * @param source {@code llm} or {@code original}
   * @param fallbackReason why the original order was kept, or empty
   * @param ignored how many ids of the reply were unknown or repeated
   */
  public record Result(int[] order, String source, String fallbackReason, int ignored) {}

  /**
   * Creates a re-ranker.
   *
   * @param client the client, or {@code null} to always keep the original order
   */
  public LlmReranker(LlmClient client) {
    this.client = client;
  }

  /**
   * Re-ranks candidates.
   *
   * @param candidates the candidates in their original order
   * @param request the user's request text, or empty
   * @param recentTitles titles of the user's recent items (personal data; sent only when allowed)
   * @return the order and where it came from
   */
  public Result rerank(List<Candidate> candidates, String request, List<String> recentTitles) {
    if (client == null) {
      return original(candidates.size(), "no LLM configured");
    }
    if (candidates.size() < 2) {
      return original(candidates.size(), "fewer than two candidates");
    }
    List<String> recent = client.options().allowPersonalData() ? recentTitles : List.of();
    String reply;
    try {
      reply = client.complete(SYSTEM, prompt(candidates, request, recent));
    } catch (LlmClient.Unavailable e) {
      return original(candidates.size(), e.getMessage());
    }
    return parse(reply, candidates);
  }

  /**
   * Reads a reply: the first JSON array in it, of ids.
   *
   * @param reply the model's text
   * @param candidates the candidates
   * @return the order
   */
  static Result parse(String reply, List<Candidate> candidates) {
    int n = candidates.size();
    int from = reply.indexOf('[');
    int to = reply.lastIndexOf(']');
    if (from < 0 || to < from) {
      return original(n, "the reply has no JSON array of ids");
    }
    JsonNode arr;
    try {
      arr = JSON.readTree(reply.substring(from, to + 1));
    } catch (IOException e) {
      return original(n, "the reply's array is not valid JSON");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < n; k++) {
      index.putIfAbsent(candidates.get(k).id(), k);
    }
    Set<Integer> picked = new LinkedHashSet<>();
    int ignored = 0;
    for (JsonNode x : arr) {
      String id = x.isTextual() || x.isNumber() ? x.asText() : x.path("id").asText(null);
      Integer k = id == null ? null : index.get(id);
      if (k == null || !picked.add(k)) {
        ignored++;
      }
    }
    if (picked.isEmpty()) {
      return original(n, "the reply names none of the candidates");
    }
    List<Integer> order = new ArrayList<>(picked);
    for (int k = 0; k < n; k++) {
      if (!picked.contains(k)) {
        order.add(k);
      }
    }
    return new Result(order.stream().mapToInt(Integer::intValue).toArray(), "llm", "", ignored);
  }

  private static Result original(int n, String why) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    return new Result(order, "original", why, 0);
  }

  /**
   * Returns the user message.
   *
   * @param candidates the candidates
   * @param request the request text, or empty
   * @param recent recent item titles to send (already filtered for personal data)
   * @return the JSON text
   */
  static String prompt(List<Candidate> candidates, String request, List<String> recent) {
    ObjectNode n = JSON.createObjectNode();
    if (request != null && !request.isBlank()) {
      n.put("request", request.strip());
    }
    if (!recent.isEmpty()) {
      recent.forEach(n.putArray("recentlyLiked")::add);
    }
    ArrayNode c = n.putArray("candidates");
    for (Candidate x : candidates) {
      c.addObject().put("id", x.id()).put("title", x.title());
    }
    return n.toString();
  }
}
