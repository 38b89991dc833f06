package dev.seer.algorithms.bpr;

/** How {@link BprTrainer} draws the negative item {@code j} of a training triple. */
public enum NegativeSampling {
  /** Every item the user has not interacted with is equally likely (as in the BPR paper). */
  UNIFORM,
  /**
   * Item {@code j} is drawn with probability proportional to {@code count(j)^popularityExponent},
   * where {@code count(j)} is its number of training users; items the user has are redrawn.
   */
  POPULARITY
}
