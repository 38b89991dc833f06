package dev.seer.eval;

import dev.seer.api.InputException;
import java.util.Arrays;

/**
 * How to evaluate.
 *
 * @param cutoffs the cutoffs K, positive; sorted and de-duplicated on construction
 * @param relevanceThreshold only test rows rated at least this count as relevant; {@code null}
 *     makes every test row relevant
 * @param sampled 0 for full ranking (every item except the user's known items is a candidate); N
 *     &gt; 0 ranks each user's relevant items against N sampled non-relevant items, and every
 *     output says "sampled"
 * @param seed seed for sampled negatives
 * @param threads how many threads score users (at least 1); results do not depend on it
 */
public record EvalOptions(
    int[] cutoffs, Float relevanceThreshold, int sampled, long seed, int threads) {
  /** Validates the options and copies the cutoffs. */
  public EvalOptions {
    if (cutoffs == null || cutoffs.length == 0) {
      throw new InputException("Give at least one cutoff K, for example --cutoffs 10,20.");
    }
    for (int k : cutoffs) {
      if (k < 1 || k > 10_000) {
        throw new InputException("Cutoff K=" + k + " is out of range; use 1 to 10000.");
      }
    }
    cutoffs = Arrays.stream(cutoffs).sorted().distinct().toArray();
    if (relevanceThreshold != null && relevanceThreshold.isNaN()) {
      throw new InputException("The relevance threshold is NaN; give a number such as 4.");
    }
    if (sampled < 0) {
      throw new InputException(
          "The number of sampled negatives is " + sampled + "; use 0 (full ranking) or more.");
    }
    if (threads < 1) {
      throw new InputException("threads must be at least 1, got " + threads + ".");
    }
  }

  /**
   * Full ranking at K = 5, 10, 20 with every test row relevant, seed 42, all processors.
   *
   * @return the defaults
   */
  public static EvalOptions defaults() {
    return new EvalOptions(
        new int[] {5, 10, 20}, null, 0, 42, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  /**
   * Returns the largest cutoff (the length of the stored top-N lists).
   *
   * @return max K
   */
  public int maxCutoff() {
    return cutoffs[cutoffs.length - 1];
  }

  /**
   * Tells whether this is sampled evaluation.
   *
   * @return true when negatives are sampled
   */
  public boolean isSampled() {
    return sampled > 0;
  }

  /**
   * Describes the protocol for every output.
   *
   * @return for example {@code "full ranking (all items minus the user's known items)"}
   */
  public String protocol() {
    String rel =
        relevanceThreshold == null ? "" : "; relevant: test rating >= " + relevanceThreshold;
    if (isSampled()) {
      return "sampled: the user's relevant items ranked among "
          + sampled
          + " sampled negatives per user (seed "
          + seed
          + "); NOT full ranking"
          + rel;
    }
    return "full ranking (all items minus the user's known training, validation and fold-in"
        + " items)"
        + rel;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvalOptions e
        && Arrays.equals(cutoffs, e.cutoffs)
        && java.util.Objects.equals(relevanceThreshold, e.relevanceThreshold)
        && sampled == e.sampled
        && seed == e.seed
        && threads == e.threads;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        Arrays.hashCode(cutoffs), relevanceThreshold, sampled, seed, threads);
  }

  @Override
  public String toString() {
    return "EvalOptions[cutoffs="
        + Arrays.toString(cutoffs)
        + ", relevanceThreshold="
        + relevanceThreshold
        + ", sampled="
        + sampled
        + ", seed="
        + seed
        + ", threads="
        + threads
        + "]";
  }
}
