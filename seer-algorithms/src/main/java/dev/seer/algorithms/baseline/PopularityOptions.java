package dev.seer.algorithms.baseline;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link PopularityTrainer}.
 *
 * @param minRating count only rows whose rating is at least this; {@code NaN} (the default, shown
 *     as {@code none}) counts every row
 */
public record PopularityOptions(double minRating) {
  /** Validates the options. */
  public PopularityOptions {
    if (Double.isInfinite(minRating)) {
      throw new InputException(
          "minRating=" + minRating + " is not valid; give a finite rating threshold or none.");
    }
  }

  /**
   * Returns the defaults: every row counts.
   *
   * @return the defaults
   */
  public static PopularityOptions defaults() {
    return new PopularityOptions(Double.NaN);
  }

  /**
   * Tells whether a rating threshold is set.
   *
   * @return true when only rows rated at least {@link #minRating()} count
   */
  public boolean hasMinRating() {
    return !Double.isNaN(minRating);
  }

  /**
   * Parses options from text ({@code minRating=4} or {@code minRating=none}).
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static PopularityOptions parse(Map<String, String> options) {
    OptionReader r = new OptionReader(PopularityTrainer.ALGORITHM, options);
    String t = r.text("minRating", "none");
    r.finish();
    if (t.equalsIgnoreCase("none")) {
      return defaults();
    }
    try {
      return new PopularityOptions(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new InputException(
          "Option minRating="
              + t
              + " for algorithm 'popularity' is not valid; it must be a number or none.");
    }
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("minRating", hasMinRating() ? Double.toString(minRating) : "none");
    return m;
  }
}
