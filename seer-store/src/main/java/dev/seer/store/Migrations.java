package dev.seer.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Versioned schema migrations, applied in order, each in its own transaction, and recorded in
 * {@code seer_schema_history} with a SHA-256 checksum of the script. A database whose recorded
 * script differs from the shipped one, or that is newer than this build, is refused with a clear
 * message rather than silently changed.
 */
public final class Migrations {
  /** The scripts, in order: version to resource name. */
  static final List<String> SCRIPTS = List.of("V1__init", "V2__text_embeddings");

  private Migrations() {}

  /**
   * Brings a database up to the current schema version.
   *
   * @param c a connection (auto-commit is restored afterwards)
   * @param dialect the database kind
   * @return the number of scripts applied now
   * @throws StoreException if a script fails or the history does not match
   */
  public static int migrate(Connection c, Dialect dialect) {
    try {
      boolean auto = c.getAutoCommit();
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS seer_schema_history (version INTEGER PRIMARY KEY,"
                + " name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      }
      Map<Integer, String> applied = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT version, checksum FROM seer_schema_history")) {
        while (rs.next()) {
          applied.put(rs.getInt(1), rs.getString(2));
        }
      }
      for (int v : applied.keySet()) {
        if (v > SCRIPTS.size()) {
          throw new StoreException(
              "The database has schema version "
                  + v
                  + " but this Seer knows only up to "
                  + SCRIPTS.size()
                  + "; upgrade Seer or point it at another database.",
              null);
        }
      }
      int count = 0;
      for (int i = 0; i < SCRIPTS.size(); i++) {
        int version = i + 1;
        String name = SCRIPTS.get(i);
        String sql = read(name);
        String sum = sha256(sql);
        if (applied.containsKey(version)) {
          if (!applied.get(version).equals(sum)) {
            throw new StoreException(
                "Migration "
                    + name
                    + " was applied with different contents (checksum mismatch); the database was"
                    + " changed by another Seer build.",
                null);
          }
          continue;
        }
        c.setAutoCommit(false);
        try {
          try (Statement s = c.createStatement()) {
            for (String stmt : dialect.render(sql).split(";")) {
              String body = stripComments(stmt);
              if (!body.isBlank()) {
                s.execute(body);
              }
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO seer_schema_history (version, name, checksum, applied_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            p.setInt(1, version);
            p.setString(2, name);
            p.setString(3, sum);
            p.setLong(4, System.currentTimeMillis());
            p.executeUpdate();
          }
          c.commit();
          count++;
        } catch (SQLException e) {
          c.rollback();
          throw new StoreException("Migration " + name + " failed: " + e.getMessage(), e);
        } finally {
          c.setAutoCommit(auto);
        }
      }
      return count;
    } catch (SQLException e) {
      throw new StoreException("Could not read the schema history: " + e.getMessage(), e);
    }
  }

  private static String stripComments(String stmt) {
    StringBuilder b = new StringBuilder();
    for (String line : stmt.split("\n")) {
      if (!line.strip().startsWith("--")) {
        b.append(line).append('\n');
      }
    }
    return b.toString().strip();
  }

  private static String read(String name) {
    String path = "migrations/" + name + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + path, e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
