package dev.seer.algorithms.als;

import dev.seer.algorithms.UserItems;
import dev.seer.algorithms.linalg.Dense;
import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.LatentFactors;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ALS model: {@code score(u, i) = x_uᵀ y_i} with user factors {@code x_u} and item factors {@code
 * y_i}; implicit (see {@link AlsTrainer}), or explicit when built by {@link #fromExplicitFactors}
 * from a rating model trained elsewhere. Immutable and thread-safe.
 *
 * <p>A new user is folded in by solving their least-squares problem exactly against the item
 * factors: {@code x = (YᵀC_uY + λI)⁻¹ YᵀC_u p_u}, the routine that also gave every training user
 * their final vector. Explanations follow Hu, Koren and Volinsky (ICDM 2008, section 5): with
 * {@code W = (YᵀC_uY + λI)⁻¹} the score is {@code Σ_j (y_iᵀ W y_j) c_uj} over the user's items
 * {@code j}, so each item's term is its share of the score.
 */
public final class AlsModel
    implements Recommender, FoldIn, SimilarItems, Explainable, LatentFactors {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final int factors;
  private final double regularization;
  private final boolean weightedRegularization;
  private final double alpha;
  private final boolean useRatings;
  private final boolean explicit;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float[] itemFactorsByFactor;
  private final SparseMatrix train;
  private final float[] trainConf;
  private final double[] gram;
  private final float[] itemNorms;

  AlsModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      int factors,
      double regularization,
      boolean weightedRegularization,
      double alpha,
      boolean useRatings,
      boolean explicit,
      float[] userFactors,
      float[] itemFactors,
      SparseMatrix train) {
    if (factors < 1
        || userFactors.length != (long) users.size() * factors
        || itemFactors.length != (long) items.size() * factors
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException("factor and matrix shapes do not match the id indices");
    }
    if (!(regularization > 0) || !(alpha >= 0)) {
      throw new IllegalArgumentException("regularization must be > 0 and alpha >= 0");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.factors = factors;
    this.regularization = regularization;
    this.weightedRegularization = weightedRegularization;
    this.alpha = alpha;
    this.useRatings = useRatings;
    this.explicit = explicit;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    int n = items.size();
    this.itemFactorsByFactor = new float[itemFactors.length];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < factors; a++) {
        itemFactorsByFactor[a * n + i] = itemFactors[i * factors + a];
      }
    }
    this.train = train;
    float[] v = train.values();
    this.trainConf = new float[v.length];
    for (int q = 0; q < v.length; q++) {
      trainConf[q] = explicit ? v[q] : confidence(alpha, useRatings ? v[q] : 1f);
    }
    this.gram = Dense.gram(itemFactors, items.size(), factors);
    this.itemNorms = new float[items.size()];
    for (int i = 0; i < itemNorms.length; i++) {
      double s = 0;
      for (int a = 0; a < factors; a++) {
        double f = itemFactors[i * factors + a];
        s += f * f;
      }
      itemNorms[i] = (float) Math.sqrt(s);
    }
  }

  /**
   * Builds a model from factors trained elsewhere (for example by Spark MLlib in seer-spark), so
   * that it is saved, loaded and served like one trained by {@link AlsTrainer}.
   *
   * @param card the model card; its algorithm should be {@link AlsTrainer#ALGORITHM}
   * @param users the user ids, aligned with the rows of {@code userFactors} and {@code train}
   * @param items the item ids, aligned with the rows of {@code itemFactors} and columns of {@code
   *     train}
   * @param factors k
   * @param regularization λ used for fold-in of new users (greater than 0)
   * @param weightedRegularization whether fold-in penalises a user by {@code λ} times the number of
   *     their items (ALS-WR, as MLlib trains) instead of {@code λ}
   * @param alpha confidence slope used for fold-in (0 or more)
   * @param useRatings whether training values set the confidences
   * @param userFactors users × k, row-major
   * @param itemFactors items × k, row-major
   * @param train the training interactions, users × items
   * @return the model
   * @throws IllegalArgumentException if the shapes do not match
   */
  public static AlsModel fromFactors(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      int factors,
      double regularization,
      boolean weightedRegularization,
      double alpha,
      boolean useRatings,
      float[] userFactors,
      float[] itemFactors,
      SparseMatrix train) {
    return new AlsModel(
        card,
        users,
        items,
        factors,
        regularization,
        weightedRegularization,
        alpha,
        useRatings,
        false,
        userFactors,
        itemFactors,
        train);
  }

  /**
   * Builds a model from factors of an explicit (rating) ALS trained elsewhere, for example Spark
   * MLlib's with {@code implicitPrefs=false}: scores are predicted ratings {@code x_uᵀ y_i}, and a
   * new user is folded in by ridge regression on their ratings, {@code x = (Σ_j y_j y_jᵀ + λI)⁻¹
   * Σ_j r_j y_j} over the rated items only (with weighted regularisation {@code λ} times their
   * number), which is MLlib's own row solve.
   *
   * @param card the model card
   * @param users the user ids, aligned with the rows of {@code userFactors} and {@code train}
   * @param items the item ids
   * @param factors k
   * @param regularization λ of the fold-in (greater than 0)
   * @param weightedRegularization whether the fold-in penalty is {@code λ} times the rated items
   * @param userFactors users × k, row-major
   * @param itemFactors items × k, row-major
   * @param train the training ratings, users × items
   * @return the model
   */
  public static AlsModel fromExplicitFactors(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      int factors,
      double regularization,
      boolean weightedRegularization,
      float[] userFactors,
      float[] itemFactors,
      SparseMatrix train) {
    return new AlsModel(
        card,
        users,
        items,
        factors,
        regularization,
        weightedRegularization,
        0.0,
        false,
        true,
        userFactors,
        itemFactors,
        train);
  }

  /**
   * The confidence of an observed pair with value {@code r}: {@code 1 + α r}, as a float.
   *
   * @param alpha the slope
   * @param r the value (1 for implicit data)
   * @return the confidence
   */
  static float confidence(double alpha, float r) {
    return (float) (1.0 + alpha * r);
  }

  /**
   * Returns the number of latent factors.
   *
   * @return k
   */
  @Override
  public int factors() {
    return factors;
  }

  /**
   * Returns {@code λ}.
   *
   * @return the regularisation
   */
  public double regularization() {
    return regularization;
  }

  /**
   * Returns whether each row's penalty is {@code λ} times its number of observed entries.
   *
   * @return true for weighted-λ (ALS-WR) regularisation
   */
  public boolean weightedRegularization() {
    return weightedRegularization;
  }

  /**
   * Returns whether this is an explicit (rating) model, see {@link #fromExplicitFactors}.
   *
   * @return true for explicit ALS
   */
  public boolean explicit() {
    return explicit;
  }

  /**
   * Returns the confidence slope {@code α}.
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Tells whether confidences use the interaction values.
   *
   * @return true when they do
   */
  public boolean useRatings() {
    return useRatings;
  }

  /**
   * Returns the user factors, row-major: user {@code u}'s vector is at {@code [u * k, (u + 1) *
   * k)}.
   *
   * @return users x factors (do not modify)
   */
  public float[] userFactors() {
    return userFactors;
  }

  /**
   * Returns the item factors, row-major: item {@code i}'s vector is at {@code [i * k, (i + 1) *
   * k)}.
   *
   * @return items x factors (do not modify)
   */
  public float[] itemFactors() {
    return itemFactors;
  }

  /**
   * Returns the training interactions the factors were fitted to, used for explanations (with
   * {@link #useRatings()}, without the pairs of value 0).
   *
   * @return users x items (do not modify)
   */
  public SparseMatrix train() {
    return train;
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
      Arrays.fill(out, 0f);
      return;
    }
    scoreVector(userFactors, user * factors, out);
  }

  /**
   * {@code out[i] = x · y_i}, summed over the factors in order. The loop runs factor by factor over
   * a factor-major copy of the item factors, which gives the same sums as item-by-item dot products
   * but lets the JIT vectorise across items.
   */
  private void scoreVector(float[] x, int xo, float[] out) {
    int n = items.size();
    Arrays.fill(out, 0, n, 0f);
    for (int a = 0; a < factors; a++) {
      float xa = x[xo + a];
      int o = a * n;
      for (int i = 0; i < n; i++) {
        out[i] += xa * itemFactorsByFactor[o + i];
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Solves the user's vector exactly against the item factors. Values set the confidences when
   * the model uses ratings (items whose value is 0 then count as not listed) and are ignored
   * otherwise; an item listed twice counts once with the sum of its values.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    float[] x = foldInVector(items, values);
    scoreVector(x, 0, out);
  }

  @Override
  public void userVector(int user, float[] out) {
    System.arraycopy(userFactors, user * factors, out, 0, factors);
  }

  @Override
  public float[] userVectorFromItems(int[] items, float[] values) {
    return foldInVector(items, values);
  }

  @Override
  public void itemVector(int item, float[] out) {
    System.arraycopy(itemFactors, item * factors, out, 0, factors);
  }

  /**
   * Returns the factor vector of a new user described by their items, as {@link #scoreItems} uses.
   *
   * @param items item indices
   * @param values one value per item, or {@code null} for 1 each
   * @return the user's vector, length {@link #factors()}
   */
  public float[] foldInVector(int[] items, float[] values) {
    UserItems ui = UserItems.of(items, values, this.items.size());
    int[] idx = new int[ui.size()];
    float[] conf = new float[ui.size()];
    int n = 0;
    for (int q = 0; q < ui.size(); q++) {
      float v = ui.values()[q];
      if (explicit) {
        idx[n] = ui.items()[q];
        conf[n++] = v;
        continue;
      }
      if (useRatings && !(v >= 0)) {
        throw new InputException(
            "Fold-in value "
                + v
                + " of item index "
                + ui.items()[q]
                + " is negative, but this als model takes values as confidences; give values of 0"
                + " or more.");
      }
      if (useRatings && v == 0) {
        continue;
      }
      idx[n] = ui.items()[q];
      conf[n++] = confidence(alpha, useRatings ? v : 1f);
    }
    float[] x = new float[factors];
    AlsSolver.exact(
        itemFactors,
        factors,
        gram,
        AlsSolver.rowLambda(regularization, weightedRegularization, n),
        idx,
        conf,
        0,
        n,
        x,
        0,
        explicit,
        new AlsSolver.Scratch(factors));
    return x;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The cosine of the items' factor vectors; items with a zero vector score 0, and the query
   * item itself negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    int k = factors;
    int qo = item * k;
    float qn = itemNorms[item];
    for (int i = 0; i < out.length; i++) {
      float d = itemNorms[i] * qn;
      if (d == 0) {
        out[i] = 0;
        continue;
      }
      int o = i * k;
      float s = 0;
      for (int a = 0; a < k; a++) {
        s += itemFactors[qo + a] * itemFactors[o + a];
      }
      out[i] = s / d;
    }
    out[item] = Float.NEGATIVE_INFINITY;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code j} whose term {@code (y_iᵀ W y_j) c_uj} is
   * positive, largest first (ties to the lower index). The terms of all the user's items (negative
   * ones included) sum to the score, up to rounding.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= users.size() || item < 0 || item >= items.size()) {
      return List.of();
    }
    List<Reason> all = contributions(user, item);
    List<Reason> out = new ArrayList<>();
    for (Reason r : all) {
      if (r.contribution() > 0) {
        out.add(r);
      }
    }
    out.sort(
        (a, b) -> {
          int c = Double.compare(b.contribution(), a.contribution());
          return c != 0 ? c : Integer.compare(a.item(), b.item());
        });
    return List.copyOf(out.subList(0, Math.min(max, out.size())));
  }

  /**
   * Returns every training item's term in the user's score for an item, in item order.
   *
   * @param user user index
   * @param item item index
   * @return one item reason per training item of the user, including zero and negative terms
   */
  List<Reason> contributions(int user, int item) {
    int k = factors;
    int from = train.rowStart(user);
    int to = train.rowEnd(user);
    int[] idx = train.indices();
    AlsSolver.Scratch s = new AlsSolver.Scratch(k);
    AlsSolver.factor(
        itemFactors,
        k,
        gram,
        AlsSolver.rowLambda(regularization, weightedRegularization, to - from),
        idx,
        trainConf,
        from,
        to,
        explicit,
        s);
    double[] z = new double[k];
    for (int a = 0; a < k; a++) {
      z[a] = itemFactors[item * k + a];
    }
    Dense.choleskySolve(s.a, k, z);
    List<Reason> out = new ArrayList<>(to - from);
    for (int q = from; q < to; q++) {
      int o = idx[q] * k;
      double d = 0;
      for (int a = 0; a < k; a++) {
        d += z[a] * itemFactors[o + a];
      }
      out.add(Reason.ofItem(idx[q], d * trainConf[q]));
    }
    return out;
  }
}
