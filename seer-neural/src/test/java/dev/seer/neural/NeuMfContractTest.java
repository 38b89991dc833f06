package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class NeuMfContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(new NeuMfOptions(4, "8/4", 2), TrainOptions.defaults().withEpochs(2));
  }

  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }
}
