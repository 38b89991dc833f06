package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class TwoTowerContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(
        new TwoTowerOptions(8, 8, 4, 0.2, 2, true, 0), TrainOptions.defaults().withEpochs(2));
  }

  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }
}
