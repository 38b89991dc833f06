package dev.seer.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-case word terms: runs of letters and digits, at least two characters long,
 * without common English stop words.
 */
public final class Terms {
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
          "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no",
          "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
          "then", "there", "these", "they", "this", "to", "too", "us", "was", "we", "were", "what",
          "when", "which", "who", "will", "with", "you", "your", "do", "does", "did", "can", "all",
          "just", "very", "been", "would", "could", "also", "some", "about", "more", "one", "get",
          "out", "up", "any", "only", "other", "s", "t");

  private Terms() {}

  /**
   * Returns the terms of a text in order, with repeats.
   *
   * @param text the text
   * @return the terms
   */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String s = text.toLowerCase(Locale.ROOT);
    int n = s.length();
    int k = 0;
    while (k < n) {
      while (k < n && !Character.isLetterOrDigit(s.charAt(k))) {
        k++;
      }
      int from = k;
      while (k < n && Character.isLetterOrDigit(s.charAt(k))) {
        k++;
      }
      if (k - from >= 2) {
        String w = s.substring(from, k);
        if (!STOP.contains(w)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /**
   * Returns the distinct terms of a text, in order of first appearance.
   *
   * @param text the text
   * @return the terms
   */
  public static Set<String> distinct(String text) {
    return new LinkedHashSet<>(of(text));
  }

  /**
   * Returns whether a word is a stop word.
   *
   * @param word a lower-case word
   * @return true for stop words
   */
  public static boolean isStopWord(String word) {
    return STOP.contains(word);
  }
}
