package dev.seer.algorithms.knn;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link UserKnnTrainer}.
 *
 * @param neighbours how many most similar users to keep per user, 1 to 1,000,000; default 100
 * @param shrinkage {@code s} in {@code sim * n / (n + s)}, where {@code n} is the number of items
 *     the two users share, to damp similarities resting on few items; 0 or more; default 0
 * @param useRatings use ratings as vector values (in similarities and scores) instead of 1 per
 *     interaction; default false, which suits ranking
 * @param meanCentring subtract each user's mean rating from their ratings first (needs {@code
 *     useRatings} and explicit ratings); default false
 * @param threads threads for training, or 0 (the default) for {@link
 *     dev.seer.api.TrainingContext#threads()}; results do not depend on it
 */
public record UserKnnOptions(
    int neighbours, double shrinkage, boolean useRatings, boolean meanCentring, int threads) {
  /** Validates the options. */
  public UserKnnOptions {
    if (neighbours < 1 || neighbours > 1_000_000) {
      throw new InputException(
          "neighbours=" + neighbours + " is not valid; give a number from 1 to 1000000.");
    }
    if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
      throw new InputException(
          "shrinkage=" + shrinkage + " is not valid; give a finite number of 0 or more.");
    }
    if (meanCentring && !useRatings) {
      throw new InputException(
          "meanCentring=true needs useRatings=true (centring 1s gives 0s); set useRatings=true or"
              + " meanCentring=false.");
    }
    if (threads < 0) {
      throw new InputException(
          "threads=" + threads + " is not valid; give 0 (use the default) or more.");
    }
  }

  /**
   * Returns the defaults: 100 neighbours, no shrinkage, binary values, no centring, default
   * threads.
   *
   * @return the defaults
   */
  public static UserKnnOptions defaults() {
    return new UserKnnOptions(100, 0, false, false, 0);
  }

  /**
   * Returns a copy with another neighbour count.
   *
   * @param k neighbours per user
   * @return the new options
   */
  public UserKnnOptions withNeighbours(int k) {
    return new UserKnnOptions(k, shrinkage, useRatings, meanCentring, threads);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param s the shrinkage
   * @return the new options
   */
  public UserKnnOptions withShrinkage(double s) {
    return new UserKnnOptions(neighbours, s, useRatings, meanCentring, threads);
  }

  /**
   * Returns a copy that uses ratings, with or without mean centring.
   *
   * @param ratings whether to use ratings
   * @param centring whether to centre them on each user's mean
   * @return the new options
   */
  public UserKnnOptions withRatings(boolean ratings, boolean centring) {
    return new UserKnnOptions(neighbours, shrinkage, ratings, centring, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param t threads, 0 for the context's
   * @return the new options
   */
  public UserKnnOptions withThreads(int t) {
    return new UserKnnOptions(neighbours, shrinkage, useRatings, meanCentring, t);
  }

  /**
   * Parses options from text, for example {@code neighbours=30,shrinkage=10}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static UserKnnOptions parse(Map<String, String> options) {
    UserKnnOptions d = defaults();
    OptionReader r = new OptionReader(UserKnnTrainer.ALGORITHM, options);
    int k = r.intValue("neighbours", d.neighbours());
    double shrink = r.doubleValue("shrinkage", d.shrinkage());
    boolean ratings = r.booleanValue("useRatings", d.useRatings());
    boolean centring = r.booleanValue("meanCentring", d.meanCentring());
    int threads = r.intValue("threads", d.threads());
    r.finish();
    return new UserKnnOptions(k, shrink, ratings, centring, threads);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("neighbours", Integer.toString(neighbours));
    m.put("shrinkage", Double.toString(shrinkage));
    m.put("useRatings", Boolean.toString(useRatings));
    m.put("meanCentring", Boolean.toString(meanCentring));
    m.put("threads", Integer.toString(threads));
    return m;
  }
}
