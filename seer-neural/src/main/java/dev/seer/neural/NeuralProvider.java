package dev.seer.neural;

import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainerProvider;
import java.util.Map;

/**
 * Makes the neural trainers known to {@code Algorithms} (and so to {@code seer train} and the
 * server's background training jobs) through the {@link TrainerProvider} service: one provider per
 * algorithm, listed in {@code META-INF/services/dev.seer.api.TrainerProvider}.
 */
public abstract class NeuralProvider implements TrainerProvider {
  private final String algorithm;

  NeuralProvider(String algorithm) {
    this.algorithm = algorithm;
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public Map<String, String> defaults() {
    return NeuralTrainer.create(algorithm, Map.of()).asMap();
  }

  @Override
  public Trainer<? extends Recommender> create(Map<String, String> options) {
    return NeuralTrainer.create(algorithm, options);
  }

  /** SASRec. */
  public static final class SasRec extends NeuralProvider {
    /** Creates the provider. */
    public SasRec() {
      super(SasRecOptions.ALGORITHM);
    }
  }

  /** GRU4Rec (GRU or LSTM). */
  public static final class Gru4Rec extends NeuralProvider {
    /** Creates the provider. */
    public Gru4Rec() {
      super(Gru4RecOptions.ALGORITHM);
    }
  }

  /** Caser. */
  public static final class Caser extends NeuralProvider {
    /** Creates the provider. */
    public Caser() {
      super(CaserOptions.ALGORITHM);
    }
  }

  /** NeuMF. */
  public static final class NeuMf extends NeuralProvider {
    /** Creates the provider. */
    public NeuMf() {
      super(NeuMfOptions.ALGORITHM);
    }
  }

  /** Two-tower. */
  public static final class TwoTower extends NeuralProvider {
    /** Creates the provider. */
    public TwoTower() {
      super(TwoTowerOptions.ALGORITHM);
    }
  }
}
