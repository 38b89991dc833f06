package dev.seer.algorithms.graph;

import dev.seer.algorithms.ItemNeighbours;
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
 * RP3beta model: {@code score(u, j) = deg(u)^-α Σ_(i in u) W_ij}, the popularity-penalised
 * probability that a three-step random walk from the user ends at item {@code j}, over the kept
 * weights (see {@link Rp3BetaTrainer}). Immutable and thread-safe.
 */
public final class Rp3BetaModel implements Recommender, FoldIn, SimilarItems, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final SparseMatrix incoming;
  private final SparseMatrix outgoing;
  private final SparseMatrix train;
  private final double alpha;

  Rp3BetaModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      SparseMatrix incoming,
      SparseMatrix train,
      double alpha) {
    if (incoming.rows() != items.size()
        || incoming.cols() != items.size()
        || train.rows() != users.size()
        || train.cols() != items.size()) {
      throw new IllegalArgumentException("matrix shapes do not match the id indices");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.incoming = incoming;
    this.outgoing = incoming.transpose();
    this.train = train;
    this.alpha = alpha;
  }

  /**
   * Returns the kept weights by arriving item: row {@code j} holds {@code W_ij} for the items
   * {@code i} whose walks to {@code j} were kept.
   *
   * @return items x items (do not modify)
   */
  public SparseMatrix incoming() {
    return incoming;
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
   * Returns the transition exponent {@code alpha}.
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Returns a kept weight.
   *
   * @param i the item the walk leaves
   * @param j the item it reaches
   * @return {@code W_ij}, or 0 when not kept
   */
  public float weight(int i, int j) {
    return incoming.get(j, i);
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
   * <p>The walk is on the binary graph: values are ignored and an item listed twice counts once.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    UserItems ui = UserItems.of(items, values, incoming.rows());
    Arrays.fill(out, 0f);
    accumulate(ui.items(), 0, ui.size(), out);
  }

  private float userStep(int degree) {
    return degree == 0 ? 0f : (float) StrictMath.pow(degree, -alpha);
  }

  private void accumulate(int[] idx, int from, int to, float[] out) {
    float f = userStep(to - from);
    int[] ptr = outgoing.indptr();
    int[] dst = outgoing.indices();
    float[] val = outgoing.values();
    for (int q = from; q < to; q++) {
      int i = idx[q];
      for (int m = ptr[i]; m < ptr[i + 1]; m++) {
        out[dst[m]] += f * val[m];
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The kept weights {@code W_item,j} of the walks from the item: where they lead, penalised by
   * popularity. Other items score 0; the query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    ItemNeighbours.similarTo(outgoing, item, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reasons are the user's training items {@code i} with a kept weight {@code W_i,item},
   * each contributing {@code deg(u)^-α W_i,item}, largest first (ties to the lower index); they sum
   * to the score.
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || user < 0 || user >= train.rows() || item < 0 || item >= items.size()) {
      return List.of();
    }
    int[] idx = train.indices();
    float f = userStep(train.rowNnz(user));
    List<Reason> reasons = new ArrayList<>();
    for (int q = train.rowStart(user); q < train.rowEnd(user); q++) {
      int i = idx[q];
      float w = incoming.get(item, i);
      if (w > 0) {
        reasons.add(Reason.ofItem(i, f * w));
      }
    }
    return ItemNeighbours.strongest(reasons, max);
  }
}
