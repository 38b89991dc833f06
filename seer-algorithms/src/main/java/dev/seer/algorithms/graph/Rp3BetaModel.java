package dev.seer.algorithms.graph;

import dev.seer.algorithms.ItemNeighbours;
import dev.seer.algorithms.ItemToItemModel;
import dev.seer.algorithms.UserItems;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;

/**
 * RP3beta model: {@code score(u, j) = deg(u)^-α Σ_(i in u) W_ij}, the popularity-penalised
 * probability that a three-step random walk from the user ends at item {@code j}, over the kept
 * weights (see {@link Rp3BetaTrainer}); the reasons are the user's items {@code i} with their terms
 * {@code deg(u)^-α W_i,item}. Immutable and thread-safe.
 */
public final class Rp3BetaModel extends ItemToItemModel {
  private final double alpha;

  Rp3BetaModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      SparseMatrix incoming,
      SparseMatrix train,
      double alpha) {
    super(card, users, items, incoming, train);
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0");
    }
    this.alpha = alpha;
  }

  @Override
  protected float userFactor(int count) {
    return count == 0 ? 0f : (float) StrictMath.pow(count, -alpha);
  }

  @Override
  protected float itemWeight(float value) {
    return 1f;
  }

  /**
   * Returns the kept weights by arriving item: row {@code j} holds {@code W_ij} for the items
   * {@code i} whose walks to {@code j} were kept.
   *
   * @return items x items (do not modify)
   */
  public SparseMatrix incoming() {
    return byTarget();
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
    return byTarget().get(j, i);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The walk is on the binary graph: values are ignored and an item listed twice counts once.
   */
  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    UserItems ui = UserItems.of(items, values, byTarget().rows());
    Arrays.fill(out, 0f);
    accumulate(ui.items(), null, 0, ui.size(), out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The kept weights {@code W_item,j} of the walks from the item: where they lead, penalised by
   * popularity. Other items score 0; the query item itself scores negative infinity.
   */
  @Override
  public void similarTo(int item, float[] out) {
    ItemNeighbours.similarTo(bySource(), item, out);
  }
}
