package dev.seer.server;

import dev.seer.api.InputException;
import dev.seer.text.explain.LlmOptions;

/**
 * How to run the server.
 *
 * @param host address to bind, for example {@code 127.0.0.1}
 * @param port port (0 for any free port)
 * @param db JDBC URL of the store
 * @param rootKey the operator's key for creating applications (at least 16 characters)
 * @param limits request limits
 * @param seed seed for training jobs
 * @param llm the optional OpenAI-compatible chat endpoint for explanation sentences ({@code
 *     sentence=llm}) and re-ranking ({@code rerank=llm}), or {@code null} for none
 */
public record ServerConfig(
    String host, int port, String db, String rootKey, Limits limits, long seed, LlmOptions llm) {
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

  /**
   * A configuration with no LLM.
   *
   * @param host address to bind
   * @param port port (0 for any free port)
   * @param db JDBC URL of the store
   * @param rootKey the operator's key
   * @param limits request limits
   * @param seed seed for training jobs
   */
  public ServerConfig(String host, int port, String db, String rootKey, Limits limits, long seed) {
    this(host, port, db, rootKey, limits, seed, null);
  }
}
