package dev.seer.api;

/**
 * A problem the user caused and can fix: bad input data, a bad option, a missing file. The message
 * is one clear sentence that says what was wrong, where, and what to do. Front ends show the
 * message without a stack trace (the CLI exits with status 2, the server answers 4xx).
 */
public class InputException extends SeerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an input error.
   *
   * @param message what was wrong, where, and what to do
   */
  public InputException(String message) {
    super(message);
  }

  /**
   * Creates an input error with a cause.
   *
   * @param message what was wrong, where, and what to do
   * @param cause the underlying cause
   */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
