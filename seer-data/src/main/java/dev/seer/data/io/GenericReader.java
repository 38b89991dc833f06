package dev.seer.data.io;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads generic CSV, TSV and JSON-lines files through a {@link ColumnMapping}. */
final class GenericReader {
  private static final List<String> USER_NAMES =
      List.of("user", "userid", "user_id", "reviewerid", "customerid", "customer_id", "visitorid");
  private static final List<String> ITEM_NAMES =
      List.of(
          "item", "itemid", "item_id", "movieid", "movie_id", "asin", "productid", "product_id");
  private static final List<String> RATING_NAMES =
      List.of("rating", "overall", "score", "stars", "value");
  private static final List<String> TIME_NAMES =
      List.of("timestamp", "time", "unixreviewtime", "ts", "date", "datetime");

  private GenericReader() {}

  static void read(Path file, ColumnMapping m, ReadContext ctx, ItemDrafts items) {
    List<String> slots = m.slots();
    if (m.format() == ColumnMapping.Format.JSONL) {
      JsonLines.read(
          file,
          slots,
          ctx,
          (f, json) -> {
            for (int k = 0; k < 2; k++) {
              if (!json.present(k)) {
                throw new LineError("the field '" + json.name(k) + "' is missing");
              }
            }
            int[] idx = new int[slots.size()];
            for (int k = 0; k < idx.length; k++) {
              idx[k] = slots.get(k) != null && json.present(k) ? k : -1;
            }
            row(f, idx, m, ctx, items);
          });
      return;
    }
    int[] idx = new int[slots.size()];
    int[] need = {0};
    for (int k = 0; k < idx.length; k++) {
      idx[k] = slots.get(k) == null ? -1 : m.header() ? -1 : ColumnMapping.position(slots.get(k));
      need[0] = Math.max(need[0], idx[k] + 1);
    }
    Delimited.read(
        file,
        m.format() == ColumnMapping.Format.CSV ? Delimited.Separator.CSV : Delimited.Separator.TAB,
        StandardCharsets.UTF_8,
        m.header(),
        ctx,
        new Delimited.RowHandler() {
          @Override
          public void header(Fields f) {
            for (int k = 0; k < idx.length; k++) {
              if (slots.get(k) != null) {
                idx[k] = Delimited.requireColumn(f, slots.get(k));
                need[0] = Math.max(need[0], idx[k] + 1);
              }
            }
          }

          @Override
          public void row(Fields f) {
            f.expectAtLeast(need[0], "the mapped columns");
            GenericReader.row(f, idx, m, ctx, items);
          }
        });
  }

  private static void row(Fields f, int[] idx, ColumnMapping m, ReadContext ctx, ItemDrafts items) {
    float rating = idx[2] >= 0 ? f.parseFloat(idx[2], "rating") : Float.NaN;
    long time =
        idx[3] >= 0 && !f.isEmpty(idx[3]) ? f.parseTime(idx[3], "timestamp") : Interactions.NO_TIME;
    String text = idx[4] >= 0 ? f.text(idx[4]) : null;
    int nAttr = idx.length - 5;
    String[] attrs = new String[nAttr];
    for (int a = 0; a < nAttr; a++) {
      attrs[a] = idx[5 + a] >= 0 ? f.text(idx[5 + a]).strip() : "";
    }
    ctx.addRow(f, idx[0], idx[1], rating, time);
    if (text != null || nAttr > 0) {
      String item = f.text(idx[1]);
      if (text != null) {
        items.appendText(item, text, "\n");
      }
      if (nAttr > 0) {
        ItemDrafts.Draft d = items.get(item);
        for (int a = 0; a < nAttr; a++) {
          if (!attrs[a].isEmpty()) {
            d.attributes.putIfAbsent(m.itemAttributes().get(a), attrs[a]);
          }
        }
      }
    }
  }

  /**
   * Guesses a mapping from the first record: well-known header names (userId, movieId, asin,
   * rating, timestamp, ...), or, when the first record looks like data, positions user, item,
   * rating, timestamp.
   */
  static ColumnMapping guess(Path file, ColumnMapping.Format format) {
    List<String> first = firstRecord(file, format);
    String user = find(first, USER_NAMES);
    String item = find(first, ITEM_NAMES);
    if (user != null && item != null) {
      return new ColumnMapping(
          format,
          true,
          user,
          item,
          find(first, RATING_NAMES),
          find(first, TIME_NAMES),
          null,
          List.of());
    }
    if (format != ColumnMapping.Format.JSONL
        && first.size() >= 2
        && (first.size() == 2 || isNumber(first.get(2)))) {
      return new ColumnMapping(
          format,
          false,
          "0",
          "1",
          first.size() >= 3 ? "2" : null,
          first.size() >= 4 ? "3" : null,
          null,
          List.of());
    }
    throw new InputException(
        "Cannot tell which columns of "
            + file
            + " hold users and items (first record: "
            + first
            + "); pass a column mapping such as --columns user=userId,item=movieId,rating=rating.");
  }

  private static String find(List<String> names, List<String> wanted) {
    for (String n : names) {
      if (wanted.contains(n.strip().toLowerCase(Locale.ROOT))) {
        return n.strip();
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<String> firstRecord(Path file, ColumnMapping.Format format) {
    List<String> out = new ArrayList<>();
    try (LineSource src = LineSource.open(file, null)) {
      while (src.next()) {
        if (src.isBlank()) {
          continue;
        }
        Fields f = new Fields(StandardCharsets.UTF_8);
        try {
          if (format == ColumnMapping.Format.JSONL) {
            return FormatSniffer.jsonKeys(src);
          } else if (format == ColumnMapping.Format.CSV) {
            new CsvRecords(src, (byte) ',').parse(f);
          } else {
            f.split(src.buf(), src.start(), src.end(), (byte) '\t');
          }
          for (int i = 0; i < f.count(); i++) {
            out.add(f.text(i));
          }
        } catch (LineError e) {
          throw new dev.seer.api.DataFormatException(file.toString(), src.lineNumber(), e.reason());
        }
        return out;
      }
    }
    return out;
  }
}
