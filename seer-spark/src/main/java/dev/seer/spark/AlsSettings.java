package dev.seer.spark;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark MLlib ALS settings.
 *
 * @param rank number of factors
 * @param regParam MLlib's regularisation; MLlib multiplies it by each user's (item's) number of
 *     observed entries (ALS-WR, Zhou et al. 2008), unlike Seer's constant λ
 * @param alpha confidence slope for implicit data ({@code c = 1 + α r})
 * @param iterations number of sweeps
 * @param implicitPrefs implicit (Hu, Koren and Volinsky) or explicit (rating) ALS
 * @param blocks user and item blocks (0: Spark's default, the parallelism)
 * @param seed random seed of the initial factors
 */
public record AlsSettings(
    int rank,
    double regParam,
    double alpha,
    int iterations,
    boolean implicitPrefs,
    int blocks,
    long seed) {
  /** Validates the settings. */
  public AlsSettings {
    if (rank < 1 || rank > 4096) {
      throw new InputException("rank=" + rank + " is not valid; give a number from 1 to 4096.");
    }
    if (!(regParam >= 0) || Double.isInfinite(regParam)) {
      throw new InputException(
          "regParam=" + regParam + " is not valid; give a finite number >= 0.");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new InputException("alpha=" + alpha + " is not valid; give a finite number >= 0.");
    }
    if (iterations < 1) {
      throw new InputException("iterations=" + iterations + " is not valid; give 1 or more.");
    }
    if (blocks < 0) {
      throw new InputException("blocks=" + blocks + " is not valid; give 0 (default) or more.");
    }
  }

  /**
   * The settings as text, for the model card.
   *
   * @return name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("trainer", "spark-mllib-als");
    m.put("factors", Integer.toString(rank));
    m.put("regParam", Double.toString(regParam));
    m.put("alpha", Double.toString(alpha));
    m.put("iterations", Integer.toString(iterations));
    m.put("implicitPrefs", Boolean.toString(implicitPrefs));
    m.put("blocks", Integer.toString(blocks));
    return m;
  }
}
