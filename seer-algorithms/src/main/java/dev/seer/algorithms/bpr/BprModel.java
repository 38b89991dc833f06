package dev.seer.algorithms.bpr;

import dev.seer.algorithms.Randoms;
import dev.seer.algorithms.optim.RowOptimizer;
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
import java.util.SplittableRandom;

/**
 * A BPR matrix factorisation model: {@code score(u, i) = p_u . q_i + b_i}. Immutable and
 * thread-safe.
 *
 * <p>Fold-in learns a vector {@code p} for a new user with the item factors and biases fixed, by
 * the training procedure itself restricted to {@code p}: {@code foldInEpochs} passes of as many
 * bootstrap triples as the user has distinct items, each a listed item against a negative drawn as
 * in training, with the training optimiser, learning rate and regularisation, starting from {@code
 * p = 0}. Its random generator is seeded from the model's seed and the item list, so the same list
 * always gets the same scores. Similar items are ranked by the cosine of their factors;
 * explanations list the user's training items whose factors have a positive cosine with the
 * recommended item's factors (evidence of taste, not an additive split of the score).
 */
public final class BprModel
    implements Recommender, FoldIn, SimilarItems, Explainable, LatentFactors {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final BprOptions options;
  private final int dim;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final float[] itemBias;
  private final SparseMatrix train;
  private final double[] itemNorms;
  private final NegativeSampler negatives;

  BprModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      BprOptions options,
      float[] userFactors,
      float[] itemFactors,
      float[] itemBias,
      SparseMatrix train) {
    int d = options.factors();
    if (userFactors.length != (long) users.size() * d
        || itemFactors.length != (long) items.size() * d
        || itemBias.length != items.size()
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException("factor shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.options = options;
    this.dim = d;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.itemBias = itemBias;
    this.train = train;
    this.itemNorms = new double[items.size()];
    for (int i = 0; i < itemNorms.length; i++) {
      double s = 0;
      for (int f = 0; f < d; f++) {
        double v = itemFactors[i * d + f];
        s += v * v;
      }
      itemNorms[i] = Math.sqrt(s);
    }
    this.negatives = NegativeSampler.create(options, train);
  }

  /**
   * Returns the options the model was trained with.
   *
   * @return the options
   */
  public BprOptions options() {
    return options;
  }

  /**
   * Returns the number of latent dimensions.
   *
   * @return the dimension
   */
  public int dim() {
    return dim;
  }

  /**
   * Returns one latent value of a user.
   *
   * @param user user index
   * @param f dimension
   * @return {@code p_u[f]}
   */
  public float userFactor(int user, int f) {
    return userFactors[user * dim + f];
  }

  /**
   * Returns one latent value of an item.
   *
   * @param item item index
   * @param f dimension
   * @return {@code q_i[f]}
   */
  public float itemFactor(int item, int f) {
    return itemFactors[item * dim + f];
  }

  /**
   * Returns an item's bias.
   *
   * @param item item index
   * @return {@code b_i} (0 when the model has no biases)
   */
  public float itemBias(int item) {
    return itemBias[item];
  }

  float[] userFactors() {
    return userFactors;
  }

  float[] itemFactors() {
    return itemFactors;
  }

  float[] itemBiases() {
    return itemBias;
  }

  SparseMatrix train() {
    return train;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The factors plus one coordinate for the item bias, which comes first: the user vector is
   * {@code (1, p_u)} and the item vector {@code (b_i, q_i)}, so the dot product summed from the
   * first coordinate repeats the float arithmetic of {@link #score} ({@code b_i} first, then the
   * factors in order).
   */
  @Override
  public int factors() {
    return dim + 1;
  }

  @Override
  public void userVector(int user, float[] out) {
    out[0] = 1;
    if (user < 0 || user >= users.size()) {
      Arrays.fill(out, 1, dim + 1, 0f);
    } else {
      System.arraycopy(userFactors, user * dim, out, 1, dim);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code (1, p)} with {@code p} the fold-in vector of {@link #scoreItems}; values are ignored.
   */
  @Override
  public float[] userVectorFromItems(int[] list, float[] values) {
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
    float[] p = foldInVector(list);
    float[] out = new float[dim + 1];
    out[0] = 1;
    System.arraycopy(p, 0, out, 1, dim);
    return out;
  }

  @Override
  public void itemVector(int item, float[] out) {
    out[0] = itemBias[item];
    System.arraycopy(itemFactors, item * dim, out, 1, dim);
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
      scoreVector(new float[dim], 0, out);
      return;
    }
    scoreVector(userFactors, user * dim, out);
  }

  private void scoreVector(float[] p, int off, float[] out) {
    int n = items.size();
    for (int i = 0; i < n; i++) {
      int qi = i * dim;
      float s = itemBias[i];
      for (int f = 0; f < dim; f++) {
        s += p[off + f] * itemFactors[qi + f];
      }
      out[i] = s;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Values are ignored (BPR is implicit) and items listed twice count once. An empty list gives
   * {@code p = 0}, so items are ranked by bias, like a user without training rows.
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
    scoreVector(foldInVector(list), 0, out);
  }

  /**
   * Learns the vector of a new user from their items (see the class description).
   *
   * @param list item indices, valid for this model
   * @return the user vector
   */
  float[] foldInVector(int[] list) {
    int[] pos = Arrays.stream(list).sorted().distinct().toArray();
    float[] p = new float[dim];
    if (pos.length == 0) {
      return p;
    }
    RowOptimizer opt = options.optimizerSpec().create(1, dim);
    float[] grad = new float[dim];
    float reg = (float) options.regularization();
    SplittableRandom rnd = new SplittableRandom(Randoms.mix(card.seed(), Arrays.hashCode(pos)));
    int steps = options.foldInEpochs() * pos.length;
    for (int s = 0; s < steps; s++) {
      int i = pos[rnd.nextInt(pos.length)];
      int j = negatives.draw(rnd, pos, 0, pos.length);
      if (j < 0) {
        continue;
      }
      int qi = i * dim;
      int qj = j * dim;
      double z = itemBias[i] - itemBias[j];
      for (int f = 0; f < dim; f++) {
        z += p[f] * (itemFactors[qi + f] - itemFactors[qj + f]);
      }
      float g = (float) (1 / (1 + Math.exp(z)));
      for (int f = 0; f < dim; f++) {
        grad[f] = -g * (itemFactors[qi + f] - itemFactors[qj + f]) + reg * p[f];
      }
      opt.update(p, 0, grad, 0);
    }
    return p;
  }

  /**
   * Returns the cosine of two items' factors.
   *
   * @param a item index
   * @param b item index
   * @return the cosine, or 0 when either vector is zero
   */
  public double cosine(int a, int b) {
    double na = itemNorms[a];
    double nb = itemNorms[b];
    if (na == 0 || nb == 0) {
      return 0;
    }
    double s = 0;
    for (int f = 0; f < dim; f++) {
      s += (double) itemFactors[a * dim + f] * itemFactors[b * dim + f];
    }
    return s / (na * nb);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The cosine of the items' factors; the query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) cosine(item, i);
    }
    out[item] = Float.NEGATIVE_INFINITY;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code j} whose factors have a positive cosine
   * with those of {@code item}, the cosine as the contribution, largest first (ties to the lower
   * index). They show which of the user's items the recommendation resembles in the latent space;
   * they do not add up to the score.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= train.rows()) {
      return List.of();
    }
    int[] idx = train.indices();
    List<Reason> reasons = new ArrayList<>();
    for (int k = train.rowStart(user); k < train.rowEnd(user); k++) {
      int j = idx[k];
      double c = cosine(item, j);
      if (c > 0 && j != item) {
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
