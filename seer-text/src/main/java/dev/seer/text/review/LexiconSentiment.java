package dev.seer.text.review;

import java.util.List;
import java.util.Set;

/**
 * The baseline: a hand-written lexicon of positive and negative words (written for this project,
 * with words common in product reviews). A text scores {@code +1} per positive and {@code -1} per
 * negative token, the sign flipped for negated tokens ({@link Tokens}); it is positive when the
 * score is 0 or more (most reviews are positive, so ties go that way).
 */
public final class LexiconSentiment {
  static final Set<String> POSITIVE =
      Set.of(
          "good",
          "great",
          "excellent",
          "amazing",
          "awesome",
          "love",
          "loved",
          "loves",
          "perfect",
          "perfectly",
          "nice",
          "best",
          "happy",
          "pleased",
          "recommend",
          "recommended",
          "solid",
          "sturdy",
          "fantastic",
          "wonderful",
          "superb",
          "easy",
          "works",
          "worked",
          "beautiful",
          "beautifully",
          "fine",
          "quality",
          "glad",
          "satisfied",
          "impressed",
          "favorite",
          "favourite",
          "reliable",
          "clean",
          "clear",
          "warm",
          "rich",
          "smooth",
          "comfortable",
          "bargain",
          "value",
          "well",
          "fun",
          "enjoy",
          "enjoyed",
          "exactly",
          "quiet",
          "bright",
          "durable",
          "handy",
          "cool",
          "terrific",
          "outstanding",
          "brilliant",
          "accurate",
          "better",
          "sweet",
          "fast",
          "strong",
          "decent",
          "stable");
  static final Set<String> NEGATIVE =
      Set.of(
          "bad",
          "poor",
          "poorly",
          "terrible",
          "awful",
          "horrible",
          "worst",
          "broke",
          "broken",
          "breaks",
          "cheap",
          "cheaply",
          "flimsy",
          "junk",
          "garbage",
          "useless",
          "waste",
          "disappointed",
          "disappointing",
          "disappointment",
          "return",
          "returned",
          "returning",
          "refund",
          "defective",
          "problem",
          "problems",
          "issue",
          "issues",
          "noise",
          "noisy",
          "hum",
          "buzz",
          "fail",
          "failed",
          "fails",
          "failure",
          "hate",
          "hated",
          "annoying",
          "difficult",
          "hard",
          "loose",
          "stopped",
          "dead",
          "wrong",
          "fake",
          "crap",
          "unusable",
          "weak",
          "worse",
          "mediocre",
          "lousy",
          "frustrating",
          "uncomfortable",
          "slipped",
          "slips",
          "unreliable",
          "avoid",
          "sadly",
          "unfortunately");

  private LexiconSentiment() {}

  /**
   * Returns the lexicon score of a text.
   *
   * @param text the review
   * @return positive minus negative tokens, negation flipped
   */
  public static int score(String text) {
    List<String> t = Tokens.of(text);
    int s = 0;
    for (String w : t) {
      boolean neg = w.startsWith("not_");
      String base = neg ? w.substring(4) : w;
      int v = POSITIVE.contains(base) ? 1 : NEGATIVE.contains(base) ? -1 : 0;
      s += neg ? -v : v;
    }
    return s;
  }

  /**
   * Classifies a text.
   *
   * @param text the review
   * @return true for positive
   */
  public static boolean isPositive(String text) {
    return score(text) >= 0;
  }
}
