package dev.seer.data.io;

import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns of a generic CSV, TSV or JSON-lines file hold what. Columns are named by header
 * name (or JSON field name), or by 0-based position when a CSV/TSV file has no header.
 *
 * @param format the file format
 * @param header whether the first CSV/TSV line is a header (ignored for JSON lines)
 * @param user the user id column (required)
 * @param item the item id column (required)
 * @param rating the rating column, or {@code null} for implicit data
 * @param timestamp the time column (Unix seconds or ISO-8601), or {@code null}
 * @param text a column of free text aggregated per item, or {@code null}
 * @param itemAttributes columns whose first non-empty value per item becomes an item attribute of
 *     the same name
 */
public record ColumnMapping(
    Format format,
    boolean header,
    String user,
    String item,
    String rating,
    String timestamp,
    String text,
    List<String> itemAttributes) {

  /** Generic file formats. */
  public enum Format {
    /** Comma-separated with RFC 4180 quoting. */
    CSV,
    /** Tab-separated, no quoting. */
    TSV,
    /** One JSON object per line. */
    JSONL
  }

  /** Validates the mapping. */
  public ColumnMapping {
    if (format == null) {
      throw new InputException("The column mapping has no format; use csv, tsv or jsonl.");
    }
    if (user == null || user.isBlank() || item == null || item.isBlank()) {
      throw new InputException(
          "The column mapping needs both user= and item= columns, for example"
              + " user=userId,item=movieId.");
    }
    rating = blankToNull(rating);
    timestamp = blankToNull(timestamp);
    text = blankToNull(text);
    itemAttributes = itemAttributes == null ? List.of() : List.copyOf(itemAttributes);
    if (!header && format != Format.JSONL) {
      List<String> all = new ArrayList<>(List.of(user, item));
      for (String c : new String[] {rating, timestamp, text}) {
        if (c != null) {
          all.add(c);
        }
      }
      all.addAll(itemAttributes);
      for (String c : all) {
        if (position(c) < 0) {
          throw new InputException(
              "The column '"
                  + c
                  + "' is not a 0-based position, and the file has no header; use numbers"
                  + " (user=0,item=1) or declare a header.");
        }
      }
    }
  }

  /**
   * Parses a mapping such as {@code user=userId,item=movieId,rating=rating,timestamp=timestamp,
   * text=review,attr=genre} ({@code attr} may repeat).
   *
   * @param format the file format
   * @param header whether the file has a header row
   * @param spec comma-separated {@code key=column} pairs
   * @return the mapping
   * @throws InputException for an unknown key, a pair without {@code =}, or a missing user/item
   */
  public static ColumnMapping parse(Format format, boolean header, String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InputException(
          "The column mapping is empty; give for example user=userId,item=movieId,rating=rating.");
    }
    String user = null;
    String item = null;
    String rating = null;
    String timestamp = null;
    String text = null;
    List<String> attrs = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new InputException(
            "The column mapping part '"
                + p
                + "' is not key=column; write for example item=movieId.");
      }
      String key = p.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      String col = p.substring(eq + 1).strip();
      switch (key) {
        case "user":
          user = col;
          break;
        case "item":
          item = col;
          break;
        case "rating":
          rating = col;
          break;
        case "timestamp":
        case "time":
          timestamp = col;
          break;
        case "text":
          text = col;
          break;
        case "attr":
        case "attribute":
          attrs.add(col);
          break;
        default:
          throw new InputException(
              "Unknown column mapping key '"
                  + key
                  + "'; use user, item, rating, timestamp, text or attr.");
      }
    }
    return new ColumnMapping(format, header, user, item, rating, timestamp, text, attrs);
  }

  /** Returns the 0-based position a column name spells, or -1 if it is not a number. */
  static int position(String column) {
    if (column.isEmpty() || column.length() > 6) {
      return -1;
    }
    for (int k = 0; k < column.length(); k++) {
      if (column.charAt(k) < '0' || column.charAt(k) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(column);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Returns all mapped column names in slot order: user, item, rating, time, text, attributes. */
  List<String> slots() {
    List<String> s = new ArrayList<>();
    s.add(user);
    s.add(item);
    s.add(rating);
    s.add(timestamp);
    s.add(text);
    s.addAll(itemAttributes);
    return s;
  }
}
