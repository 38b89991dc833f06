package dev.seer.algorithms;

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
import java.util.List;

/**
 * What the item-to-item models (item-kNN, RP3beta) share: {@code score(u, t) = f(|u|) Σ_(s in u)
 * w(r(u, s)) W(s → t)} over a sparse item-by-item weight matrix, with reasons that are the user's
 * items {@code s} and their terms, which sum to the score. Subclasses say what {@code f} (a factor
 * from the number of the user's items) and {@code w} (the weight of an item from its value) are.
 * Immutable and thread-safe.
 */
public abstract class ItemToItemModel implements Recommender, FoldIn, SimilarItems, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final SparseMatrix byTarget;
  private final SparseMatrix bySource;
  private final SparseMatrix train;

  /**
   * Creates the model.
   *
   * @param card the model card
   * @param users the user index
   * @param items the item index
   * @param byTarget items x items: row {@code t} holds {@code W(s → t)} for the items {@code s}
   *     that lead to {@code t}
   * @param train users x items: the training interactions the model scores from
   */
  protected ItemToItemModel(
      ModelCard card, IdIndex users, IdIndex items, SparseMatrix byTarget, SparseMatrix train) {
    if (byTarget.rows() != items.size()
        || byTarget.cols() != items.size()
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException("matrix shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.byTarget = byTarget;
    this.bySource = byTarget.transpose();
    this.train = train;
  }

  /**
   * Returns the factor applied to all of a user's terms.
   *
   * @param count how many items the user has
   * @return the factor
   */
  protected abstract float userFactor(int count);

  /**
   * Returns the weight of one of the user's items.
   *
   * @param value the item's value (rating, or 1)
   * @return the weight
   */
  protected abstract float itemWeight(float value);

  /**
   * Returns the weights by target item: row {@code t} holds {@code W(s → t)}.
   *
   * @return items x items (do not modify)
   */
  protected final SparseMatrix byTarget() {
    return byTarget;
  }

  /**
   * Returns the weights by source item: row {@code s} holds {@code W(s → t)}.
   *
   * @return items x items (do not modify)
   */
  protected final SparseMatrix bySource() {
    return bySource;
  }

  /**
   * Returns the training interactions the model scores from.
   *
   * @return users x items (do not modify)
   */
  public final SparseMatrix train() {
    return train;
  }

  @Override
  public final ModelCard card() {
    return card;
  }

  @Override
  public final IdIndex users() {
    return users;
  }

  @Override
  public final IdIndex items() {
    return items;
  }

  @Override
  public final void score(int user, float[] out) {
    Arrays.fill(out, 0f);
    if (user >= 0 && user < train.rows()) {
      accumulate(train.indices(), train.values(), train.rowStart(user), train.rowEnd(user), out);
    }
  }

  /**
   * Adds the terms of items {@code idx[from..to)} with values {@code vals} ({@code null} for all
   * ones) to {@code out}.
   *
   * @param idx item indices
   * @param vals their values, or {@code null}
   * @param from first position
   * @param to end position (exclusive)
   * @param out one score per item
   */
  protected final void accumulate(int[] idx, float[] vals, int from, int to, float[] out) {
    float f = userFactor(to - from);
    int[] ptr = bySource.indptr();
    int[] dst = bySource.indices();
    float[] val = bySource.values();
    for (int k = from; k < to; k++) {
      int s = idx[k];
      float w = f * itemWeight(vals == null ? 1f : vals[k]);
      for (int m = ptr[s]; m < ptr[s + 1]; m++) {
        out[dst[m]] += val[m] * w;
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code s} with a non-zero weight {@code W(s →
   * item)}, each contributing its term of the score, largest first (ties to the lower index); they
   * sum to the score.
   */
  @Override
  public final List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= train.rows() || item < 0 || item >= items.size()) {
      return List.of();
    }
    int[] idx = train.indices();
    float[] vals = train.values();
    float f = userFactor(train.rowNnz(user));
    List<Reason> reasons = new ArrayList<>();
    for (int k = train.rowStart(user); k < train.rowEnd(user); k++) {
      int s = idx[k];
      float weight = byTarget.get(item, s);
      if (weight != 0) {
        reasons.add(Reason.ofItem(s, (double) weight * (f * itemWeight(vals[k]))));
      }
    }
    return ItemNeighbours.strongest(reasons, max);
  }
}
