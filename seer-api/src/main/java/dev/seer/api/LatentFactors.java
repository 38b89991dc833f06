package dev.seer.api;

/**
 * Ability of factor models whose score is exactly a dot product: {@code score(u, i) = userVector(u)
 * · itemVector(i)}. It lets a server answer top-N queries with an approximate nearest-neighbour
 * index over the item vectors instead of scoring every item.
 */
public interface LatentFactors {
  /**
   * Returns the vector length.
   *
   * @return the number of factors (including any extra coordinate the model folds biases into)
   */
  int factors();

  /**
   * Copies a training user's vector.
   *
   * @param user user index
   * @param out receives {@link #factors()} values
   */
  void userVector(int user, float[] out);

  /**
   * Computes the vector of a user who is described by items, consistent with {@link
   * FoldIn#scoreItems} where the model has that ability.
   *
   * @param items item indices
   * @param values the weight or rating of each
   * @return a new vector of {@link #factors()} values
   */
  float[] userVectorFromItems(int[] items, float[] values);

  /**
   * Copies an item's vector.
   *
   * @param item item index
   * @param out receives {@link #factors()} values
   */
  void itemVector(int item, float[] out);
}
