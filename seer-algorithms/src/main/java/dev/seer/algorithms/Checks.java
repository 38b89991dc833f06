package dev.seer.algorithms;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.io.IOException;

/** Checks on training data that every trainer makes before it starts. */
public final class Checks {
  private Checks() {}

  /**
   * Rejects empty training data.
   *
   * @param train training interactions
   * @param algorithm the algorithm name for the message
   * @throws InputException if there are no rows or no users or items
   */
  public static void requireNonEmpty(Interactions train, String algorithm) {
    if (train == null || train.size() == 0 || train.numUsers() == 0 || train.numItems() == 0) {
      throw new InputException(
          "The training data for "
              + algorithm
              + " is empty; give it at least one interaction (check the input file and filters).");
    }
  }

  /**
   * Rejects implicit training data.
   *
   * @param train training interactions
   * @param what what needs the ratings, for the message (for example {@code "bias-baseline"})
   * @throws InputException if the rows carry no ratings
   */
  public static void requireRatings(Interactions train, String what) {
    if (!train.hasRatings()) {
      throw new InputException(
          what
              + " needs explicit ratings but the training data has none; use a rated dataset"
              + " or another algorithm.");
    }
  }

  /**
   * Checks that an array length stored in a model payload is the one the model needs.
   *
   * @param n the stored length
   * @param expected the length it must have
   * @param what what the array holds, for the message
   * @throws IOException if they differ
   */
  public static void requireLength(int n, int expected, String what) throws IOException {
    if (n != expected) {
      throw new IOException(
          "corrupt payload: " + what + " has " + n + " entries, expected " + expected);
    }
  }
}
