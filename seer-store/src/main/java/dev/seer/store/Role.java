package dev.seer.store;

import dev.seer.api.InputException;
import java.util.Locale;

/** What an API key may do within its application. */
public enum Role {
  /** Everything: catalogue, users, models, keys, events, reads. */
  ADMIN,
  /** Send events and read recommendations. */
  INGEST,
  /** Read recommendations only. */
  READ;

  /**
   * Tells whether this role includes another.
   *
   * @param needed the role an operation needs
   * @return true if allowed
   */
  public boolean allows(Role needed) {
    return ordinal() <= needed.ordinal();
  }

  /**
   * Parses a role name.
   *
   * @param s {@code admin}, {@code ingest} or {@code read}
   * @return the role
   * @throws InputException for other names
   */
  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InputException("Unknown role '" + s + "'; use admin, ingest or read.");
    }
  }

  /**
   * Returns the lowercase name.
   *
   * @return for example {@code admin}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
