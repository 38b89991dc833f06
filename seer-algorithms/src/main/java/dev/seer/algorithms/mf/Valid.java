package dev.seer.algorithms.mf;

import dev.seer.api.InputException;

/** Validation of option values, with messages that name the option and the bad value. */
final class Valid {
  private Valid() {}

  static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InputException(
          name + "=" + value + " is not valid; give a number from " + min + " to " + max + ".");
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InputException(
          name + "=" + value + " is not valid; give a finite number of 0 or more.");
    }
  }

  /** Accepts {@code 0 < value <= max}. */
  static void positive(String name, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new InputException(
          name
              + "="
              + value
              + " is not valid; give a number above 0 and at most "
              + num(max)
              + ".");
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
