package dev.seer.data.io;

import dev.seer.api.DataFormatException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** The read loop shared by all line-oriented text formats. */
final class Delimited {
  private Delimited() {}

  /** How a line is cut into fields. */
  enum Separator {
    /** Tab, no quoting (MovieLens 100K, TSV). */
    TAB,
    /** Pipe, no quoting (MovieLens 100K metadata). */
    PIPE,
    /** The two characters {@code ::} (MovieLens 1M). */
    DOUBLE_COLON,
    /** Comma with RFC 4180 quoting. */
    CSV
  }

  /** Receives the fields of each record; throws {@link LineError} for a bad record. */
  interface RowHandler {
    /** Called with the header row when the file has one; a bad header fails the whole read. */
    default void header(Fields f) {}

    /** Called for each data record. */
    void row(Fields f);
  }

  /**
   * Reads a file and adds its report to the context.
   *
   * @return the report
   */
  static ReadReport read(
      Path file,
      Separator sep,
      Charset charset,
      boolean header,
      ReadContext ctx,
      RowHandler handler) {
    ReportCollector r = new ReportCollector(file.toString(), ctx.options);
    Fields f = new Fields(charset);
    try (LineSource src = LineSource.open(file, ctx.progress)) {
      CsvRecords csv = sep == Separator.CSV ? new CsvRecords(src, (byte) ',') : null;
      boolean needHeader = header;
      while (src.next()) {
        if (src.isBlank()) {
          r.ignored++;
          continue;
        }
        long line = src.lineNumber();
        try {
          switch (sep) {
            case TAB:
              f.split(src.buf(), src.start(), src.end(), (byte) '\t');
              break;
            case PIPE:
              f.split(src.buf(), src.start(), src.end(), (byte) '|');
              break;
            case DOUBLE_COLON:
              f.splitDoubleColon(src.buf(), src.start(), src.end());
              break;
            default:
              csv.parse(f);
              break;
          }
          if (needHeader) {
            needHeader = false;
            r.ignored++;
            try {
              handler.header(f);
            } catch (LineError e) {
              throw new DataFormatException(r.source(), line, e.reason());
            }
            continue;
          }
          handler.row(f);
          r.accepted++;
        } catch (LineError e) {
          r.error(line, e.reason());
        }
      }
      r.lines = src.lineNumber();
    }
    ReadReport report = r.build();
    ctx.reports.add(report);
    return report;
  }

  /** Finds a header column by name (exact, then ignoring case), or -1. */
  static int column(Fields header, String name) {
    for (int i = 0; i < header.count(); i++) {
      if (header.text(i).trim().equals(name)) {
        return i;
      }
    }
    for (int i = 0; i < header.count(); i++) {
      if (header.text(i).trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Finds a required header column or throws {@link LineError} listing the header. */
  static int requireColumn(Fields header, String name) {
    int c = column(header, name);
    if (c < 0) {
      StringBuilder cols = new StringBuilder();
      for (int i = 0; i < header.count(); i++) {
        cols.append(i == 0 ? "" : ", ").append(header.text(i));
      }
      throw new LineError(
          "the header has no column '" + name + "' (it has: " + cols + "); fix the header");
    }
    return c;
  }
}
