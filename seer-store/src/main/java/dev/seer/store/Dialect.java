package dev.seer.store;

import dev.seer.api.InputException;
import java.util.Map;

/** The two databases Seer stores into, with the few SQL differences between them. */
public enum Dialect {
  /** An embedded SQLite file (the default). */
  SQLITE(
      Map.of(
          "bigserial", "INTEGER PRIMARY KEY AUTOINCREMENT", "blob", "BLOB", "boolean", "INTEGER")),
  /** A PostgreSQL server. */
  POSTGRESQL(Map.of("bigserial", "BIGSERIAL PRIMARY KEY", "blob", "BYTEA", "boolean", "BOOLEAN"));

  private final Map<String, String> placeholders;

  Dialect(Map<String, String> placeholders) {
    this.placeholders = placeholders;
  }

  /**
   * Fills the {@code ${name}} placeholders of a migration script.
   *
   * @param sql the script
   * @return the script for this database
   */
  String render(String sql) {
    String out = sql;
    for (Map.Entry<String, String> e : placeholders.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  /**
   * Picks the dialect of a JDBC URL.
   *
   * @param url for example {@code jdbc:sqlite:seer.db} or {@code jdbc:postgresql://host/db}
   * @return the dialect
   * @throws InputException for other URLs
   */
  public static Dialect of(String url) {
    if (url != null && url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url != null && url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new InputException(
        "The database URL '"
            + url
            + "' is not supported; use jdbc:sqlite:FILE (the default) or"
            + " jdbc:postgresql://HOST:PORT/DB.");
  }
}
