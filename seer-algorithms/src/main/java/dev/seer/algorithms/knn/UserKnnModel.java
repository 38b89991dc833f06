package dev.seer.algorithms.knn;

import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * User-based k-nearest-neighbour model. With {@code N(u)} the kept neighbours of {@code u}, {@code
 * score(u, i) = sum over v in N(u) of sim(u, v) * x(v, i) / sum over v in N(u) of |sim(u, v)|},
 * where {@code x(v, i)} is the neighbour's vector value (0 when {@code v} does not have {@code i}).
 * Users without neighbours score 0 everywhere. Immutable and thread-safe.
 *
 * <p>Rating prediction uses the neighbours who rated the item: {@code predict(u, i) = base(u) + sum
 * sim(u, v) * (r(v, i) - base(v)) / sum |sim(u, v)|} over those neighbours, where {@code base} is
 * the user's mean rating with {@code meanCentring} and 0 without; when no neighbour rated the item
 * it is the user's mean rating (the global mean for users without ratings).
 */
public final class UserKnnModel implements Recommender, FoldIn, Explainable, RatingPredictor {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final UserKnnOptions options;
  private final SparseMatrix neighbours;
  private final UserVectors vec;

  UserKnnModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      UserKnnOptions options,
      SparseMatrix neighbours,
      UserVectors vec) {
    if (neighbours.rows() != users.size()
        || neighbours.cols() != users.size()
        || vec.raw.rows() != users.size()
        || vec.raw.cols() != items.size()) {
      throw new IllegalArgumentException("matrix shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.options = options;
    this.neighbours = neighbours;
    this.vec = vec;
  }

  /**
   * Returns the options the model was built with.
   *
   * @return the options
   */
  public UserKnnOptions options() {
    return options;
  }

  /**
   * Returns the neighbour matrix: row {@code u} holds the kept neighbours {@code v} of user {@code
   * u} with {@code sim(u, v)}.
   *
   * @return users x users (do not modify)
   */
  public SparseMatrix neighbours() {
    return neighbours;
  }

  /**
   * Returns the kept similarity of user {@code v} as a neighbour of user {@code u}.
   *
   * @param u user index
   * @param v user index
   * @return the similarity, or 0 when {@code v} is not among the neighbours of {@code u}
   */
  public float similarity(int u, int v) {
    return neighbours.get(u, v);
  }

  /**
   * Returns the training ratings.
   *
   * @return users x items (do not modify)
   */
  SparseMatrix train() {
    return vec.raw;
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
    if (user < 0 || user >= neighbours.rows()) {
      Arrays.fill(out, 0f);
      return;
    }
    accumulate(
        neighbours.indices(),
        neighbours.values(),
        neighbours.rowStart(user),
        neighbours.rowEnd(user),
        out);
  }

  private void accumulate(int[] nIdx, float[] nVal, int from, int to, float[] out) {
    Arrays.fill(out, 0f);
    SparseMatrix x = vec.byUser;
    int[] ptr = x.indptr();
    int[] idx = x.indices();
    float[] val = x.values();
    double den = 0;
    for (int t = from; t < to; t++) {
      int v = nIdx[t];
      float s = nVal[t];
      den += Math.abs(s);
      for (int k = ptr[v]; k < ptr[v + 1]; k++) {
        out[idx[k]] += s * val[k];
      }
    }
    if (den > 0) {
      float inv = (float) (1 / den);
      for (int i = 0; i < out.length; i++) {
        out[i] *= inv;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The new user's vector is built as in training (1s, ratings, or ratings minus their mean;
   * {@code values} may be {@code null} for all ones, and for an item listed twice the later value
   * wins), its similarities to all training users are computed on the fly, and it is scored by its
   * top neighbours. A training user's own items therefore find that user as their most similar
   * neighbour.
   */
  @Override
  public void scoreItems(int[] list, float[] values, float[] out) {
    TopNeighbours.Kept kept = foldInNeighbours(list, values, -1);
    accumulate(kept.indices(), kept.values(), 0, kept.indices().length, out);
  }

  /**
   * Finds the neighbours of a new user, optionally leaving one training user out.
   *
   * @param list the new user's items
   * @param values their ratings, or {@code null}
   * @param exclude a training user to leave out, or -1
   * @return the neighbours
   */
  TopNeighbours.Kept foldInNeighbours(int[] list, float[] values, int exclude) {
    if (values != null && values.length != list.length) {
      throw new InputException(
          "Fold-in got "
              + list.length
              + " items but "
              + values.length
              + " values; give one value per item.");
    }
    int n = items.size();
    for (int j : list) {
      if (j < 0 || j >= n) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + n
                + " items; map item ids with the model's item index.");
      }
    }
    // Distinct items ascending, the later value winning, as Interactions.byUser() does.
    long[] keys = new long[list.length];
    for (int t = 0; t < list.length; t++) {
      keys[t] = ((long) list[t] << 32) | t;
    }
    Arrays.sort(keys);
    int[] its = new int[list.length];
    float[] rs = new float[list.length];
    int m = 0;
    for (long key : keys) {
      int j = (int) (key >>> 32);
      float r = values == null ? 1f : values[(int) key];
      if (m > 0 && its[m - 1] == j) {
        rs[m - 1] = r;
      } else {
        its[m] = j;
        rs[m] = r;
        m++;
      }
    }
    double sum = 0;
    for (int t = 0; t < m; t++) {
      sum += rs[t];
    }
    double mean = m == 0 ? Double.NaN : sum / m;
    float[] xs = new float[m];
    double norm = 0;
    for (int t = 0; t < m; t++) {
      xs[t] = vec.value(rs[t], mean);
      norm += (double) xs[t] * xs[t];
    }
    return vec.neighbours(
        its, xs, 0, m, Math.sqrt(norm), exclude, new UserVectors.Scratch(users.size()));
  }

  @Override
  public float predict(int user, int item) {
    double own = user >= 0 && user < neighbours.rows() ? vec.means[user] : Double.NaN;
    double fallback = Double.isNaN(own) ? vec.globalMean : own;
    if (user < 0 || user >= neighbours.rows() || item < 0 || item >= items.size()) {
      return (float) fallback;
    }
    SparseMatrix raw = vec.raw;
    int[] nIdx = neighbours.indices();
    float[] nVal = neighbours.values();
    double num = 0;
    double den = 0;
    boolean centre = options.meanCentring();
    for (int t = neighbours.rowStart(user); t < neighbours.rowEnd(user); t++) {
      int v = nIdx[t];
      int k = Arrays.binarySearch(raw.indices(), raw.rowStart(v), raw.rowEnd(v), item);
      if (k >= 0) {
        double r = raw.values()[k] - (centre ? vec.means[v] : 0);
        num += nVal[t] * r;
        den += Math.abs(nVal[t]);
      }
    }
    if (den == 0) {
      return (float) fallback;
    }
    return (float) ((centre ? fallback : 0) + num / den);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each neighbour {@code v} that has {@code item} adds {@code sim(u, v) * x(v, i) / sum |sim|}
   * to the score. That share is split over the user's own items {@code j} that {@code v} also has,
   * in proportion to their terms {@code x(u, j) * x(v, j)} of the dot product the similarity rests
   * on. The reasons are the user's items with a non-zero total, largest first (ties to the lower
   * index); all of them together add up to the score.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= neighbours.rows() || item < 0 || item >= items.size()) {
      return List.of();
    }
    SparseMatrix x = vec.byUser;
    int[] xIdx = x.indices();
    float[] xVal = x.values();
    int uFrom = x.rowStart(user);
    int uTo = x.rowEnd(user);
    double[] contrib = new double[uTo - uFrom];
    double den = 0;
    for (int t = neighbours.rowStart(user); t < neighbours.rowEnd(user); t++) {
      den += Math.abs(neighbours.values()[t]);
    }
    if (den == 0) {
      return List.of();
    }
    for (int t = neighbours.rowStart(user); t < neighbours.rowEnd(user); t++) {
      int v = neighbours.indices()[t];
      float sim = neighbours.values()[t];
      int vFrom = x.rowStart(v);
      int vTo = x.rowEnd(v);
      int k = Arrays.binarySearch(xIdx, vFrom, vTo, item);
      if (k < 0 || xVal[k] == 0) {
        continue;
      }
      double share = sim * xVal[k] / den;
      double dot = 0;
      for (int a = uFrom, b = vFrom; a < uTo && b < vTo; ) {
        if (xIdx[a] < xIdx[b]) {
          a++;
        } else if (xIdx[a] > xIdx[b]) {
          b++;
        } else {
          dot += (double) xVal[a++] * xVal[b++];
        }
      }
      if (dot == 0) {
        continue;
      }
      for (int a = uFrom, b = vFrom; a < uTo && b < vTo; ) {
        if (xIdx[a] < xIdx[b]) {
          a++;
        } else if (xIdx[a] > xIdx[b]) {
          b++;
        } else {
          contrib[a - uFrom] += share * xVal[a] * xVal[b] / dot;
          a++;
          b++;
        }
      }
    }
    List<Reason> reasons = new ArrayList<>();
    for (int a = 0; a < contrib.length; a++) {
      if (contrib[a] != 0) {
        reasons.add(Reason.ofItem(xIdx[uFrom + a], contrib[a]));
      }
    }
    reasons.sort(
        (p, q) -> {
          int c = Double.compare(q.contribution(), p.contribution());
          return c != 0 ? c : Integer.compare(p.item(), q.item());
        });
    return List.copyOf(reasons.subList(0, Math.min(max, reasons.size())));
  }
}
