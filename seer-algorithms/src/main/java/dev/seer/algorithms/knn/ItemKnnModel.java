package dev.seer.algorithms.knn;

import dev.seer.algorithms.ItemNeighbours;
import dev.seer.algorithms.ItemToItemModel;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;

/**
 * Item-based k-nearest-neighbour model. {@code score(u, i) = sum over the user's training items j
 * of sim(i, j) * r(u, j)}, where {@code sim(i, j)} is kept only when {@code j} is among the top
 * neighbours of {@code i}, and {@code r} is the rating when the model uses ratings, else 1.
 * Immutable and thread-safe.
 */
public final class ItemKnnModel extends ItemToItemModel {
  private final boolean useRatings;

  ItemKnnModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      SparseMatrix neighbours,
      SparseMatrix train,
      boolean useRatings) {
    super(card, users, items, neighbours, train);
    this.useRatings = useRatings;
  }

  /**
   * Builds a model from neighbour lists computed elsewhere (for example by seer-spark's distributed
   * co-occurrence), so that it is saved, loaded and served like one trained by {@link
   * ItemKnnTrainer}: an unseen item's score is the sum of its similarities to the user's items.
   *
   * @param card the model card; its algorithm should be {@link ItemKnnTrainer#ALGORITHM}
   * @param users the user ids, aligned with the rows of {@code train}
   * @param items the item ids
   * @param neighbours items × items: row {@code i} holds the kept neighbours {@code j} of {@code i}
   *     with {@code sim(i, j)}
   * @param train the training interactions, users × items
   * @return the model
   * @throws IllegalArgumentException if the shapes do not match the indices
   */
  public static ItemKnnModel fromNeighbours(
      ModelCard card, IdIndex users, IdIndex items, SparseMatrix neighbours, SparseMatrix train) {
    if (neighbours.rows() != items.size()
        || neighbours.cols() != items.size()
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException(
          "neighbour and training matrices do not match the indices");
    }
    return new ItemKnnModel(card, users, items, neighbours, train, false);
  }

  @Override
  protected float userFactor(int count) {
    return 1f;
  }

  @Override
  protected float itemWeight(float value) {
    return useRatings ? value : 1f;
  }

  /**
   * Returns the neighbour matrix: row {@code i} holds the kept neighbours {@code j} of item {@code
   * i} with {@code sim(i, j)}.
   *
   * @return items x items (do not modify)
   */
  public SparseMatrix neighbours() {
    return byTarget();
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
    return byTarget().get(i, j);
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
    int n = byTarget().rows();
    for (int j : items) {
      if (j < 0 || j >= n) {
        throw new InputException(
            "Fold-in item index "
                + j
                + " is outside the model's "
                + n
                + " items; map item ids with the model's item index.");
      }
    }
    Arrays.fill(out, 0f);
    accumulate(items, values, 0, items.length, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Non-neighbours score 0; the query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    ItemNeighbours.similarTo(byTarget(), item, out);
  }
}
