package dev.seer.text.explain;

import java.util.List;

/**
 * Writes an explanation sentence from {@link Evidence} with fixed templates: the user's items
 * ("Because you liked A, B and C"), the shared terms ("it shares space and comedy with them"), a
 * review highlight, or popularity; at most three titles and four terms.
 */
public final class TemplateExplainer {
  private TemplateExplainer() {}

  /**
   * Writes the sentence.
   *
   * @param e the evidence
   * @return one or two sentences
   */
  public static String explain(Evidence e) {
    StringBuilder b = new StringBuilder();
    List<String> liked = e.likedTitles().subList(0, Math.min(3, e.likedTitles().size()));
    List<String> terms = e.terms().subList(0, Math.min(4, e.terms().size()));
    if (!liked.isEmpty()) {
      b.append("Because you liked ").append(join(quote(liked)));
      if (!terms.isEmpty()) {
        b.append(", and it shares ").append(join(terms)).append(" with them");
      }
      b.append('.');
    } else if (!terms.isEmpty()) {
      b.append("It matches ").append(join(terms)).append('.');
    } else if (e.popular()) {
      b.append("It is popular with other users.");
    } else {
      b.append("Recommended for you.");
    }
    if (!e.highlights().isEmpty()) {
      b.append(" Reviewers say: \u201c").append(e.highlights().get(0)).append("\u201d");
    }
    return b.toString();
  }

  private static List<String> quote(List<String> titles) {
    return titles.stream().map(t -> "\u201c" + t + "\u201d").toList();
  }

  /**
   * Joins words as English: {@code a}, {@code a and b}, {@code a, b and c}.
   *
   * @param parts the words
   * @return the phrase
   */
  static String join(List<String> parts) {
    int n = parts.size();
    if (n == 0) {
      return "";
    }
    if (n == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, n - 1)) + " and " + parts.get(n - 1);
  }
}
