package dev.seer.api;

/** Base class of all exceptions Seer throws on purpose. */
public class SeerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message one sentence saying what went wrong
   */
  public SeerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message one sentence saying what went wrong
   * @param cause the underlying cause
   */
  public SeerException(String message, Throwable cause) {
    super(message, cause);
  }
}
