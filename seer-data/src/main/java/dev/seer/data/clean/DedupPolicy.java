package dev.seer.data.clean;

/** Which row of a repeated (user, item) pair {@link Cleaning#dedup(DedupPolicy)} keeps. */
public enum DedupPolicy {
  /** Keep the earliest row: by timestamp when present (ties by row order), else by row order. */
  FIRST,
  /** Keep the latest row: by timestamp when present (ties by row order), else by row order. */
  LAST,
  /**
   * Keep one row whose rating is the mean of the pair's ratings and whose timestamp is the latest;
   * it takes the place of the pair's first row.
   */
  MEAN
}
