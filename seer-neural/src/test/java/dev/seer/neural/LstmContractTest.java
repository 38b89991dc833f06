package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class LstmContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(
        new Gru4RecOptions(8, Gru4RecOptions.Cell.LSTM, 6, 0.1, Loss.BCE, 1, 0.75),
        TrainOptions.defaults().withEpochs(2));
  }

  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }
}
