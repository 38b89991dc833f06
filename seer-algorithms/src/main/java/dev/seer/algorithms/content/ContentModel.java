package dev.seer.algorithms.content;

import dev.seer.algorithms.Randoms;
import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A content-based model: {@code score(u, v) = theta_u . phi_v} (see {@link ContentTrainer}).
 * Immutable and thread-safe.
 *
 * <p>Fold-in fits {@code theta} for a new user from their items by the same optimisation as
 * training, so with the full softmax a training user's item list gives exactly their trained
 * scores; with the sampled softmax the negatives are drawn from a generator seeded by the model's
 * seed and the item list, so the same list always gets the same scores. Explanations are the
 * per-feature terms {@code theta_u,f * phi_v,f}, which add up to the score.
 */
public final class ContentModel implements Recommender, FoldIn, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final ContentOptions options;
  private final ItemFeatures features;
  private final float[] theta;
  private final float[] prior;
  private final int dim;
  private final PreferenceFit fit;

  ContentModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      ContentOptions options,
      ItemFeatures features,
      float[] theta,
      float[] prior) {
    int d = features.size();
    if (features.matrix().rows() != items.size()
        || theta.length != (long) users.size() * d
        || prior.length != d) {
      throw new IllegalArgumentException("shapes do not match the id indices and features");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.options = options;
    this.features = features;
    this.theta = theta;
    this.prior = prior;
    this.dim = d;
    this.fit = new PreferenceFit(features.matrix(), options);
  }

  /**
   * Returns the item features.
   *
   * @return the features
   */
  public ItemFeatures features() {
    return features;
  }

  /**
   * Returns the options the model was trained with.
   *
   * @return the options
   */
  public ContentOptions options() {
    return options;
  }

  /**
   * Returns one value of a user's preference vector.
   *
   * @param user user index
   * @param feature feature index
   * @return {@code theta_u,f}
   */
  public float preference(int user, int feature) {
    return theta[user * dim + feature];
  }

  float[] preferences() {
    return theta;
  }

  float[] prior() {
    return prior;
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
    if (user < 0 || user >= users.size()) {
      scoreVector(prior, 0, out);
    } else {
      scoreVector(theta, user * dim, out);
    }
  }

  private void scoreVector(float[] t, int off, float[] out) {
    SparseMatrix phi = features.matrix();
    int[] ptr = phi.indptr();
    int[] idx = phi.indices();
    float[] val = phi.values();
    for (int v = 0; v < out.length; v++) {
      double x = 0;
      for (int m = ptr[v]; m < ptr[v + 1]; m++) {
        x += t[off + idx[m]] * val[m];
      }
      out[v] = (float) x;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Values are ignored: every listed item counts once. An empty list gives the vector of users
   * without training rows (the mean of the trained vectors).
   */
  @Override
  public void scoreItems(int[] list, float[] values, float[] out) {
    if (values != null && values.length != list.length) {
      throw new InputException(
          "Fold-in got "
              + list.length
              + " items but "
              + values.length
              + " values; give one value per item.");
    }
    for (int j : list) {
      if (j < 0 || j >= items.size()) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + items.size()
                + " items; map item ids with the model's item index.");
      }
    }
    int[] pos = Arrays.stream(list).sorted().distinct().toArray();
    if (pos.length == 0) {
      scoreVector(prior, 0, out);
      return;
    }
    float[] t = new float[dim];
    fit.fit(
        pos, 0, pos.length, Randoms.mix(card.seed(), Arrays.hashCode(pos)), fit.scratch(), t, 0);
    scoreVector(t, 0, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One reason of kind {@code "feature"} per non-zero term {@code theta_u,f * phi_v,f}, named by
   * the feature, largest first (ties by name); all terms together add up to the score (they are the
   * very products the score sums, in float). A user without training rows is explained with the
   * vector {@link #score} uses for them (the mean of the trained vectors).
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || item < 0 || item >= items.size()) {
      return List.of();
    }
    boolean known = user >= 0 && user < users.size();
    float[] t = known ? theta : prior;
    int off = known ? user * dim : 0;
    SparseMatrix phi = features.matrix();
    List<Reason> reasons = new ArrayList<>();
    for (int m = phi.rowStart(item); m < phi.rowEnd(item); m++) {
      int f = phi.indices()[m];
      float c = t[off + f] * phi.values()[m];
      if (c != 0) {
        reasons.add(new Reason("feature", -1, features.names().get(f), c));
      }
    }
    reasons.sort(
        (a, b) -> {
          int c = Double.compare(b.contribution(), a.contribution());
          return c != 0 ? c : a.feature().compareTo(b.feature());
        });
    return List.copyOf(reasons.subList(0, Math.min(max, reasons.size())));
  }
}
