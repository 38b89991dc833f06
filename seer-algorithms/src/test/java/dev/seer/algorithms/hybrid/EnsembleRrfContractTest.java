package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

/** The contract for the reciprocal-rank-fusion ensemble. */
class EnsembleRrfContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return Algorithms.create(
        "ensemble", "components=ease(regularization=10)+item-knn+popularity,method=rrf");
  }
}
