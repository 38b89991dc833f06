package dev.seer.server;

/** A request the server refuses, answered as an RFC 9457 problem document. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String field;

  /**
   * Creates a refusal.
   *
   * @param status HTTP status (4xx)
   * @param title short summary, for example {@code "Invalid request"}
   * @param detail one sentence: what was wrong and what to do
   * @param field the offending field or parameter, or {@code null}
   */
  public ApiException(int status, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  /**
   * A 400 naming a field.
   *
   * @param field the field
   * @param detail what is wrong
   * @return the exception
   */
  public static ApiException badField(String field, String detail) {
    return new ApiException(400, "Invalid request", detail, field);
  }

  /**
   * Returns the status.
   *
   * @return HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the title.
   *
   * @return title
   */
  public String title() {
    return title;
  }

  /**
   * Returns the offending field.
   *
   * @return field name or {@code null}
   */
  public String field() {
    return field;
  }
}
