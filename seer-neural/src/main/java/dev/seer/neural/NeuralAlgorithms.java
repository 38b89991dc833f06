package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.List;
import java.util.Map;

/** The neural algorithms by name, for front ends and for reading model files. */
public final class NeuralAlgorithms {
  private NeuralAlgorithms() {}

  /**
   * Returns the algorithm names.
   *
   * @return names such as {@code sasrec}
   */
  public static List<String> names() {
    return List.of(
        SasRecOptions.ALGORITHM,
        Gru4RecOptions.ALGORITHM,
        CaserOptions.ALGORITHM,
        NeuMfOptions.ALGORITHM,
        TwoTowerOptions.ALGORITHM);
  }

  static NetworkConfig parse(String algorithm, Opts r) {
    return switch (algorithm) {
      case SasRecOptions.ALGORITHM -> SasRecOptions.parse(r);
      case Gru4RecOptions.ALGORITHM -> Gru4RecOptions.parse(r);
      case CaserOptions.ALGORITHM -> CaserOptions.parse(r);
      case NeuMfOptions.ALGORITHM -> NeuMfOptions.parse(r);
      case TwoTowerOptions.ALGORITHM -> TwoTowerOptions.parse(r);
      default ->
          throw new InputException(
              "Unknown neural algorithm '" + algorithm + "'; known: " + names() + ".");
    };
  }

  /**
   * Rebuilds an architecture's options from a model card's options (other names are ignored).
   *
   * @param algorithm the algorithm
   * @param options the card's options
   * @return the options
   */
  static NetworkConfig fromCard(String algorithm, Map<String, String> options) {
    return parse(algorithm, new Opts(algorithm, options));
  }
}
