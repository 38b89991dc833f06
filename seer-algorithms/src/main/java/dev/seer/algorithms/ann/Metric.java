package dev.seer.algorithms.ann;

/**
 * How an {@link HnswIndex} compares a query with an item. Every metric turns into a distance,
 * smaller is closer, and search results carry the score {@code -distance}, so that a higher score
 * is always better.
 */
public enum Metric {
  /**
   * Euclidean distance. The score of an item is minus the squared Euclidean distance {@code -||q -
   * x||^2}.
   */
  L2(0),
  /**
   * Cosine similarity. Items and queries are scaled to unit length (zero vectors stay zero), and
   * the score of an item is the cosine of the angle between it and the query.
   */
  COSINE(1),
  /**
   * Inner product, for maximum-inner-product search (MIPS), as needed to serve matrix-factorisation
   * models, whose score is the dot product of a user factor and an item factor: index the item
   * factors and search with the user factor. The score of an item is {@code q . x}.
   *
   * <p><b>The reduction.</b> The inner product is not a distance (an item need not be its own best
   * match), so the index uses the reduction of Bachrach et al. ("Speeding up the Xbox recommender
   * system using a Euclidean transformation for inner-product spaces", RecSys 2014): with {@code
   * phi} the largest item norm, every item {@code x} is stored as {@code x' = (x, sqrt(phi^2 -
   * ||x||^2))}, so that every stored item has norm {@code phi}, and a query {@code q} stands for
   * {@code q' = (q, 0)}. Then {@code ||q' - x'||^2 = ||q||^2 + phi^2 - 2 q . x}: for a given query
   * the nearest stored item in Euclidean distance is the item of largest inner product, and MIPS is
   * nearest-neighbour search in this reduced space. Since the squared distance differs from {@code
   * -2 q . x} by a constant per query, the index compares {@code q . x} directly (the extra
   * coordinate of {@code q'} is 0, so it costs nothing) and reports it as the score.
   *
   * <p><b>The graph.</b> Each item is inserted as a user query would search: its links are chosen
   * among the stored items nearest to its query form {@code (x, 0)}, that is, among the items of
   * largest inner product with it, and pruned with the paper's heuristic measured the same way.
   * This is the inner-product graph of ip-NSW (S. Morozov and A. Babenko, "Non-metric similarity
   * graphs for maximum inner product search", NeurIPS 2018), seen in the reduced space. Building
   * instead the plain nearest-neighbour graph of the stored items {@code x'} gave much lower recall
   * at the same search cost on matrix-factorisation-shaped factors (the {@code ablation} in {@code
   * docs/benchmarks/hnsw.json}), as Morozov and Babenko also report: most items have norms well
   * below {@code phi}, so their reduced vectors crowd together near {@code (0, ..., 0, phi)}, while
   * the items that top inner-product rankings are the long ones, spread around the rim. The stored
   * extra coordinate costs one float per item.
   */
  INNER_PRODUCT(2);

  private final int code;

  Metric(int code) {
    this.code = code;
  }

  /**
   * Returns the stable code written to index files.
   *
   * @return the code
   */
  int code() {
    return code;
  }

  /**
   * Returns the metric with a file code.
   *
   * @param code the code
   * @return the metric, or {@code null} if no metric has that code
   */
  static Metric ofCode(int code) {
    for (Metric m : values()) {
      if (m.code == code) {
        return m;
      }
    }
    return null;
  }
}
