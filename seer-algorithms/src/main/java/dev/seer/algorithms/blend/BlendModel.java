package dev.seer.algorithms.blend;

import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear blend of rating predictors: {@code r(u, i) = w_0 + sum_c w_c r_c(u, i)}, where {@code
 * r_c} is component {@code c}'s (clamped) predicted rating. {@link #predict} clamps the blend to
 * the training rating range; {@link #score} is the unclamped blend. Immutable and thread-safe when
 * its components are.
 */
public final class BlendModel implements Recommender, RatingPredictor, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final List<Recommender> components;
  private final RatingPredictor[] predictors;
  private final double[] weights;
  private final double minRating;
  private final double maxRating;

  BlendModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      List<Recommender> components,
      double[] weights,
      double minRating,
      double maxRating) {
    if (components.isEmpty() || weights.length != components.size() + 1) {
      throw new IllegalArgumentException("one weight per component plus an intercept is needed");
    }
    this.predictors = new RatingPredictor[components.size()];
    for (int c = 0; c < predictors.length; c++) {
      Recommender r = components.get(c);
      if (!(r instanceof RatingPredictor rp)
          || !r.users().equals(users)
          || !r.items().equals(items)) {
        throw new IllegalArgumentException(
            "component " + c + " does not predict ratings over the blend's users and items");
      }
      predictors[c] = rp;
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("blend weights must be finite");
      }
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.components = List.copyOf(components);
    this.weights = weights.clone();
    this.minRating = minRating;
    this.maxRating = maxRating;
  }

  /**
   * Returns the blended models, in the order of the options' components.
   *
   * @return the components
   */
  public List<Recommender> components() {
    return components;
  }

  /**
   * Returns a copy of the weights: the intercept {@code w_0}, then one weight per component.
   *
   * @return {@code m + 1} weights
   */
  public double[] weights() {
    return weights.clone();
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
   * Returns the unclamped blend {@code w_0 + sum_c w_c r_c(u, i)}.
   *
   * @param user user index
   * @param item item index
   * @return the estimate
   */
  public double estimate(int user, int item) {
    double s = weights[0];
    for (int c = 0; c < predictors.length; c++) {
      s += weights[c + 1] * predictors[c].predict(user, item);
    }
    return s;
  }

  @Override
  public float predict(int user, int item) {
    return (float) Math.min(maxRating, Math.max(minRating, estimate(user, item)));
  }

  /** {@inheritDoc} The scores are the unclamped blends. */
  @Override
  public void score(int user, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) estimate(user, i);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons of the components that explain, each contribution multiplied by the component's
   * weight, with the contributions of the same item added up; largest first (ties to the lower item
   * index).
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0) {
      return List.of();
    }
    Map<Integer, Double> byItem = new LinkedHashMap<>();
    List<Reason> other = new ArrayList<>();
    for (int c = 0; c < predictors.length; c++) {
      if (components.get(c) instanceof Explainable ex) {
        double w = weights[c + 1];
        for (Reason r : ex.explain(user, item, Integer.MAX_VALUE)) {
          if (r.kind().equals("item")) {
            byItem.merge(r.item(), w * r.contribution(), Double::sum);
          } else {
            other.add(new Reason(r.kind(), r.item(), r.feature(), w * r.contribution()));
          }
        }
      }
    }
    List<Reason> reasons = new ArrayList<>(other);
    byItem.forEach((i, c) -> reasons.add(Reason.ofItem(i, c)));
    reasons.sort(
        (a, b) -> {
          int c = Double.compare(b.contribution(), a.contribution());
          return c != 0 ? c : Integer.compare(a.item(), b.item());
        });
    return List.copyOf(reasons.subList(0, Math.min(max, reasons.size())));
  }
}
