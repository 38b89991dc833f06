package dev.seer.algorithms.mf;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;

/**
 * Biased matrix factorisation model: {@code r(u, i) = mu + b_u + b_i + p_u . q_i} (Koren, Bell and
 * Volinsky, IEEE Computer 2009). {@link #predict} clamps to the training rating range; {@link
 * #score} is the same estimate without clamping, so items predicted above the top of the scale
 * still order among themselves. Users and items without training ratings have zero bias and factors
 * (a new user gets {@code mu + b_i}). Immutable and thread-safe.
 */
public final class BiasedMfModel extends BiasedFactorModel {
  BiasedMfModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      int k,
      double[] stats,
      double[] regularisation,
      double[] userBias,
      double[] itemBias,
      double[] userFactors,
      double[] itemFactors) {
    super(
        card, users, items, k, stats, regularisation, userBias, itemBias, userFactors, itemFactors);
  }

  @Override
  double[] scoringFactors() {
    return userFactors;
  }

  /**
   * {@inheritDoc}
   *
   * <p>With item parameters fixed, solves for the new user's bias and factors by regularised least
   * squares on their ratings (the stationary point of the training update). With {@code values ==
   * null} nothing is known about the ratings and the scores are {@code mu + b_i}.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    super.scoreItems(items, values, out);
  }

  /**
   * Returns the bias and factors fitted for a new user: the minimiser of {@code sum_j (r_j - mu -
   * b_j - b - q_j . p)^2 + n (regBias b^2 + regFactor |p|^2)} over the {@code n} given ratings.
   *
   * @param items item indices
   * @param values the user's ratings of them, or {@code null} when unknown (then all zero)
   * @return {@code [b, p_0, ..., p_(k-1)]}
   * @throws dev.seer.api.InputException if an index is outside the items or the lengths differ
   */
  @Override
  public double[] foldInUser(int[] items, float[] values) {
    Latent.checkFoldIn(items, values, itemBias.length);
    if (values == null) {
      return new double[k + 1];
    }
    double[] t = new double[items.length];
    for (int p = 0; p < items.length; p++) {
      t[p] = values[p] - mean - itemBias[items[p]];
    }
    return Latent.ridge(items, t, itemFactors, k, regBias, regFactor);
  }
}
