package dev.seer.spark;

import dev.seer.api.Interactions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Interactions as sets of {@code user|item|rating|time} lines, to compare Spark and Seer rows. */
final class RowSets {
  private RowSets() {}

  /** Rows with the columns {@code user, item, rating, ts}. */
  static Set<String> of(Dataset<Row> d) {
    return of(d.select("user", "item", "rating", "ts").collectAsList());
  }

  /** Rows whose first four fields are user, item, rating (float) and time (long). */
  static Set<String> of(List<Row> rows) {
    Set<String> s = new TreeSet<>();
    for (Row r : rows) {
      s.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getFloat(2) + "|" + r.getLong(3));
    }
    return s;
  }

  /** Seer interactions by external ids. */
  static Set<String> of(Interactions d) {
    Set<String> s = new TreeSet<>();
    for (int k = 0; k < d.size(); k++) {
      s.add(
          d.users().id(d.user(k))
              + "|"
              + d.items().id(d.item(k))
              + "|"
              + d.rating(k)
              + "|"
              + d.timestamp(k));
    }
    return s;
  }
}
