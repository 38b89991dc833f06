package dev.seer.algorithms.mf;

import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
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
public final class SvdppModel extends BiasedFactorModel implements Explainable {
  private final double[] implicitFactors;
  private final SparseMatrix implicit;
  private final double[] effective;

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
    super(
        card, users, items, k, stats, regularisation, userBias, itemBias, userFactors, itemFactors);
    int nu = users.size();
    int ni = items.size();
    if (implicitFactors.length != (long) ni * k || implicit.rows() != nu || implicit.cols() != ni) {
      throw new IllegalArgumentException("parameter shapes do not match the id indices");
    }
    for (int j : implicit.indices()) {
      if (j < 0 || j >= ni) {
        throw new IllegalArgumentException("implicit item index " + j + " is out of range");
      }
    }
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
  }

  @Override
  double[] scoringFactors() {
    return effective;
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
   * Returns a copy of a user's effective vector {@code p_u + |N(u)|^-1/2 sum_{j in N(u)} y_j}.
   *
   * @param user user index
   * @return k values
   */
  public double[] effectiveUserFactors(int user) {
    return Arrays.copyOfRange(effective, user * k, (user + 1) * k);
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

  double[] implicitFactorMatrix() {
    return implicitFactors;
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
    super.scoreItems(items, values, out);
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
  @Override
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
