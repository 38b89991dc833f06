package dev.seer.server;

import dev.seer.api.InputException;

/**
 * How to run the server.
 *
 * @param host address to bind, for example {@code 127.0.0.1}
 * @param port port (0 for any free port)
 * @param db JDBC URL of the store
 * @param rootKey the operator's key for creating applications (at least 16 characters)
 * @param limits request limits
 * @param seed seed for training jobs
 */
public record ServerConfig(
    String host, int port, String db, String rootKey, Limits limits, long seed) {
  /** Validates the configuration. */
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new InputException("--port " + port + " is out of range; use 0 to 65535.");
    }
    if (rootKey == null || rootKey.length() < 16) {
      throw new InputException(
          "The root key must have at least 16 characters; set SEER_ROOT_KEY or let Seer create"
              + " one.");
    }
  }
}
