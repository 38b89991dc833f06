package dev.seer.api;

/** Receives progress of long work (training, reading, evaluating). Implementations are cheap. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (task, done, total) -> {};

  /**
   * Reports progress.
   *
   * @param task short name of the current step, for example {@code "item-knn: similarities"}
   * @param done units of work done so far
   * @param total total units, or {@code -1} when unknown
   */
  void update(String task, long done, long total);
}
