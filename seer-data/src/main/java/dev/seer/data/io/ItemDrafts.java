package dev.seer.data.io;

import dev.seer.api.ItemInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Item metadata gathered from several files before it becomes immutable {@link ItemInfo}s. */
final class ItemDrafts {
  /** Longest aggregated text kept per item (characters); longer text is cut and noted. */
  static final int MAX_TEXT = 20_000;

  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private int truncated;

  static final class Draft {
    String title = "";
    List<String> categories = List.of();
    final StringBuilder text = new StringBuilder();
    final Map<String, String> attributes = new LinkedHashMap<>();
    boolean full;
  }

  boolean contains(String id) {
    return drafts.containsKey(id);
  }

  int size() {
    return drafts.size();
  }

  Draft get(String id) {
    return drafts.computeIfAbsent(id, k -> new Draft());
  }

  /** Appends text to an item, separated by {@code sep}, up to {@link #MAX_TEXT} characters. */
  void appendText(String id, String piece, String sep) {
    if (piece == null || piece.isBlank()) {
      return;
    }
    Draft d = get(id);
    if (d.full) {
      return;
    }
    StringBuilder sb = d.text;
    if (sb.length() > 0) {
      sb.append(sep);
    }
    sb.append(piece.strip());
    if (sb.length() > MAX_TEXT) {
      int cut = MAX_TEXT;
      if (Character.isHighSurrogate(sb.charAt(cut - 1))) {
        cut--;
      }
      sb.setLength(cut);
      d.full = true;
      truncated++;
    }
  }

  /** Returns how many items had their text cut at {@link #MAX_TEXT} characters. */
  int truncated() {
    return truncated;
  }

  Map<String, ItemInfo> build() {
    Map<String, ItemInfo> out = new LinkedHashMap<>();
    for (Map.Entry<String, Draft> e : drafts.entrySet()) {
      Draft d = e.getValue();
      out.put(
          e.getKey(),
          new ItemInfo(e.getKey(), d.title, d.categories, d.text.toString(), d.attributes));
    }
    return out;
  }

  /** Splits {@code a|b|c} into its non-empty parts. */
  static List<String> splitBars(String s) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int k = 0; k <= s.length(); k++) {
      if (k == s.length() || s.charAt(k) == '|') {
        String part = s.substring(from, k).strip();
        if (!part.isEmpty()) {
          out.add(part);
        }
        from = k + 1;
      }
    }
    return out;
  }
}
