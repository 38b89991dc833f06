package dev.seer.server;

import dev.seer.api.InputException;

/**
 * Limits on what a request may ask for.
 *
 * @param maxBodyBytes largest request body
 * @param maxN largest {@code n} of a recommendation request
 * @param maxBatch most items or events in one batch
 * @param requestsPerSecond sustained requests per second per API key (bursts up to twice that)
 */
public record Limits(long maxBodyBytes, int maxN, int maxBatch, double requestsPerSecond) {
  /** Validates the limits. */
  public Limits {
    if (maxBodyBytes < 1024 || maxN < 1 || maxBatch < 1 || !(requestsPerSecond > 0)) {
      throw new InputException(
          "Server limits must be positive (body at least 1024 bytes); got " + this + ".");
    }
  }

  /**
   * The defaults: 8 MiB bodies, n ≤ 1000, 5000 per batch, 2000 requests/s per key.
   *
   * @return the defaults
   */
  public static Limits defaults() {
    return new Limits(8L << 20, 1000, 5000, 2000);
  }
}
