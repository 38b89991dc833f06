package dev.seer.algorithms.baseline;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;

/**
 * Predicts {@code mean + userBias(u) + itemBias(i)} and ranks by that prediction (so, for one user,
 * by item bias). Users and items without training ratings have bias 0. Immutable and thread-safe.
 */
public final class BiasedBaselineModel implements Recommender, RatingPredictor {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;

  BiasedBaselineModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      double mean,
      double[] userBias,
      double[] itemBias) {
    if (userBias.length != users.size() || itemBias.length != items.size()) {
      throw new IllegalArgumentException("one bias per user and per item is needed");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.mean = mean;
    this.userBias = userBias;
    this.itemBias = itemBias;
  }

  /**
   * Returns the global mean rating.
   *
   * @return the mean
   */
  public double mean() {
    return mean;
  }

  /**
   * Returns a user's bias.
   *
   * @param user user index
   * @return the bias
   */
  public double userBias(int user) {
    return userBias[user];
  }

  /**
   * Returns an item's bias.
   *
   * @param item item index
   * @return the bias
   */
  public double itemBias(int item) {
    return itemBias[item];
  }

  double[] userBiases() {
    return userBias;
  }

  double[] itemBiases() {
    return itemBias;
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
    double base = mean + userBias[user];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (base + itemBias[i]);
    }
  }

  @Override
  public float predict(int user, int item) {
    return (float) (mean + userBias[user] + itemBias[item]);
  }
}
