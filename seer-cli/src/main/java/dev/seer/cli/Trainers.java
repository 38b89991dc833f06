package dev.seer.cli;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.neural.NeuralAlgorithms;
import dev.seer.neural.NeuralTrainer;
import java.util.Map;

/** Creates trainers by name: the neural ones from seer-neural, the rest from {@link Algorithms}. */
final class Trainers {
  private Trainers() {}

  static Trainer<? extends Recommender> create(String name, Map<String, String> options) {
    if (NeuralAlgorithms.names().contains(name)) {
      return NeuralTrainer.create(name, options);
    }
    return Algorithms.create(name, options);
  }
}
