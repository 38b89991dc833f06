package dev.seer.text.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at {@code . ! ?} followed by a space or the end, and at line breaks.
 */
public final class Sentences {
  private Sentences() {}

  /**
   * Returns the sentences of a text, stripped, without empty ones.
   *
   * @param text the text
   * @return the sentences in order
   */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int from = 0;
    int n = text.length();
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      boolean end =
          c == '\n'
              || ((c == '.' || c == '!' || c == '?')
                  && (k + 1 == n || Character.isWhitespace(text.charAt(k + 1))));
      if (end) {
        add(out, text.substring(from, c == '\n' ? k : k + 1));
        from = k + 1;
      }
    }
    add(out, text.substring(Math.min(from, n)));
    return out;
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
