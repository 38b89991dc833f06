package dev.seer.algorithms.knn;

import dev.seer.api.Trainer;
import dev.seer.testkit.TrainerContract;

/** The contract for item-knn with adjusted cosine similarity. */
class ItemKnnAdjustedCosineContractTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new ItemKnnTrainer(ItemKnnOptions.defaults().withSimilarity(Similarity.ADJUSTED_COSINE));
  }
}
