package dev.seer.text;

import dev.seer.api.ItemInfo;

/**
 * Builds the text that represents an item: its title, its categories (genres), and its free text
 * (tags for MovieLens, aggregated review text for Amazon, a description elsewhere), as {@code
 * "Title. Categories: a, b. text"}, cut to a number of characters at a word boundary. The sentence
 * model reads at most 256 word pieces, so longer text adds cost without changing much.
 */
public final class ItemText {
  private ItemText() {}

  /**
   * Returns an item's text.
   *
   * @param info the item (may be {@code null}: then the id is the text)
   * @param id the item id
   * @param maxChars the most characters kept, at least 1
   * @return the text
   */
  public static String of(ItemInfo info, String id, int maxChars) {
    StringBuilder b = new StringBuilder();
    if (info == null) {
      b.append(id);
    } else {
      if (!info.title().isBlank()) {
        b.append(info.title().strip()).append('.');
      }
      if (!info.categories().isEmpty()) {
        sep(b).append("Categories: ").append(String.join(", ", info.categories())).append('.');
      }
      String desc = info.attributes().getOrDefault("description", "");
      if (!desc.isBlank()) {
        sep(b).append(desc.strip());
      }
      if (!info.text().isBlank()) {
        sep(b).append(info.text().strip().replace('\n', ' '));
      }
      if (b.length() == 0) {
        b.append(id);
      }
    }
    return cut(b.toString(), maxChars);
  }

  /**
   * Cuts text to at most {@code maxChars} characters, at the last space before the limit when there
   * is one in the last fifth.
   *
   * @param s the text
   * @param maxChars the limit, at least 1
   * @return the text, possibly shorter
   */
  public static String cut(String s, int maxChars) {
    if (s.length() <= maxChars) {
      return s;
    }
    int end = maxChars;
    int space = s.lastIndexOf(' ', end);
    if (space > maxChars * 4 / 5) {
      end = space;
    } else if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static StringBuilder sep(StringBuilder b) {
    if (b.length() > 0) {
      b.append(' ');
    }
    return b;
  }
}
