package dev.seer.algorithms.knn;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

/** The contract for item-knn with Jaccard similarity, few neighbours and rating weights. */
class ItemKnnJaccardContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new ItemKnnTrainer(new ItemKnnOptions(3, Similarity.JACCARD, 2, true, 3));
  }
}
