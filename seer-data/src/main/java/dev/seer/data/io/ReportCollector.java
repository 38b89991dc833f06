package dev.seer.data.io;

import dev.seer.api.DataFormatException;
import java.util.ArrayList;
import java.util.List;

/** Counts what happens while one file is read and applies the error policy. Not thread-safe. */
final class ReportCollector {
  private final String source;
  private final ReadOptions options;
  private final List<String> examples = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  long lines;
  long accepted;
  long skipped;
  long ignored;

  ReportCollector(String source, ReadOptions options) {
    this.source = source;
    this.options = options;
  }

  String source() {
    return source;
  }

  /**
   * Records a malformed record: throws under FAIL, counts it under SKIP.
   *
   * @param line 1-based line number
   * @param reason what is wrong
   */
  void error(long line, String reason) {
    if (options.onError() == ErrorPolicy.FAIL) {
      throw new DataFormatException(source, line, reason);
    }
    skipped++;
    if (examples.size() < options.maxExamples()) {
      examples.add(source + ":" + line + ": " + reason);
    }
  }

  void note(String note) {
    notes.add(note);
  }

  ReadReport build() {
    return new ReadReport(source, lines, accepted, skipped, ignored, examples, notes);
  }
}
