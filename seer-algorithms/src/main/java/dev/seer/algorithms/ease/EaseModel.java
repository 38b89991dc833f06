package dev.seer.algorithms.ease;

import dev.seer.algorithms.UserItems;
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
 * EASE model: {@code score(u, j) = Σ_i x_ui B_ij}, the user's binary row times the item-item
 * weights (see {@link EaseTrainer}). Immutable and thread-safe.
 */
public final class EaseModel implements Recommender, FoldIn, SimilarItems, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final int n;
  private final float[] weights;
  private final SparseMatrix train;

  EaseModel(ModelCard card, IdIndex users, IdIndex items, float[] weights, SparseMatrix train) {
    int n = items.size();
    if (weights.length != (long) n * n || train.rows() != users.size() || train.cols() != n) {
      throw new IllegalArgumentException("weight and matrix shapes do not match the id indices");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.n = n;
    this.weights = weights;
    this.train = train;
  }

  /**
   * Returns the weights {@code B}, row-major: {@code B_ij} is at {@code i * n + j}, with a zero
   * diagonal.
   *
   * @return items x items (do not modify)
   */
  public float[] weights() {
    return weights;
  }

  /**
   * Returns one weight.
   *
   * @param i the item a user has
   * @param j the item scored
   * @return {@code B_ij}
   */
  public float weight(int i, int j) {
    return weights[i * n + j];
  }

  /**
   * Returns the training interactions the model scores from.
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
    Arrays.fill(out, 0f);
    if (user >= 0 && user < train.rows()) {
      accumulate(train.indices(), train.rowStart(user), train.rowEnd(user), out);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>EASE's input is binary: values are ignored and an item listed twice counts once.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    UserItems ui = UserItems.of(items, values, n);
    Arrays.fill(out, 0f);
    accumulate(ui.items(), 0, ui.size(), out);
  }

  private void accumulate(int[] idx, int from, int to, float[] out) {
    for (int q = from; q < to; q++) {
      int o = idx[q] * n;
      for (int j = 0; j < n; j++) {
        out[j] += weights[o + j];
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Row {@code item} of {@code B}: how much having the item adds to each other item's score; the
   * query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    System.arraycopy(weights, item * n, out, 0, n);
    out[item] = Float.NEGATIVE_INFINITY;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code j} with a positive weight {@code B_ji},
   * largest first (ties to the lower index). All the user's weights, negative ones included, sum to
   * the score.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= train.rows() || item < 0 || item >= n) {
      return List.of();
    }
    int[] idx = train.indices();
    List<Reason> reasons = new ArrayList<>();
    for (int q = train.rowStart(user); q < train.rowEnd(user); q++) {
      int j = idx[q];
      float w = weights[j * n + item];
      if (w > 0) {
        reasons.add(Reason.ofItem(j, w));
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
