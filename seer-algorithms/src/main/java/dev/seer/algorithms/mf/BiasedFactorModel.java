package dev.seer.algorithms.mf;

import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import java.util.Arrays;

/**
 * What biased matrix factorisation and SVD++ share: {@code r(u, i) = mu + b_u + b_i + v_u . q_i}
 * with the user's scoring vector {@code v_u} ({@code p_u} for {@link BiasedMfModel}, {@code p_u}
 * plus the normalised sum of implicit factors for {@link SvdppModel}), the clamped prediction,
 * unclamped scores, fold-in scoring and item similarity by cosine of the item factors.
 */
public abstract sealed class BiasedFactorModel
    implements Recommender, RatingPredictor, FoldIn, SimilarItems
    permits BiasedMfModel, SvdppModel {
  final ModelCard card;
  final IdIndex users;
  final IdIndex items;
  final int k;
  final double mean;
  final double minRating;
  final double maxRating;
  final double regBias;
  final double regFactor;
  final double[] userBias;
  final double[] itemBias;
  final double[] userFactors;
  final double[] itemFactors;
  final double[] itemNorms;

  BiasedFactorModel(
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
    if (k < 1
        || stats.length != 3
        || regularisation.length != 2
        || userBias.length != users.size()
        || itemBias.length != items.size()
        || userFactors.length != (long) users.size() * k
        || itemFactors.length != (long) items.size() * k) {
      throw new IllegalArgumentException("parameter shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.k = k;
    this.mean = stats[0];
    this.minRating = stats[1];
    this.maxRating = stats[2];
    this.regBias = regularisation[0];
    this.regFactor = regularisation[1];
    this.userBias = userBias;
    this.itemBias = itemBias;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.itemNorms = Latent.norms(itemFactors, items.size(), k);
  }

  /**
   * Returns the user vectors that scores use, {@code users x k} values.
   *
   * @return the matrix, not copied
   */
  abstract double[] scoringFactors();

  /**
   * Returns the number of latent factors.
   *
   * @return k
   */
  public int factors() {
    return k;
  }

  /**
   * Returns the global mean training rating {@code mu}.
   *
   * @return the mean
   */
  public double mean() {
    return mean;
  }

  /**
   * Returns the lowest training rating, the lower clamp of {@link #predict}.
   *
   * @return the minimum
   */
  public double minRating() {
    return minRating;
  }

  /**
   * Returns the highest training rating, the upper clamp of {@link #predict}.
   *
   * @return the maximum
   */
  public double maxRating() {
    return maxRating;
  }

  /**
   * Returns a user's bias {@code b_u}.
   *
   * @param user user index
   * @return the bias
   */
  public double userBias(int user) {
    return userBias[user];
  }

  /**
   * Returns an item's bias {@code b_i}.
   *
   * @param item item index
   * @return the bias
   */
  public double itemBias(int item) {
    return itemBias[item];
  }

  /**
   * Returns a copy of a user's factors {@code p_u}.
   *
   * @param user user index
   * @return k values
   */
  public double[] userFactors(int user) {
    return Arrays.copyOfRange(userFactors, user * k, (user + 1) * k);
  }

  /**
   * Returns a copy of an item's factors {@code q_i}.
   *
   * @param item item index
   * @return k values
   */
  public double[] itemFactors(int item) {
    return Arrays.copyOfRange(itemFactors, item * k, (item + 1) * k);
  }

  double[] stats() {
    return new double[] {mean, minRating, maxRating};
  }

  double[] regularisation() {
    return new double[] {regBias, regFactor};
  }

  double[] userBiases() {
    return userBias;
  }

  double[] itemBiases() {
    return itemBias;
  }

  double[] userFactorMatrix() {
    return userFactors;
  }

  double[] itemFactorMatrix() {
    return itemFactors;
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

  /**
   * Returns the unclamped estimate {@code mu + b_u + b_i + v_u . q_i}, where {@code v_u} is the
   * user's scoring vector ({@link #scoringFactors}).
   *
   * @param user user index
   * @param item item index
   * @return the estimate
   */
  public double estimate(int user, int item) {
    if (user < 0 || user >= userBias.length) {
      return mean + itemBias[item];
    }
    return mean
        + userBias[user]
        + itemBias[item]
        + Latent.dot(scoringFactors(), user, itemFactors, item, k);
  }

  @Override
  public float predict(int user, int item) {
    return (float) Math.min(maxRating, Math.max(minRating, estimate(user, item)));
  }

  /** {@inheritDoc} The scores are the unclamped estimates. */
  @Override
  public void score(int user, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) estimate(user, i);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Scores with the new user's bias and factors from {@link #foldInUser}; the scores are the
   * unclamped estimates.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    if (out.length != itemBias.length) {
      throw new IllegalArgumentException(
          "out has length " + out.length + ", expected " + itemBias.length);
    }
    double[] bp = foldInUser(items, values);
    for (int i = 0; i < out.length; i++) {
      double d = 0;
      for (int f = 0; f < k; f++) {
        d += bp[f + 1] * itemFactors[i * k + f];
      }
      out[i] = (float) (mean + bp[0] + itemBias[i] + d);
    }
  }

  /**
   * Returns the bias and factors fitted for a new user from their ratings.
   *
   * @param items item indices
   * @param values the user's ratings of them, or {@code null} when unknown
   * @return {@code [b, p_0, ..., p_(k-1)]}
   * @throws dev.seer.api.InputException if an index is outside the items or the lengths differ
   */
  public abstract double[] foldInUser(int[] items, float[] values);

  /**
   * {@inheritDoc}
   *
   * <p>The cosine of the item factor vectors; items without factors score 0 and the query item
   * negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    Latent.cosine(itemFactors, itemNorms, k, item, out);
  }
}
