package dev.seer.api;

import java.util.Map;

/**
 * Contributes a trainer to the algorithm registry from a module that the registry does not depend
 * on (for example the semantic recommender of {@code seer-text}). Implementations are found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.seer.api.TrainerProvider}, and
 * their models are stored through a {@link ModelCodec} registered the same way.
 */
public interface TrainerProvider {
  /**
   * Returns the algorithm name, the same as the trainer's and the codec's.
   *
   * @return a name such as {@code semantic}
   */
  String algorithm();

  /**
   * Returns the options with their default values, as text, in documentation order.
   *
   * @return option name to default value
   */
  Map<String, String> defaults();

  /**
   * Creates a trainer.
   *
   * @param options option values as text; absent options take their defaults
   * @return the trainer
   * @throws InputException if an option is unknown or a value is bad
   */
  Trainer<? extends Recommender> create(Map<String, String> options);
}
