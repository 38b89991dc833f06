package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class CaserContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(
        new CaserOptions(8, 3, 2, 2, 6, 0.2, Loss.BCE, 2, 0.75),
        TrainOptions.defaults().withEpochs(2));
  }

  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }
}
