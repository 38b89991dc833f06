package dev.seer.algorithms.knn;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link ItemKnnTrainer}.
 *
 * @param neighbours how many most similar items to keep per item, 1 to 1,000,000; default 100
 * @param similarity the similarity measure; default {@link Similarity#COSINE}
 * @param shrinkage added to the similarity denominator to damp similarities from few shared users,
 *     0 or more; default 0
 * @param useRatings weigh by ratings (in cosine similarity and in scores) instead of 1 per
 *     interaction; default false, which suits ranking
 * @param threads threads for training, or 0 (the default) for {@link
 *     dev.seer.api.TrainingContext#threads()}; results do not depend on it
 */
public record ItemKnnOptions(
    int neighbours, Similarity similarity, double shrinkage, boolean useRatings, int threads) {
  /** Validates the options. */
  public ItemKnnOptions {
    if (neighbours < 1 || neighbours > 1_000_000) {
      throw new InputException(
          "neighbours=" + neighbours + " is not valid; give a number from 1 to 1000000.");
    }
    if (similarity == null) {
      throw new InputException(
          "similarity is missing; give one of cosine, adjusted-cosine, jaccard.");
    }
    if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
      throw new InputException(
          "shrinkage=" + shrinkage + " is not valid; give a finite number of 0 or more.");
    }
    if (threads < 0) {
      throw new InputException(
          "threads=" + threads + " is not valid; give 0 (use the default) or more.");
    }
  }

  /**
   * Returns the defaults: 100 neighbours, cosine, no shrinkage, no ratings, default threads.
   *
   * @return the defaults
   */
  public static ItemKnnOptions defaults() {
    return new ItemKnnOptions(100, Similarity.COSINE, 0, false, 0);
  }

  /**
   * Returns a copy with another neighbour count.
   *
   * @param k neighbours per item
   * @return the new options
   */
  public ItemKnnOptions withNeighbours(int k) {
    return new ItemKnnOptions(k, similarity, shrinkage, useRatings, threads);
  }

  /**
   * Returns a copy with another similarity.
   *
   * @param s the similarity
   * @return the new options
   */
  public ItemKnnOptions withSimilarity(Similarity s) {
    return new ItemKnnOptions(neighbours, s, shrinkage, useRatings, threads);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param s the shrinkage
   * @return the new options
   */
  public ItemKnnOptions withShrinkage(double s) {
    return new ItemKnnOptions(neighbours, similarity, s, useRatings, threads);
  }

  /**
   * Returns a copy with ratings used or not.
   *
   * @param use whether to use ratings
   * @return the new options
   */
  public ItemKnnOptions withUseRatings(boolean use) {
    return new ItemKnnOptions(neighbours, similarity, shrinkage, use, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param t threads, 0 for the context's
   * @return the new options
   */
  public ItemKnnOptions withThreads(int t) {
    return new ItemKnnOptions(neighbours, similarity, shrinkage, useRatings, t);
  }

  /**
   * Parses options from text, for example {@code neighbours=50,similarity=jaccard}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static ItemKnnOptions parse(Map<String, String> options) {
    ItemKnnOptions d = defaults();
    OptionReader r = new OptionReader(ItemKnnTrainer.ALGORITHM, options);
    int k = r.intValue("neighbours", d.neighbours());
    Similarity s = r.enumValue("similarity", Similarity.class, d.similarity());
    double shrink = r.doubleValue("shrinkage", d.shrinkage());
    boolean ratings = r.booleanValue("useRatings", d.useRatings());
    int threads = r.intValue("threads", d.threads());
    r.finish();
    return new ItemKnnOptions(k, s, shrink, ratings, threads);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("neighbours", Integer.toString(neighbours));
    m.put("similarity", OptionReader.display(similarity));
    m.put("shrinkage", Double.toString(shrinkage));
    m.put("useRatings", Boolean.toString(useRatings));
    m.put("threads", Integer.toString(threads));
    return m;
  }
}
