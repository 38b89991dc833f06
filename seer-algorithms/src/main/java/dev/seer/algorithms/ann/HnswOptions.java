package dev.seer.algorithms.ann;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of an {@link HnswIndex}, validated on construction.
 *
 * @param m links per item on the upper layers ({@code M} in the paper), 2 to 512; the bottom layer
 *     keeps up to {@code 2 m}. More links give better recall and slower builds; default 16
 * @param efConstruction size of the candidate list while building, from {@code m} to 100000; larger
 *     builds a better graph, more slowly; default 200
 * @param efSearch default size of the candidate list while searching, 1 to 100000; larger finds
 *     more of the true nearest neighbours, more slowly. A search always uses at least {@code k};
 *     default 100
 * @param seed seed of the random layer assignment; the same seed and data give the same graph
 */
public record HnswOptions(int m, int efConstruction, int efSearch, long seed) {
  /** Largest {@code m}. */
  public static final int MAX_M = 512;

  /** Largest {@code efConstruction} and {@code efSearch}. */
  public static final int MAX_EF = 100_000;

  /** Validates the options. */
  public HnswOptions {
    if (m < 2 || m > MAX_M) {
      throw new InputException(
          "m=" + m + " is not valid; give a number from 2 to " + MAX_M + " (16 suits most data).");
    }
    if (efConstruction < m || efConstruction > MAX_EF) {
      throw new InputException(
          "efConstruction="
              + efConstruction
              + " is not valid; give a number from m ("
              + m
              + ") to "
              + MAX_EF
              + ".");
    }
    if (efSearch < 1 || efSearch > MAX_EF) {
      throw new InputException(
          "efSearch=" + efSearch + " is not valid; give a number from 1 to " + MAX_EF + ".");
    }
  }

  /**
   * Returns the defaults ({@code m} 16, {@code efConstruction} 200, {@code efSearch} 100) with a
   * seed.
   *
   * @param seed the seed
   * @return the defaults
   */
  public static HnswOptions defaults(long seed) {
    return new HnswOptions(16, 200, 100, seed);
  }

  /**
   * Returns a copy with another {@code m}.
   *
   * @param value links per item
   * @return the new options
   */
  public HnswOptions withM(int value) {
    return new HnswOptions(value, efConstruction, efSearch, seed);
  }

  /**
   * Returns a copy with another {@code efConstruction}.
   *
   * @param value the build candidate list size
   * @return the new options
   */
  public HnswOptions withEfConstruction(int value) {
    return new HnswOptions(m, value, efSearch, seed);
  }

  /**
   * Returns a copy with another default {@code efSearch}.
   *
   * @param value the search candidate list size
   * @return the new options
   */
  public HnswOptions withEfSearch(int value) {
    return new HnswOptions(m, efConstruction, value, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value the seed
   * @return the new options
   */
  public HnswOptions withSeed(long value) {
    return new HnswOptions(m, efConstruction, efSearch, value);
  }

  /**
   * Parses options from text, for example {@code m=32,efSearch=200}; absent options keep their
   * defaults.
   *
   * @param options option values
   * @param seed the seed, used unless the options give {@code seed}
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static HnswOptions parse(Map<String, String> options, long seed) {
    HnswOptions d = defaults(seed);
    OptionReader r = new OptionReader("hnsw", options);
    int m = r.intValue("m", d.m());
    int efc = r.intValue("efConstruction", d.efConstruction());
    int efs = r.intValue("efSearch", d.efSearch());
    String s = r.text("seed", null);
    r.finish();
    long sd = seed;
    if (s != null) {
      try {
        sd = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new InputException(
            "Option seed=" + s + " for algorithm 'hnsw' is not valid; it must be an integer.");
      }
    }
    return new HnswOptions(m, efc, efs, sd);
  }

  /**
   * Returns the options as text, as accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("m", Integer.toString(m));
    out.put("efConstruction", Integer.toString(efConstruction));
    out.put("efSearch", Integer.toString(efSearch));
    out.put("seed", Long.toString(seed));
    return out;
  }
}
