package dev.seer.data.io;

/**
 * A malformed record found while parsing one line; the reader loop turns it into a {@link
 * dev.seer.api.DataFormatException} or a skipped line. Carries no stack trace (it is control flow
 * for bad input, not a bug).
 */
final class LineError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LineError(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
