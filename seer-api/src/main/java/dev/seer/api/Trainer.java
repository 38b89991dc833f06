package dev.seer.api;

/**
 * Trains a model. Trainers are stateless and hold their options as an immutable record; calling
 * {@link #fit} twice with the same data and seed gives equal models.
 *
 * @param <M> the model type
 */
public interface Trainer<M extends Recommender> {
  /**
   * Returns the algorithm name written to model cards and model files.
   *
   * @return a short lowercase name such as {@code "item-knn"}
   */
  String algorithm();

  /**
   * Trains a model.
   *
   * @param train training interactions
   * @param context seed, metadata, progress and threads
   * @return the trained, immutable model
   */
  M fit(Interactions train, TrainingContext context);
}
