package dev.seer.neural;

import dev.seer.api.InputException;

/** Shared validation of option values. */
final class Checks {
  private Checks() {}

  static void atLeast(String name, int v, int min) {
    if (v < min) {
      throw new InputException(name + "=" + v + " is not valid; give " + min + " or more.");
    }
  }

  static void rate(String name, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new InputException(name + "=" + v + " is not valid; give a number in [0, 1).");
    }
  }

  static void common(
      int dims, int maxLength, double dropout, Loss loss, int negatives, double gbceT) {
    atLeast("dims", dims, 1);
    atLeast("max-length", maxLength, 2);
    rate("dropout", dropout);
    atLeast("negatives", negatives, 1);
    if (loss == null) {
      throw new InputException("loss must be given: bce, gbce or sampled-softmax.");
    }
    if (!(gbceT >= 0 && gbceT <= 1)) {
      throw new InputException("gbce-t=" + gbceT + " is not valid; give a number in [0, 1].");
    }
  }
}
