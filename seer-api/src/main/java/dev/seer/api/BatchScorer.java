package dev.seer.api;

/**
 * Ability to score every item for many users at once, faster than one user at a time (a neural
 * network's forward pass over a batch). {@code dev.seer.eval.Evaluator} uses it when a model has
 * it.
 */
public interface BatchScorer {
  /**
   * Scores every item for each user, as {@link Recommender#score} would (up to floating-point
   * rounding, which may differ with the batch size).
   *
   * @param users user indices
   * @param out one row per user, each as long as the model's item count
   */
  void scoreUsers(int[] users, float[][] out);

  /**
   * Returns how many users one call should score at most.
   *
   * @return a batch size, at least 1
   */
  default int scoreBatchSize() {
    return 256;
  }
}
