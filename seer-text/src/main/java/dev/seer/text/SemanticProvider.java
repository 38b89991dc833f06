package dev.seer.text;

import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainerProvider;
import java.util.Map;

/** Registers {@link SemanticTrainer} with the algorithm registry (found by ServiceLoader). */
public final class SemanticProvider implements TrainerProvider {
  /** Creates the provider. */
  public SemanticProvider() {}

  @Override
  public String algorithm() {
    return SemanticTrainer.ALGORITHM;
  }

  @Override
  public Map<String, String> defaults() {
    return SemanticOptions.defaults().asMap();
  }

  @Override
  public Trainer<? extends Recommender> create(Map<String, String> options) {
    return new SemanticTrainer(SemanticOptions.parse(options));
  }
}
