package dev.seer.algorithms.baseline;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link BiasedBaselineTrainer}.
 *
 * @param lambdaUser regularisation of user biases (shrinks users with few ratings towards 0), at
 *     least 0; default 15
 * @param lambdaItem regularisation of item biases, at least 0; default 10
 * @param iterations alternating passes (items, then users), 1 to 1000; default 10
 */
public record BiasedBaselineOptions(double lambdaUser, double lambdaItem, int iterations) {
  /** Validates the options. */
  public BiasedBaselineOptions {
    if (!(lambdaUser >= 0) || Double.isInfinite(lambdaUser)) {
      throw new InputException(
          "lambdaUser=" + lambdaUser + " is not valid; give a finite number of 0 or more.");
    }
    if (!(lambdaItem >= 0) || Double.isInfinite(lambdaItem)) {
      throw new InputException(
          "lambdaItem=" + lambdaItem + " is not valid; give a finite number of 0 or more.");
    }
    if (iterations < 1 || iterations > 1000) {
      throw new InputException(
          "iterations=" + iterations + " is not valid; give a number from 1 to 1000.");
    }
  }

  /**
   * Returns the defaults (lambdaUser 15, lambdaItem 10, 10 iterations), the usual choice for
   * explicit 1-5 star ratings.
   *
   * @return the defaults
   */
  public static BiasedBaselineOptions defaults() {
    return new BiasedBaselineOptions(15, 10, 10);
  }

  /**
   * Parses options from text, for example {@code lambdaUser=5,iterations=20}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static BiasedBaselineOptions parse(Map<String, String> options) {
    BiasedBaselineOptions d = defaults();
    OptionReader r = new OptionReader(BiasedBaselineTrainer.ALGORITHM, options);
    double lu = r.doubleValue("lambdaUser", d.lambdaUser());
    double li = r.doubleValue("lambdaItem", d.lambdaItem());
    int it = r.intValue("iterations", d.iterations());
    r.finish();
    return new BiasedBaselineOptions(lu, li, it);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lambdaUser", Double.toString(lambdaUser));
    m.put("lambdaItem", Double.toString(lambdaItem));
    m.put("iterations", Integer.toString(iterations));
    return m;
  }
}
