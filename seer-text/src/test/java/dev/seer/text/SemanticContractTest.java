package dev.seer.text;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

class SemanticContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new SemanticTrainer(new SemanticOptions("hash-64", 1000, 8, "above-mean"));
  }
}
