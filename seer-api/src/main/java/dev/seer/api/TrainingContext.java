package dev.seer.api;

import java.util.Map;

/**
 * Everything a trainer gets besides the interactions and its own options.
 *
 * @param seed the random seed; the same seed and data give the same model
 * @param items item metadata by external id (for content features), possibly empty
 * @param progress receives progress
 * @param threads the most threads to use (at least 1)
 */
public record TrainingContext(
    long seed, Map<String, ItemInfo> items, ProgressListener progress, int threads) {
  /** Validates the fields. */
  public TrainingContext {
    if (threads < 1) {
      throw new InputException("threads must be at least 1, got " + threads + ".");
    }
    items = items == null ? Map.of() : items;
    progress = progress == null ? ProgressListener.NONE : progress;
  }

  /**
   * Creates a context with a seed, no metadata, no progress and all processors.
   *
   * @param seed the seed
   * @return the context
   */
  public static TrainingContext ofSeed(long seed) {
    return new TrainingContext(
        seed, Map.of(), ProgressListener.NONE, Runtime.getRuntime().availableProcessors());
  }
}
