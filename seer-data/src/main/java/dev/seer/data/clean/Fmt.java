package dev.seer.data.clean;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for reports. */
final class Fmt {
  private Fmt() {}

  /**
   * Formats a number with at most four decimals and no trailing zeros.
   *
   * @param x the number
   * @return the text
   */
  static String num(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.toString(x);
    }
    BigDecimal d = BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /**
   * Builds the error for a rating step applied to implicit data.
   *
   * @param step the step description
   * @return the exception to throw
   */
  static dev.seer.api.InputException needsRatings(String step) {
    return new dev.seer.api.InputException(
        "The cleaning step "
            + step
            + " needs ratings, but the data has none (it is implicit, or an earlier"
            + " implicitThreshold step dropped them); remove the step or read data with ratings.");
  }
}
