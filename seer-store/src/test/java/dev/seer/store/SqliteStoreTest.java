package dev.seer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file, plus what is SQLite-specific. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open("jdbc:sqlite:" + dir.resolve("sub/seer.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  Store store() {
    return store;
  }

  @Test
  void dataSurvivesReopeningAndMigrationsRunOnce() throws Exception {
    store.createApp("shop", "shop");
    store.ingest("shop", List.of(new Event("e", "u", "i", EventType.CLICK, Double.NaN, 1)));
    store.close();
    store = Store.open("jdbc:sqlite:" + dir.resolve("sub/seer.db"));
    assertEquals(1, store.eventCount("shop"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/seer.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM seer_schema_history")) {
      rs.next();
      assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/seer.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertEquals("wal", rs.getString(1));
    }
  }

  @Test
  void aDatabaseFromANewerSeerIsRefused() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sub/seer.db"));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO seer_schema_history VALUES (99, 'V99__future', 'x', 0)");
    }
    StoreException e =
        assertThrows(
            StoreException.class, () -> Store.open("jdbc:sqlite:" + dir.resolve("sub/seer.db")));
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    store = Store.open("jdbc:sqlite:" + dir.resolve("other.db"));
  }

  @Test
  void unsupportedUrlsAreRefused() {
    InputException e = assertThrows(InputException.class, () -> Store.open("jdbc:mysql://x/y"));
    assertTrue(e.getMessage().contains("jdbc:sqlite:"), e.getMessage());
  }
}
