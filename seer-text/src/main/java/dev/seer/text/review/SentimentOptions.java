package dev.seer.text.review;

import dev.seer.api.InputException;

/**
 * Options of the sentiment classifier.
 *
 * @param bits log2 of the number of hashed n-gram features, 8 to 24
 * @param epochs passes over the training reviews, 1 to 1000
 * @param learningRate the AdaGrad step size, above 0
 * @param l2 the L2 penalty per example, 0 or more
 * @param balanced weight the classes inversely to their frequency (for macro-F1 on skewed data)
 * @param seed the seed of the example order
 */
public record SentimentOptions(
    int bits, int epochs, double learningRate, double l2, boolean balanced, long seed) {
  /** Validates the options. */
  public SentimentOptions {
    if (bits < 8 || bits > 24) {
      throw new InputException("The sentiment option bits must be 8 to 24, got " + bits + ".");
    }
    if (epochs < 1 || epochs > 1000) {
      throw new InputException(
          "The sentiment option epochs must be 1 to 1000, got " + epochs + ".");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new InputException(
          "The sentiment option learningRate must be above 0, got " + learningRate + ".");
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new InputException("The sentiment option l2 must be 0 or more, got " + l2 + ".");
    }
  }

  /**
   * Returns the defaults: 2^18 features, 10 epochs, step 0.5, L2 1e-6, balanced classes.
   *
   * @param seed the seed
   * @return the defaults
   */
  public static SentimentOptions defaults(long seed) {
    return new SentimentOptions(18, 10, 0.5, 1e-6, true, seed);
  }
}
