package dev.seer.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The API on an embedded SQLite file (the default store). */
class SqliteApiTest extends ApiContract {
  private Path dir;

  @Override
  String dbUrl() throws Exception {
    dir = Files.createTempDirectory("seer-api");
    return "jdbc:sqlite:" + dir.resolve("seer.db");
  }

  @Override
  void cleanUp() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
