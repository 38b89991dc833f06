package dev.seer.api;

/** Ability to predict the rating a user would give an item (for RMSE and MAE). */
public interface RatingPredictor {
  /**
   * Predicts a rating.
   *
   * @param user user index
   * @param item item index
   * @return the predicted rating on the training data's scale
   */
  float predict(int user, int item);
}
