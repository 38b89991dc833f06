package dev.seer.algorithms.knn;

/** How {@link ItemKnnTrainer} measures the similarity of two items from their users. */
public enum Similarity {
  /**
   * Cosine of the items' user vectors (ratings when {@code useRatings}, else 1): {@code dot(i, j) /
   * (|i| |j| + shrinkage)}.
   */
  COSINE,
  /**
   * Cosine of the items' rating vectors after subtracting each user's mean rating; needs explicit
   * ratings.
   */
  ADJUSTED_COSINE,
  /**
   * Shared users over all users of either item: {@code |Ui & Uj| / (|Ui| + |Uj| - |Ui & Uj| +
   * shrinkage)}; ratings are ignored.
   */
  JACCARD
}
