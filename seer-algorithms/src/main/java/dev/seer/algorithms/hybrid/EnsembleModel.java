package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

  /**
   * {@inheritDoc}
   *
   * <p>The components' reasons, combined: with {@code weighted}, each component's contributions
   * times {@code w_c / sd_c} (its weight over the user's standard deviation of its scores), so
   * that, for components whose reasons add up to their scores, the reasons add up to the ensemble
   * score plus the user's centring constant {@code sum_c w_c mean_c / sd_c}; with {@code rrf}, each
   * component's share {@code w_c / (k + rank_c)} of the score is split over its positive reasons in
   * proportion to their contributions, so the reasons add up to the shares of the components that
   * explain. Reasons of the same item or feature are added up; largest first.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || item < 0 || item >= items.size()) {
      return List.of();
    }
    List<Reason> all = new ArrayList<>();
    int[] userItems = trainingItems(user);
    for (int c = 0; c < components.size(); c++) {
      if (weights[c] == 0 || !(components.get(c) instanceof Explainable ex)) {
        continue;
      }
      float[] s = new float[items.size()];
      components.get(c).score(user, s);
      List<Reason> rs = ex.explain(user, item, Integer.MAX_VALUE);
      if (method == Method.WEIGHTED) {
        HybridModel.scaled(rs, weights[c] / ScoreNorm.stats(s)[1], all);
      } else {
        double share = weights[c] / (k + ranks(s, userItems)[item]);
        double pos = 0;
        for (Reason r : rs) {
          pos += Math.max(0, r.contribution());
        }
        for (Reason r : rs) {
          if (r.contribution() > 0) {
            all.add(new Reason(r.kind(), r.item(), r.feature(), share * r.contribution() / pos));
          }
        }
      }
    }
    return HybridModel.merge(all, max);
  }
}
