package dev.seer.text.review;

/**
 * A trained sentiment classifier: {@code P(positive | text) = sigmoid(w . x + b)} over {@link
 * HashedNgrams} features. Immutable and thread-safe.
 */
public final class SentimentModel {
  private final HashedNgrams features;
  private final float[] w;
  private final float b;

  SentimentModel(HashedNgrams features, float[] w, float b) {
    this.features = features;
    this.w = w;
    this.b = b;
  }

  /**
   * Returns the probability that a text is positive.
   *
   * @param text the review text
   * @return a probability in (0, 1)
   */
  public double positive(String text) {
    HashedNgrams.Features f = features.of(text);
    double z = b;
    for (int j : f.index()) {
      z += w[j] * f.value();
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Classifies a text.
   *
   * @param text the review text
   * @return true for positive
   */
  public boolean isPositive(String text) {
    return positive(text) >= 0.5;
  }
}
