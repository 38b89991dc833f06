package dev.seer.eval;

import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import java.util.Map;

/**
 * A test model whose scores are given as a table: row u is user u's score of every item. It also
 * predicts a constant rating and, for fold-in, scores every item by its index (so a test can tell
 * which path was used).
 */
final class FixedScores implements Recommender, RatingPredictor, FoldIn {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final float[][] table;
  private final float rating;

  FixedScores(Interactions train, float[][] table, float rating) {
    this.card = ModelCard.create("fixed", Map.of("rating", Float.toString(rating)), 0, train);
    this.users = train.users();
    this.items = train.items();
    this.table = table;
    this.rating = rating;
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
    System.arraycopy(table[user], 0, out, 0, out.length);
  }

  @Override
  public float predict(int user, int item) {
    return rating;
  }

  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = -i;
    }
  }
}
