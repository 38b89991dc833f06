package dev.seer.text.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

  private final LlmClient client;

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
    this.client = client;
  }

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
