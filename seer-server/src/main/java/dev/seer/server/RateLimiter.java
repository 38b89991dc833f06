package dev.seer.server;

import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API key: {@code rate} tokens per second, holding at most {@code 2·rate}. */
final class RateLimiter {
  private final double rate;
  private final double capacity;
  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

  RateLimiter(double rate) {
    this.rate = rate;
    this.capacity = 2 * rate;
  }

  /** Takes one token; false when the key is over its rate. */
  boolean tryAcquire(String key, long nowNanos) {
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, nowNanos});
    synchronized (b) {
      double elapsed = (nowNanos - b[1]) / 1e9;
      b[0] = Math.min(capacity, b[0] + elapsed * rate);
      b[1] = nowNanos;
      if (b[0] >= 1) {
        b[0] -= 1;
        return true;
      }
      return false;
    }
  }
}
