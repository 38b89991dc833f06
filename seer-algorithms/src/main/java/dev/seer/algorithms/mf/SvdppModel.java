package dev.seer.algorithms.mf;

import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SVD++ model (Koren, "Factorization Meets the Neighborhood", KDD 2008): {@code r(u, i) = mu + b_u
 * + b_i + q_i . (p_u + |N(u)|^-1/2 sum_{j in N(u)} y_j)}, where {@code N(u)} is the set of items
 * the user rated in training. The user's effective vector {@code p_u + |N(u)|^-1/2 sum y_j} is
 * computed once when the model is built. {@link #predict} clamps to the training rating range;
 * {@link #score} is the same estimate without clamping. Users and items without training ratings
 * have zero bias and factors. Immutable and thread-safe.
 */
public final class SvdppModel
    implements Recommender, RatingPredictor, FoldIn, SimilarItems, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final int k;
  private final double mean;
  private final double minRating;
  private final double maxRating;
  private final double regBias;
  private final double regFactor;
  private final double[] userBias;
  private final double[] itemBias;
  private final double[] userFactors;
  private final double[] itemFactors;
  private final double[] implicitFactors;
  private final SparseMatrix implicit;
  private final double[] effective;
  private final double[] itemNorms;

  SvdppModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      int k,
      double[] stats,
      double[] regularisation,
      double[] userBias,
      double[] itemBias,
      double[] userFactors,
      double[] itemFactors,
      double[] implicitFactors,
      SparseMatrix implicit) {
    int nu = users.size();
    int ni = items.size();
    if (k < 1
        || stats.length != 3
        || regularisation.length != 2
        || userBias.length != nu
        || itemBias.length != ni
        || userFactors.length != (long) nu * k
        || itemFactors.length != (long) ni * k
        || implicitFactors.length != (long) ni * k
        || implicit.rows() != nu
        || implicit.cols() != ni) {
      throw new IllegalArgumentException("parameter shapes do not match the id indices");
    }
    for (int j : implicit.indices()) {
      if (j < 0 || j >= ni) {
        throw new IllegalArgumentException("implicit item index " + j + " is out of range");
      }
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
    this.implicitFactors = implicitFactors;
    this.implicit = implicit;
    this.effective = new double[userFactors.length];
    double[] z = new double[k];
    for (int u = 0; u < nu; u++) {
      implicitSum(implicit.indices(), implicit.rowStart(u), implicit.rowEnd(u), z);
      for (int f = 0; f < k; f++) {
        effective[u * k + f] = userFactors[u * k + f] + z[f];
      }
    }
    this.itemNorms = Latent.norms(itemFactors, ni, k);
  }

  /** Sets {@code z = |N|^-1/2 sum_{j in N} y_j} for {@code N = idx[from..to)}. */
  private void implicitSum(int[] idx, int from, int to, double[] z) {
    Arrays.fill(z, 0);
    if (to == from) {
      return;
    }
    for (int p = from; p < to; p++) {
      int o = idx[p] * k;
      for (int f = 0; f < k; f++) {
        z[f] += implicitFactors[o + f];
      }
    }
    double s = 1 / Math.sqrt(to - from);
    for (int f = 0; f < k; f++) {
      z[f] *= s;
    }
  }

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
   * Returns a copy of a user's explicit factors {@code p_u}.
   *
   * @param user user index
   * @return k values
   */
  public double[] userFactors(int user) {
    return Arrays.copyOfRange(userFactors, user * k, (user + 1) * k);
  }

  /**
   * Returns a copy of a user's effective vector {@code p_u + |N(u)|^-1/2 sum_{j in N(u)} y_j}.
   *
   * @param user user index
   * @return k values
   */
  public double[] effectiveUserFactors(int user) {
    return Arrays.copyOfRange(effective, user * k, (user + 1) * k);
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

  /**
   * Returns a copy of an item's implicit factors {@code y_j}.
   *
   * @param item item index
   * @return k values
   */
  public double[] implicitFactors(int item) {
    return Arrays.copyOfRange(implicitFactors, item * k, (item + 1) * k);
  }

  /**
   * Returns the users' implicit item sets {@code N(u)}: row {@code u} lists the items the user
   * rated in training (the values are the ratings and are not used).
   *
   * @return users x items (do not modify)
   */
  public SparseMatrix implicitSets() {
    return implicit;
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

  double[] implicitFactorMatrix() {
    return implicitFactors;
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
   * Returns the unclamped estimate {@code mu + b_u + b_i + q_i . (p_u + |N(u)|^-1/2 sum y_j)}.
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
        + Latent.dot(effective, user, itemFactors, item, k);
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
   * <p>The given items form {@code N(u)} (an item listed twice counts twice). With item parameters
   * fixed, the new user's bias and explicit factors are the regularised least-squares fit to their
   * ratings (see {@link #foldInUser}); scores are the unclamped estimates. With {@code values ==
   * null} only the implicit part is used: {@code mu + b_i + q_i . |N|^-1/2 sum y_j}.
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
   * Returns the bias and effective vector of a new user who rated the given items. With {@code z =
   * |N|^-1/2 sum_{j in N} y_j}, the bias {@code b} and explicit factors {@code p} minimise {@code
   * sum_j (r_j - mu - b_j - q_j . z - b - q_j . p)^2 + n (regBias b^2 + regFactor |p|^2)} over the
   * {@code n} ratings, the stationary point of the training update with item parameters fixed.
   *
   * @param items item indices, {@code N}
   * @param values the user's ratings of them, or {@code null} when unknown (then {@code b = 0} and
   *     {@code p = 0})
   * @return {@code [b, (p + z)_0, ..., (p + z)_(k-1)]}
   * @throws dev.seer.api.InputException if an index is outside the items or the lengths differ
   */
  public double[] foldInUser(int[] items, float[] values) {
    Latent.checkFoldIn(items, values, itemBias.length);
    double[] z = new double[k];
    implicitSum(items, 0, items.length, z);
    double[] out = new double[k + 1];
    if (values != null) {
      double[] t = new double[items.length];
      for (int p = 0; p < items.length; p++) {
        int j = items[p];
        double qz = 0;
        for (int f = 0; f < k; f++) {
          qz += itemFactors[j * k + f] * z[f];
        }
        t[p] = values[p] - mean - itemBias[j] - qz;
      }
      out = Latent.ridge(items, t, itemFactors, k, regBias, regFactor);
    }
    for (int f = 0; f < k; f++) {
      out[f + 1] += z[f];
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The cosine of the item factor vectors {@code q}; items without factors score 0 and the query
   * item negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    Latent.cosine(itemFactors, itemNorms, k, item, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code j} with their share {@code |N(u)|^-1/2 y_j
   * . q_item} of the implicit part of the estimate, largest first (ties to the lower index), zero
   * shares left out. All shares together sum to the implicit part; the rest of the estimate ({@code
   * mu + b_u + b_i + p_u . q_item}) is not attributed to items.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= userBias.length) {
      return List.of();
    }
    int from = implicit.rowStart(user);
    int to = implicit.rowEnd(user);
    if (to == from) {
      return List.of();
    }
    double s = 1 / Math.sqrt(to - from);
    int[] idx = implicit.indices();
    List<Reason> reasons = new ArrayList<>();
    for (int p = from; p < to; p++) {
      int j = idx[p];
      double c = s * Latent.dot(implicitFactors, j, itemFactors, item, k);
      if (c != 0) {
        reasons.add(Reason.ofItem(j, c));
      }
    }
    reasons.sort(
        (a, b) -> {
          int c = Double.compare(b.contribution(), a.contribution());
          return c != 0 ? c : Integer.compare(a.item(), b.item());
        });
    return List.copyOf(reasons.subList(0, Math.min(max, reasons.size())));
  }
}
