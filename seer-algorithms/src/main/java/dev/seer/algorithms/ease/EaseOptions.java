package dev.seer.algorithms.ease;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link EaseTrainer}. The default {@code regularization} is the best of a search on a
 * validation split of MovieLens 1M ({@code docs/benchmarks/ml1m-implicit-tuning.tsv}); it grows
 * with the number of interactions per item, so other data may need another value.
 *
 * @param regularization Steck's {@code λ}, added to the diagonal of the Gram matrix {@code XᵀX};
 *     greater than 0; default {@value EaseOptions#DEFAULT_REGULARIZATION}
 */
public record EaseOptions(double regularization) {
  /** The default {@code λ}. */
  public static final double DEFAULT_REGULARIZATION = 1500.0;

  /** Validates the options. */
  public EaseOptions {
    if (!(regularization > 0) || Double.isInfinite(regularization)) {
      throw new InputException(
          "regularization="
              + regularization
              + " is not valid; give a finite number greater than 0.");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return {@code regularization} {@value #DEFAULT_REGULARIZATION}
   */
  public static EaseOptions defaults() {
    return new EaseOptions(DEFAULT_REGULARIZATION);
  }

  /**
   * Parses options from text, for example {@code regularization=300}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static EaseOptions parse(Map<String, String> options) {
    OptionReader r = new OptionReader(EaseTrainer.ALGORITHM, options);
    double l = r.doubleValue("regularization", DEFAULT_REGULARIZATION);
    r.finish();
    return new EaseOptions(l);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("regularization", Double.toString(regularization));
    return m;
  }
}
