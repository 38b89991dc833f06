package dev.seer.store;

import dev.seer.api.InputException;
import java.util.Locale;

/** Kinds of user events, with the default weight each adds to implicit training data. */
public enum EventType {
  /** The user saw the item's page. */
  VIEW(1),
  /** The user clicked the item. */
  CLICK(2),
  /** The user bought or enrolled. */
  PURCHASE(4),
  /** The user rated the item; the event's value is the rating. */
  RATING(0);

  private final float weight;

  EventType(float weight) {
    this.weight = weight;
  }

  /**
   * Returns the implicit weight (0 for ratings, which carry their own value).
   *
   * @return the weight
   */
  public float weight() {
    return weight;
  }

  /**
   * Returns the lowercase name.
   *
   * @return for example {@code view}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a type name.
   *
   * @param s {@code view}, {@code click}, {@code purchase} or {@code rating}
   * @return the type
   * @throws InputException for other names
   */
  public static EventType parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InputException(
          "Unknown event type '" + s + "'; use view, click, purchase or rating.");
    }
  }
}
