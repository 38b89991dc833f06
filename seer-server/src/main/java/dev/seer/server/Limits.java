package dev.seer.server;

import dev.seer.api.InputException;

/**
 * Limits on what a request may ask for.
 *
 * @param maxBodyBytes largest request body
 * @param maxN largest {@code n} of a recommendation request
 * @param maxBatch most items or events in one batch
 * @param requestsPerSecond sustained requests per second per API key (bursts up to twice that)
 * @param maxModelBytes largest model file {@code POST /v1/apps/{app}/models/upload} takes (the only
 *     request allowed a body above {@code maxBodyBytes}; read from the raw request stream)
 */
public record Limits(
    long maxBodyBytes, int maxN, int maxBatch, double requestsPerSecond, long maxModelBytes) {
  /** The default largest model upload, 512 MiB (below SQLite's 10⁹-byte limit on one value). */
  public static final long DEFAULT_MAX_MODEL_BYTES = 512L << 20;

  /** Validates the limits. */
  public Limits {
    if (maxBodyBytes < 1024
        || maxN < 1
        || maxBatch < 1
        || !(requestsPerSecond > 0)
        || maxModelBytes < 1024) {
      throw new InputException(
          "Server limits must be positive (body and model at least 1024 bytes); got " + this + ".");
    }
  }

  /**
   * Limits with the default largest model upload.
   *
   * @param maxBodyBytes largest request body
   * @param maxN largest {@code n} of a recommendation request
   * @param maxBatch most items or events in one batch
   * @param requestsPerSecond sustained requests per second per API key
   */
  public Limits(long maxBodyBytes, int maxN, int maxBatch, double requestsPerSecond) {
    this(maxBodyBytes, maxN, maxBatch, requestsPerSecond, DEFAULT_MAX_MODEL_BYTES);
  }

  /**
   * Returns a copy with another largest model upload.
   *
   * @param bytes the largest model file
   * @return the new limits
   */
  public Limits withMaxModelBytes(long bytes) {
    return new Limits(maxBodyBytes, maxN, maxBatch, requestsPerSecond, bytes);
  }

  /**
   * The defaults: 8 MiB bodies, n ≤ 1000, 5000 per batch, 2000 requests/s per key, model uploads up
   * to 512 MiB.
   *
   * @return the defaults
   */
  public static Limits defaults() {
    return new Limits(8L << 20, 1000, 5000, 2000);
  }
}
