package dev.seer.algorithms.baseline;

import dev.seer.algorithms.Checks;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Map;

/** Trains {@link RandomModel}s (algorithm {@value #ALGORITHM}); it takes no options. */
public final class RandomTrainer implements Trainer<RandomModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "random";

  /** Creates the trainer. */
  public RandomTrainer() {}

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public RandomModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    ModelCard card = ModelCard.create(ALGORITHM, Map.of(), context.seed(), train);
    return new RandomModel(card, train.users(), train.items(), context.seed());
  }
}
