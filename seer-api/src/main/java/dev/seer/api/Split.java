package dev.seer.api;

/**
 * A train/test split. All parts share the same {@link IdIndex} objects.
 *
 * @param name how the split was made, with its parameters and seed (for reports)
 * @param train what models train on
 * @param validation for tuning, possibly empty
 * @param test what models are judged on
 * @param foldIn for user hold-out splits: the held-out users' known interactions, given to the
 *     model at recommendation time but never trained on; empty otherwise
 */
public record Split(
    String name,
    Interactions train,
    Interactions validation,
    Interactions test,
    Interactions foldIn) {
  /** Checks that all parts share indices. */
  public Split {
    for (Interactions part : new Interactions[] {validation, test, foldIn}) {
      if (part.users() != train.users() || part.items() != train.items()) {
        throw new IllegalArgumentException("all parts of a split must share the same id indices");
      }
    }
  }

  /**
   * Creates a split with no validation and no fold-in part.
   *
   * @param name description
   * @param train training part
   * @param test test part
   * @return the split
   */
  public static Split of(String name, Interactions train, Interactions test) {
    Interactions empty = train.select(new int[0]);
    return new Split(name, train, empty, test, empty);
  }

  /**
   * Tells whether this is a user hold-out split (has a fold-in part).
   *
   * @return true when fold-in rows exist
   */
  public boolean hasFoldIn() {
    return foldIn.size() > 0;
  }
}
