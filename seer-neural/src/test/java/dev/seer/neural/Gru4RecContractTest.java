package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class Gru4RecContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(
        new Gru4RecOptions(8, Gru4RecOptions.Cell.GRU, 6, 0.1, Loss.SAMPLED_SOFTMAX, 4, 0.75),
        TrainOptions.defaults().withEpochs(2));
  }

  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }
}
