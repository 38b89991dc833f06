package dev.seer.store;

import dev.seer.api.SeerException;

/** The database failed or refused an operation for a reason that is not the caller's input. */
public class StoreException extends SeerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed
   * @param cause the JDBC error
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
