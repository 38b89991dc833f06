package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Randoms;
import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An ensemble of trained models (see {@link EnsembleTrainer}). With {@link Method#WEIGHTED} the
 * score is {@code sum_c w_c z_c(u, i)}, where {@code z_c} is component {@code c}'s score
 * standardised per user ({@link ScoreNorm}); with {@link Method#RRF} it is reciprocal rank fusion
 * {@code sum_c w_c / (k + rank_c(u, i))} (G. V. Cormack, C. L. A. Clarke and S. Büttcher,
 * "Reciprocal Rank Fusion outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009),
 * where {@code rank_c} is the 1-based position of the item in component {@code c}'s ranking of the
 * items the user has not interacted with in training (ties to the lower item index; the training
 * items come after all others). Immutable and thread-safe when its components are. When every
 * component folds in, the model is a {@link FoldingEnsembleModel}.
 */
public sealed class EnsembleModel implements Recommender, Explainable permits FoldingEnsembleModel {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final List<Recommender> components;
  private final double[] weights;
  private final Method method;
  private final double k;
  private final SparseMatrix seen;

  EnsembleModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      List<Recommender> components,
      double[] weights,
      Method method,
      double k,
      SparseMatrix seen) {
    if (components.size() < 2 || weights.length != components.size()) {
      throw new IllegalArgumentException("an ensemble needs 2 or more components, one weight each");
    }
    for (Recommender r : components) {
      if (!r.users().equals(users) || !r.items().equals(items)) {
        throw new IllegalArgumentException(
            "a component does not score over the ensemble's users and items");
      }
    }
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("ensemble weights must be finite and not negative");
      }
    }
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be finite and above 0");
    }
    if (seen.rows() != users.size() || seen.cols() != items.size()) {
      throw new IllegalArgumentException("the training items do not match the indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.components = List.copyOf(components);
    this.weights = weights.clone();
    this.method = method;
    this.k = k;
    this.seen = seen;
  }

  static EnsembleModel of(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      List<Recommender> components,
      double[] weights,
      Method method,
      double k,
      SparseMatrix seen) {
    boolean fold = true;
    for (Recommender r : components) {
      fold &= r instanceof dev.seer.api.FoldIn;
    }
    return fold
        ? new FoldingEnsembleModel(card, users, items, components, weights, method, k, seen)
        : new EnsembleModel(card, users, items, components, weights, method, k, seen);
  }

  /**
   * Returns the components, in the order of the options.
   *
   * @return the components
   */
  public List<Recommender> components() {
    return components;
  }

  /**
   * Returns a copy of the weights, one per component.
   *
   * @return the weights
   */
  public double[] weights() {
    return weights.clone();
  }

  /**
   * Returns how the scores are combined.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * Returns the RRF constant.
   *
   * @return k
   */
  public double k() {
    return k;
  }

  SparseMatrix seen() {
    return seen;
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public void score(int user, float[] out) {
    float[][] parts = new float[components.size()][];
    for (int c = 0; c < parts.length; c++) {
      parts[c] = new float[out.length];
      components.get(c).score(user, parts[c]);
    }
    combine(parts, trainingItems(user), out);
  }

  final int[] trainingItems(int user) {
    return user >= 0 && user < seen.rows() ? seen.row(user) : new int[0];
  }

  /**
   * Combines the components' raw scores.
   *
   * @param parts one score vector per component (overwritten)
   * @param userItems the user's training items (RRF ranks them last)
   * @param out receives the ensemble scores
   */
  final void combine(float[][] parts, int[] userItems, float[] out) {
    Arrays.fill(out, 0f);
    double[] acc = new double[out.length];
    for (int c = 0; c < parts.length; c++) {
      if (weights[c] == 0) {
        continue;
      }
      if (method == Method.WEIGHTED) {
        ScoreNorm.standardise(parts[c]);
        for (int i = 0; i < acc.length; i++) {
          acc[i] += weights[c] * parts[c][i];
        }
      } else {
        int[] rank = ranks(parts[c], userItems);
        for (int i = 0; i < acc.length; i++) {
          acc[i] += weights[c] / (k + rank[i]);
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) acc[i];
    }
  }

  /**
   * Returns each item's 1-based rank by descending score, ties to the lower index, with {@code
   * last} items placed after all others and NaN scores treated as the lowest.
   *
   * @param s scores (overwritten at the {@code last} items)
   * @param last items to rank last
   * @return ranks
   */
  static int[] ranks(float[] s, int[] last) {
    for (int i : last) {
      s[i] = Float.NEGATIVE_INFINITY;
    }
    long[] key = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      float v = Float.isNaN(s[i]) ? Float.NEGATIVE_INFINITY : s[i];
      int bits = Float.floatToIntBits(v == 0f ? 0f : v);
      bits ^= (bits >> 31) & 0x7fffffff; // now ordered like the floats, as signed ints
      key[i] = ((long) ~bits << 32) | i;
    }
    for (int i : last) {
      key[i] = (Long.MAX_VALUE & ~0xffffffffL) | i;
    }
    Arrays.sort(key);
    int[] rank = new int[s.length];
    for (int p = 0; p < key.length; p++) {
      rank[(int) key[p]] = p + 1;
    }
    return rank;
  }

  /** Permutations of the sampled Shapley values of {@link #explain(int, int, int)}. */
  public static final int DEFAULT_PERMUTATIONS = 128;

  /** Feature of the RRF baseline reason. */
  private static final String RRF_BASELINE = "share at score 0 (rrf)";

  /**
   * {@inheritDoc}
   *
   * <p>As {@link #explain(int, int, int, int, long)} with {@link #DEFAULT_PERMUTATIONS}
   * permutations and a seed mixed from the model's seed, the user and the item, so the same model
   * always gives the same reasons.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    long seed = Randoms.mix(Randoms.mix(card.seed(), user), item);
    return explain(user, item, max, DEFAULT_PERMUTATIONS, seed);
  }

  /**
   * Per-feature contributions that add up to the score. Each component's evidence is its own
   * reasons plus one reason of kind {@code "part"} (feature {@code "component C: ALGORITHM"}) for
   * the rest of its score that they leave out.
   *
   * <p>With {@code weighted} the score is linear in the components' scores for a given user, so the
   * contributions are exact: each component's evidence times {@code w_c / sd_c}, and one reason of
   * kind {@code "baseline"} (feature {@code "user mean score (standardisation)"}) for {@code -sum_c
   * w_c mean_c / sd_c}, the same for all of the user's items.
   *
   * <p>With {@code rrf} the share {@code w_c / (k + rank_c)} is a step function of the component's
   * score, so each component's evidence gets its sampled Shapley value in the game whose coalition
   * {@code S} is worth the share the item would get if its score were the sum of the contributions
   * in {@code S} (the other items' scores unchanged). By efficiency these add up to the share minus
   * the share of a score of 0, which goes to one reason of kind {@code "baseline"} (feature {@code
   * "share at score 0 (rrf)"}). A training item of the user is ranked last whatever its score, so
   * its share is all baseline.
   *
   * <p>Reasons of the same item or feature are added up; largest first. With {@code max} at least
   * the number of reasons, they add up to the score (up to float rounding of the score).
   *
   * @param user user index
   * @param item item index
   * @param max the most reasons to return
   * @param permutations permutations sampled per component with {@code rrf}, at least 1
   * @param seed the seed of the permutations
   * @return reasons, largest first
   */
  public List<Reason> explain(int user, int item, int max, int permutations, long seed) {
    if (permutations < 1) {
      throw new InputException(
          "permutations=" + permutations + " is not valid; give a number of 1 or more.");
    }
    if (max <= 0 || item < 0 || item >= items.size()) {
      return List.of();
    }
    List<Reason> all = new ArrayList<>();
    int[] userItems = trainingItems(user);
    for (int c = 0; c < components.size(); c++) {
      if (weights[c] == 0) {
        continue;
      }
      Recommender part = components.get(c);
      String label = "component " + c + ": " + part.card().algorithm();
      float[] s = new float[items.size()];
      part.score(user, s);
      if (method == Method.WEIGHTED) {
        double[] st = ScoreNorm.stats(s);
        Contributions.standardised(part, label, user, item, s[item], st, weights[c], all);
      } else {
        rrf(c, part, label, user, item, s, userItems, permutations, Randoms.mix(seed, c), all);
      }
    }
    return HybridModel.merge(all, max);
  }

  private void rrf(
      int c,
      Recommender part,
      String label,
      int user,
      int item,
      float[] s,
      int[] userItems,
      int permutations,
      long seed,
      List<Reason> out) {
    double si = s[item];
    float[] copy = s.clone();
    double share = weights[c] / (k + ranks(copy, userItems)[item]);
    boolean[] last = new boolean[s.length];
    for (int i : userItems) {
      last[i] = true;
    }
    if (last[item]) {
      out.add(new Reason(Contributions.BASELINE, -1, RRF_BASELINE, share));
      return;
    }
    List<Reason> players = Contributions.ofPart(part, label, user, item, si, null);
    long[] others = new long[s.length];
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (i != item && !last[i]) {
        others[n++] = key(s[i], i);
      }
    }
    long[] sorted = Arrays.copyOf(others, n);
    Arrays.sort(sorted);
    double w = weights[c];
    DoubleUnaryOperator g =
        x -> {
          int pos = Arrays.binarySearch(sorted, key((float) x, item));
          int before = pos >= 0 ? pos : -pos - 1;
          return w / (k + before + 1);
        };
    double[] x = new double[players.size()];
    for (int p = 0; p < x.length; p++) {
      x[p] = players.get(p).contribution();
    }
    double[] phi = SumShapley.sampled(x, g, share, permutations, seed);
    for (int p = 0; p < x.length; p++) {
      Reason r = players.get(p);
      out.add(new Reason(r.kind(), r.item(), r.feature(), phi[p]));
    }
    out.add(
        new Reason(
            Contributions.BASELINE, -1, RRF_BASELINE, x.length == 0 ? share : g.applyAsDouble(0)));
  }

  /** The sort key of {@link #ranks}: ascending keys are descending scores, ties to lower index. */
  private static long key(float score, int index) {
    float v = Float.isNaN(score) ? Float.NEGATIVE_INFINITY : score;
    int bits = Float.floatToIntBits(v == 0f ? 0f : v);
    bits ^= (bits >> 31) & 0x7fffffff;
    return ((long) ~bits << 32) | index;
  }
}
