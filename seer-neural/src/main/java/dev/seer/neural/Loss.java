package dev.seer.neural;

/** Training objectives of the next-item models. */
public enum Loss {
  /** Binary cross-entropy: the next item against sampled negatives (SASRec's original loss). */
  BCE,
  /**
   * Generalised BCE (Petrov and Macdonald, RecSys 2023): the positive term raised to the power
   * {@code β = α(t(1 - 1/α) + 1/α)}, with {@code α} the negative sampling rate and {@code t} the
   * calibration; {@code t = 0} is plain BCE.
   */
  GBCE,
  /** Softmax cross-entropy over the next item and the sampled negatives. */
  SAMPLED_SOFTMAX
}
