package dev.seer.neural;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class SasRecContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new NeuralTrainer(
        new SasRecOptions(8, 1, 2, 6, 0.1, Loss.BCE, 1, 0.75),
        TrainOptions.defaults().withEpochs(3));
  }

  @Override
  protected boolean foldInMatchesScore() {
    // fold-in reads the items in the order given; the contract passes them by item index, while
    // score(user) reads the training sequence in time order
    return false;
  }
}
