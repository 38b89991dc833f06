package dev.seer.text;

import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A semantic recommender, made by {@link SemanticTrainer}: unit-length item vectors from a sentence
 * model, and user profiles {@code p_u = s_u / |s_u|} with {@code s_u = sum_j w_uj v_j} over the
 * user's liked items. {@code score(u, i) = p_u . v_i}; the explanation of a score splits it exactly
 * into {@code w_uj (v_j . v_i) / |s_u|} per liked item {@code j} (reasons of kind {@code item}),
 * and adds the terms that the item's text shares with the texts of the closest of those items
 * (reasons of kind {@code feature} named {@code term:<word>}, contribution 0). Immutable and
 * thread-safe.
 */
public final class SemanticModel implements Recommender, SimilarItems, FoldIn, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final SemanticOptions options;
  private final int dim;
  private final float[] vectors;
  private final SparseMatrix weights;
  private final String[] texts;
  private final float[] profiles;
  private final float[] prior;

  /**
   * Creates a model.
   *
   * @param card the model card
   * @param users the user index (rows of {@code weights})
   * @param items the item index (rows of {@code vectors})
   * @param options the options
   * @param dim the vector length
   * @param vectors row-major unit item vectors, {@code items.size() * dim}
   * @param weights users by items: the weight of each liked item in the user's profile
   * @param texts the embedded text of each item
   */
  public SemanticModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      SemanticOptions options,
      int dim,
      float[] vectors,
      SparseMatrix weights,
      String[] texts) {
    if (vectors.length != items.size() * dim) {
      throw new IllegalArgumentException(
          "item vectors have " + vectors.length + " values, expected " + items.size() * dim);
    }
    if (weights.rows() != users.size() || weights.cols() != items.size()) {
      throw new IllegalArgumentException("the weight matrix does not match the id maps");
    }
    if (texts.length != items.size()) {
      throw new IllegalArgumentException("one text per item is needed");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.options = options;
    this.dim = dim;
    this.vectors = vectors;
    this.weights = weights;
    this.texts = texts;
    this.profiles = new float[users.size() * dim];
    float[] mean = new float[dim];
    float[] p = new float[dim];
    for (int u = 0; u < users.size(); u++) {
      Arrays.fill(p, 0f);
      accumulate(weights.indices(), weights.values(), weights.rowStart(u), weights.rowEnd(u), p);
      Vectors.normalise(p);
      System.arraycopy(p, 0, profiles, u * dim, dim);
      for (int k = 0; k < dim; k++) {
        mean[k] += p[k];
      }
    }
    this.prior = Vectors.normalise(mean);
  }

  /**
   * Returns the indices of a user's liked items: all of them, or those rated at or above the user's
   * mean rating (all of them if none is).
   *
   * @param byUser users by items, with ratings
   * @param u the user
   * @param aboveMean whether to keep only items at or above the mean
   * @return the item indices, ascending
   */
  static int[] liked(SparseMatrix byUser, int u, boolean aboveMean) {
    int a = byUser.rowStart(u);
    int b = byUser.rowEnd(u);
    int[] idx = byUser.indices();
    if (!aboveMean || b == a) {
      return Arrays.copyOfRange(idx, a, b);
    }
    float[] val = byUser.values();
    double sum = 0;
    for (int k = a; k < b; k++) {
      sum += val[k];
    }
    double mean = sum / (b - a);
    int[] out = new int[b - a];
    int n = 0;
    for (int k = a; k < b; k++) {
      if (val[k] >= mean - 1e-9) {
        out[n++] = idx[k];
      }
    }
    return n == 0 ? Arrays.copyOfRange(idx, a, b) : Arrays.copyOf(out, n);
  }

  private void accumulate(int[] idx, float[] w, int from, int to, float[] out) {
    for (int k = from; k < to; k++) {
      int o = idx[k] * dim;
      float wk = w[k];
      for (int f = 0; f < dim; f++) {
        out[f] += wk * vectors[o + f];
      }
    }
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
   * Returns the options.
   *
   * @return the options
   */
  public SemanticOptions options() {
    return options;
  }

  /**
   * Returns the vector length.
   *
   * @return the dimension
   */
  public int dimension() {
    return dim;
  }

  /**
   * Returns the row-major item vectors (do not modify).
   *
   * @return {@code items().size() * dimension()} values
   */
  public float[] itemVectors() {
    return vectors;
  }

  /**
   * Returns one item's vector (a copy).
   *
   * @param item the item index
   * @return the vector
   */
  public float[] itemVector(int item) {
    return Arrays.copyOfRange(vectors, item * dim, (item + 1) * dim);
  }

  /**
   * Returns the liked-item weights, users by items (do not modify).
   *
   * @return the weights
   */
  public SparseMatrix weights() {
    return weights;
  }

  /**
   * Returns the embedded text of an item.
   *
   * @param item the item index
   * @return the text
   */
  public String text(int item) {
    return texts[item];
  }

  /**
   * Returns a user's profile vector (a copy); users outside the index get the mean profile.
   *
   * @param user the user index, or -1
   * @return the unit-length profile
   */
  public float[] profile(int user) {
    if (user < 0 || user >= users.size()) {
      return prior.clone();
    }
    return Arrays.copyOfRange(profiles, user * dim, (user + 1) * dim);
  }

  /**
   * Scores every item by its dot product with a query vector (an exact scan).
   *
   * @param query a vector of length {@link #dimension()}
   * @param out one score per item
   */
  public void scoreVector(float[] query, float[] out) {
    if (query.length != dim) {
      throw new IllegalArgumentException("query has " + query.length + " values, expected " + dim);
    }
    Vectors.scan(query, vectors, dim, out);
  }

  @Override
  public void score(int user, float[] out) {
    if (user < 0 || user >= users.size()) {
      scoreVector(prior, out);
      return;
    }
    float[] p = profiles;
    int o = user * dim;
    for (int i = 0; i < out.length; i++) {
      int r = i * dim;
      float s = 0;
      for (int f = 0; f < dim; f++) {
        s += p[o + f] * vectors[r + f];
      }
      out[i] = s;
    }
  }

  @Override
  public void similarTo(int item, float[] out) {
    scoreVector(itemVector(item), out);
  }

  @Override
  public void scoreItems(int[] picked, float[] values, float[] out) {
    scoreVector(foldIn(picked, values), out);
  }

  /**
   * Returns the profile of an anonymous user from their items: the normalised mean of the vectors
   * of the liked ones (by {@link SemanticOptions#liked()} applied to {@code values}).
   *
   * @param picked item indices
   * @param values their ratings or weights (1 for implicit)
   * @return the unit-length profile (the mean profile when {@code picked} is empty)
   */
  public float[] foldIn(int[] picked, float[] values) {
    if (picked.length == 0) {
      return prior.clone();
    }
    float[] vals = values == null ? null : values.clone();
    boolean rated = false;
    if (vals != null) {
      for (float x : vals) {
        rated |= x != 1f;
      }
    }
    float[] w = new float[picked.length];
    Arrays.fill(w, 1f);
    if (rated && "above-mean".equals(options.liked())) {
      double mean = 0;
      for (float x : vals) {
        mean += x;
      }
      mean /= vals.length;
      boolean any = false;
      for (int k = 0; k < w.length; k++) {
        w[k] = vals[k] >= mean - 1e-9 ? 1f : 0f;
        any |= w[k] > 0;
      }
      if (!any) {
        Arrays.fill(w, 1f);
      }
    }
    float[] p = new float[dim];
    accumulate(picked, w, 0, picked.length, p);
    return Vectors.normalise(p);
  }

  @Override
  public List<Reason> explain(int user, int item, int max) {
    List<Reason> out = new ArrayList<>();
    if (max <= 0 || user < 0 || user >= users.size() || item < 0 || item >= items.size()) {
      return out;
    }
    int a = weights.rowStart(user);
    int b = weights.rowEnd(user);
    float[] s = new float[dim];
    accumulate(weights.indices(), weights.values(), a, b, s);
    double norm = Math.sqrt(Vectors.dot(s, s));
    if (norm == 0) {
      return out;
    }
    int n = b - a;
    int[] idx = new int[n];
    double[] contribution = new double[n];
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      idx[k] = weights.indices()[a + k];
      contribution[k] =
          weights.values()[a + k] * Vectors.dot(itemVector(idx[k]), vectors, item, dim) / norm;
      order[k] = k;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = Double.compare(contribution[y], contribution[x]);
          return c != 0 ? c : Integer.compare(idx[x], idx[y]);
        });
    int itemQuota = Math.min(n, max - max / 2);
    Set<String> nearTerms = new LinkedHashSet<>();
    for (int k = 0; k < itemQuota; k++) {
      out.add(Reason.ofItem(idx[order[k]], contribution[order[k]]));
      nearTerms.addAll(Terms.distinct(texts[idx[order[k]]]));
    }
    for (String t : Terms.distinct(texts[item])) {
      if (out.size() >= max) {
        break;
      }
      if (nearTerms.contains(t)) {
        out.add(new Reason("feature", -1, "term:" + t, 0.0));
      }
    }
    return out;
  }

  /**
   * Returns the Shapley values of the user's liked items for a score: the players are the liked
   * items, a coalition scores the cosine of the profile built from its items alone with the item (0
   * for the empty one), so the values add up to {@code score(user, item)}. Unlike {@link #explain},
   * which splits the score at the user's full profile norm, this accounts for the normalisation: an
   * item counts by what it adds to profiles without it. Estimated by permutation sampling ({@link
   * dev.seer.text.explain.Shapley#sampled}).
   *
   * @param user the user index
   * @param item the item index
   * @param permutations sampled permutations, at least 1
   * @param seed the seed of the permutations
   * @return one reason of kind {@code item} per liked item, largest contribution first
   */
  public List<Reason> shapley(int user, int item, int permutations, long seed) {
    List<Reason> out = new ArrayList<>();
    if (user < 0 || user >= users.size() || item < 0 || item >= items.size()) {
      return out;
    }
    int a = weights.rowStart(user);
    int n = weights.rowEnd(user) - a;
    int[] idx = Arrays.copyOfRange(weights.indices(), a, a + n);
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = weights.values()[a + k];
    }
    double[] phi =
        dev.seer.text.explain.Shapley.sampled(
            z -> coalitionScore(idx, z, item), x, new double[n], permutations, seed);
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order,
        (p, q) -> {
          int c = Double.compare(phi[q], phi[p]);
          return c != 0 ? c : Integer.compare(idx[p], idx[q]);
        });
    for (int k : order) {
      out.add(Reason.ofItem(idx[k], phi[k]));
    }
    return out;
  }

  /** The cosine of the profile {@code sum_k z_k v_idx[k]} with the item; 0 for a zero profile. */
  double coalitionScore(int[] idx, double[] z, int item) {
    double[] s = new double[dim];
    for (int k = 0; k < idx.length; k++) {
      if (z[k] != 0) {
        int r = idx[k] * dim;
        for (int f = 0; f < dim; f++) {
          s[f] += z[k] * vectors[r + f];
        }
      }
    }
    double norm = 0;
    double dot = 0;
    int r = item * dim;
    for (int f = 0; f < dim; f++) {
      norm += s[f] * s[f];
      dot += s[f] * vectors[r + f];
    }
    return norm == 0 ? 0 : dot / Math.sqrt(norm);
  }
}
