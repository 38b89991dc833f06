package dev.seer.algorithms.bpr;

import dev.seer.algorithms.AliasSampler;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws negative items for BPR triples, rejecting the user's own items. Immutable. */
final class NegativeSampler {
  /** Draws tried before a triple is given up (the user has almost every item). */
  static final int MAX_TRIES = 64;

  private final int numItems;
  private final AliasSampler alias;

  private NegativeSampler(int numItems, AliasSampler alias) {
    this.numItems = numItems;
    this.alias = alias;
  }

  /**
   * Creates the sampler the options ask for; popularity counts come from the training matrix.
   *
   * @param options the options
   * @param byUser users x items training matrix
   * @return the sampler
   */
  static NegativeSampler create(BprOptions options, SparseMatrix byUser) {
    int n = byUser.cols();
    if (options.negatives() == NegativeSampling.UNIFORM) {
      return new NegativeSampler(n, null);
    }
    double[] w = new double[n];
    for (int i : byUser.indices()) {
      w[i]++;
    }
    double e = options.popularityExponent();
    for (int i = 0; i < n; i++) {
      w[i] = w[i] == 0 ? (e == 0 ? 1 : 0) : Math.pow(w[i], e);
    }
    return new NegativeSampler(n, new AliasSampler(w));
  }

  /**
   * Draws an item not in {@code sorted[from..to-1]}.
   *
   * @param rnd the generator
   * @param sorted the user's items, ascending
   * @param from first position
   * @param to one past the last position
   * @return the item, or -1 if {@link #MAX_TRIES} draws all hit the user's items
   */
  int draw(SplittableRandom rnd, int[] sorted, int from, int to) {
    for (int t = 0; t < MAX_TRIES; t++) {
      int j = alias == null ? rnd.nextInt(numItems) : alias.next(rnd);
      if (Arrays.binarySearch(sorted, from, to, j) < 0) {
        return j;
      }
    }
    return -1;
  }
}
