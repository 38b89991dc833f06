package dev.seer.text.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lower-case word tokens for sentiment, keeping stop words, with negation marking: after a negation
 * word ({@code not, no, never, n't} ...) the following words up to the next punctuation mark get
 * the prefix {@code not_} (B. Pang, L. Lee and S. Vaithyanathan, "Thumbs up? Sentiment
 * Classification using Machine Learning Techniques", EMNLP 2002).
 */
public final class Tokens {
  static final Set<String> NEGATIONS =
      Set.of(
          "not",
          "no",
          "never",
          "nothing",
          "nor",
          "none",
          "cannot",
          "without",
          "hardly",
          "dont",
          "doesnt",
          "didnt",
          "isnt",
          "wasnt",
          "wont",
          "cant",
          "couldnt",
          "wouldnt",
          "shouldnt",
          "arent",
          "aint");

  private Tokens() {}

  /**
   * Splits a text into tokens with negation marking.
   *
   * @param text the text
   * @return the tokens
   */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String s = text.toLowerCase(Locale.ROOT).replace("n't", "nt").replace("’", "'");
    boolean negated = false;
    StringBuilder w = new StringBuilder();
    for (int k = 0; k <= s.length(); k++) {
      char c = k < s.length() ? s.charAt(k) : '.';
      if (Character.isLetterOrDigit(c) || c == '\'') {
        if (c != '\'') {
          w.append(c);
        }
        continue;
      }
      if (w.length() > 0) {
        String word = w.toString();
        w.setLength(0);
        if (NEGATIONS.contains(word)) {
          out.add(word);
          negated = true;
        } else {
          out.add(negated ? "not_" + word : word);
        }
      }
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
        negated = false;
      }
    }
    return out;
  }
}
