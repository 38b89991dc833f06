package dev.seer.algorithms.baseline;

import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.List;

/**
 * Scores every item by the number of distinct training users who interacted with it, the same for
 * every user. Immutable and thread-safe.
 */
public final class PopularityModel implements Recommender, FoldIn, Explainable {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final float[] counts;

  PopularityModel(ModelCard card, IdIndex users, IdIndex items, float[] counts) {
    if (counts.length != items.size()) {
      throw new IllegalArgumentException("one count per item is needed");
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.counts = counts;
  }

  /**
   * Returns how many distinct training users interacted with an item.
   *
   * @param item item index
   * @return the count
   */
  public float count(int item) {
    return counts[item];
  }

  float[] counts() {
    return counts;
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
    System.arraycopy(counts, 0, out, 0, counts.length);
  }

  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    System.arraycopy(counts, 0, out, 0, counts.length);
  }

  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0) {
      return List.of();
    }
    return List.of(new Reason("popularity", -1, "", counts[item]));
  }
}
