package dev.seer.api;

/** A malformed record in an input file, reported with the file, the line number and the reason. */
public class DataFormatException extends InputException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String reason;

  /**
   * Creates the error.
   *
   * @param file the file that holds the bad record
   * @param line the 1-based line number of the bad record
   * @param reason what is wrong with the record
   */
  public DataFormatException(String file, long line, String reason) {
    super(
        file
            + ":"
            + line
            + ": "
            + reason
            + " (fix the line, or pass --on-error skip to skip bad lines and report them)");
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /**
   * Returns the file that holds the bad record.
   *
   * @return the file name as given to the reader
   */
  public String file() {
    return file;
  }

  /**
   * Returns the line number of the bad record.
   *
   * @return the 1-based line number
   */
  public long line() {
    return line;
  }

  /**
   * Returns what is wrong with the record.
   *
   * @return the reason, without file and line
   */
  public String reason() {
    return reason;
  }
}
