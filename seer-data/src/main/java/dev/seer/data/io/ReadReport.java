package dev.seer.data.io;

import java.util.List;

/**
 * What a reader did with one file: lines read, records accepted and skipped, the first skipped
 * lines as {@code file:line: reason} examples, and notes (for example which file stood in for a
 * missing one). Header and blank lines are counted in {@link #lines()} but are neither accepted nor
 * skipped; they are counted by {@link #ignored()}.
 */
public final class ReadReport {
  private final String source;
  private final long lines;
  private final long accepted;
  private final long skipped;
  private final long ignored;
  private final List<String> examples;
  private final List<String> notes;

  /**
   * Creates a report.
   *
   * @param source the file as given to the reader
   * @param lines physical lines read
   * @param accepted records kept
   * @param skipped malformed records skipped
   * @param ignored header and blank lines
   * @param examples the first skipped records, as {@code file:line: reason}
   * @param notes other remarks
   */
  public ReadReport(
      String source,
      long lines,
      long accepted,
      long skipped,
      long ignored,
      List<String> examples,
      List<String> notes) {
    if (source == null || lines < 0 || accepted < 0 || skipped < 0 || ignored < 0) {
      throw new IllegalArgumentException("report counts must be >= 0 and source non-null");
    }
    this.source = source;
    this.lines = lines;
    this.accepted = accepted;
    this.skipped = skipped;
    this.ignored = ignored;
    this.examples = examples == null ? List.of() : List.copyOf(examples);
    this.notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /**
   * Returns the file this report is about.
   *
   * @return the path as given to the reader
   */
  public String source() {
    return source;
  }

  /**
   * Returns the number of physical lines read.
   *
   * @return lines
   */
  public long lines() {
    return lines;
  }

  /**
   * Returns the number of records kept.
   *
   * @return accepted records
   */
  public long accepted() {
    return accepted;
  }

  /**
   * Returns the number of malformed records skipped (always 0 under {@link ErrorPolicy#FAIL}).
   *
   * @return skipped records
   */
  public long skipped() {
    return skipped;
  }

  /**
   * Returns the number of header and blank lines.
   *
   * @return ignored lines
   */
  public long ignored() {
    return ignored;
  }

  /**
   * Returns the first skipped records.
   *
   * @return {@code file:line: reason} strings
   */
  public List<String> examples() {
    return examples;
  }

  /**
   * Returns remarks about the read (substituted files, truncated texts, ...).
   *
   * @return notes, possibly empty
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * Returns a one-line human summary.
   *
   * @return for example {@code u.data: 100000 lines, 100000 accepted, 0 skipped}
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(source)
        .append(": ")
        .append(lines)
        .append(lines == 1 ? " line, " : " lines, ")
        .append(accepted)
        .append(" accepted, ")
        .append(skipped)
        .append(" skipped");
    if (ignored > 0) {
      sb.append(", ").append(ignored).append(" header/blank");
    }
    for (String n : notes) {
      sb.append("; ").append(n);
    }
    if (!examples.isEmpty()) {
      sb.append("; first skipped: ").append(examples.get(0));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
