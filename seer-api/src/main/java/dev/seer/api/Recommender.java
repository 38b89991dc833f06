package dev.seer.api;

/**
 * A trained model that scores items for users. Implementations are immutable and thread-safe. They
 * only score: the shared {@link Ranker} excludes seen items, applies filters and picks the top N.
 */
public interface Recommender {
  /**
   * Returns the model's provenance.
   *
   * @return the card
   */
  ModelCard card();

  /**
   * Returns the user index the model was trained with.
   *
   * @return users
   */
  IdIndex users();

  /**
   * Returns the item index the model scores over.
   *
   * @return items
   */
  IdIndex items();

  /**
   * Scores every item for a user. Higher is better. A user with no training data still gets scores
   * (for example, popularity), never an exception.
   *
   * @param user a user index in {@link #users()}
   * @param out receives one score per item; length {@code items().size()}
   */
  void score(int user, float[] out);
}
