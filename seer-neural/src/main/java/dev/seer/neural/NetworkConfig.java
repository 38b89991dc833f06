package dev.seer.neural;

import java.util.Map;

/** The options of one neural architecture: they name the algorithm and build its network. */
public interface NetworkConfig {
  /**
   * Returns the algorithm name.
   *
   * @return for example {@code "sasrec"}
   */
  String algorithm();

  /**
   * Returns the options as text, as written to model cards.
   *
   * @return option name to value
   */
  Map<String, String> asMap();

  /**
   * Builds the network for an index size.
   *
   * @param numUsers users in the index
   * @param numItems items in the index
   * @return the network
   */
  Network build(int numUsers, int numItems);
}
