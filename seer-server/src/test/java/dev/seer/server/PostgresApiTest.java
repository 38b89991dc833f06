package dev.seer.server;

import dev.seer.testkit.PostgresServer;

/** The API on a real PostgreSQL server started from the Debian packages. */
class PostgresApiTest extends ApiContract {
  private PostgresServer pg;

  @Override
  String dbUrl() throws Exception {
    pg = PostgresServer.start();
    return pg.url();
  }

  @Override
  void cleanUp() throws Exception {
    pg.close();
  }
}
