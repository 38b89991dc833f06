package dev.seer.algorithms.knn;

import dev.seer.algorithms.ItemNeighbours;
import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Item-based k-nearest-neighbour model. {@code score(u, i) = sum over the user's training items j
 * of sim(i, j) * r(u, j)}, where {@code sim(i, j)} is kept only when {@code j} is among the top
 * neighbours of {@code i}, and {@code r} is the rating when the model uses ratings, else 1.
 * Immutable and thread-safe.
 */
public final class ItemKnnModel implements Recommender, FoldIn, SimilarItems, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final SparseMatrix neighbours;
  private final SparseMatrix reverse;
  private final SparseMatrix train;
  private final boolean useRatings;

  ItemKnnModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      SparseMatrix neighbours,
      SparseMatrix train,
      boolean useRatings) {
    if (neighbours.rows() != items.size()
        || neighbours.cols() != items.size()
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException("matrix shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.neighbours = neighbours;
    this.reverse = neighbours.transpose();
    this.train = train;
    this.useRatings = useRatings;
  }

  /**
   * Returns the neighbour matrix: row {@code i} holds the kept neighbours {@code j} of item {@code
   * i} with {@code sim(i, j)}.
   *
   * @return items x items (do not modify)
   */
  public SparseMatrix neighbours() {
    return neighbours;
  }

  /**
   * Returns the training interactions the model scores from.
   *
   * @return users x items (do not modify)
   */
  public SparseMatrix train() {
    return train;
  }

  /**
   * Tells whether scores weigh a user's items by rating.
   *
   * @return true when ratings are used
   */
  public boolean useRatings() {
    return useRatings;
  }

  /**
   * Returns the kept similarity of item {@code j} as a neighbour of item {@code i}.
   *
   * @param i item index
   * @param j item index
   * @return the similarity, or 0 when {@code j} is not among the neighbours of {@code i}
   */
  public float similarity(int i, int j) {
    return neighbours.get(i, j);
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
    Arrays.fill(out, 0f);
    if (user >= 0 && user < train.rows()) {
      accumulate(train.indices(), train.values(), train.rowStart(user), train.rowEnd(user), out);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Items listed twice count twice; {@code values} may be {@code null} for all ones and is
   * ignored unless the model uses ratings.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    if (values != null && values.length != items.length) {
      throw new InputException(
          "Fold-in got "
              + items.length
              + " items but "
              + values.length
              + " values; give one value per item.");
    }
    for (int j : items) {
      if (j < 0 || j >= neighbours.rows()) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + neighbours.rows()
                + " items; map item ids with the model's item index.");
      }
    }
    Arrays.fill(out, 0f);
    accumulate(items, values, 0, items.length, out);
  }

  private void accumulate(int[] idx, float[] vals, int from, int to, float[] out) {
    int[] rPtr = reverse.indptr();
    int[] rIdx = reverse.indices();
    float[] rVal = reverse.values();
    for (int k = from; k < to; k++) {
      int j = idx[k];
      float w = useRatings && vals != null ? vals[k] : 1f;
      for (int m = rPtr[j]; m < rPtr[j + 1]; m++) {
        out[rIdx[m]] += rVal[m] * w;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Non-neighbours score 0; the query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    ItemNeighbours.similarTo(neighbours, item, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code j} with a non-zero {@code sim(item, j) *
   * r(u, j)}, largest contribution first (ties to the lower index); their contributions sum to the
   * score.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= train.rows()) {
      return List.of();
    }
    int[] idx = train.indices();
    float[] vals = train.values();
    List<Reason> reasons = new ArrayList<>();
    for (int k = train.rowStart(user); k < train.rowEnd(user); k++) {
      int j = idx[k];
      float s = neighbours.get(item, j);
      if (s != 0) {
        float w = useRatings ? vals[k] : 1f;
        reasons.add(Reason.ofItem(j, (double) s * w));
      }
    }
    return ItemNeighbours.strongest(reasons, max);
  }
}
