package dev.seer.data.io;

import java.util.Arrays;

/**
 * An RFC 4180 record parser over a {@link LineSource}, written for Seer. Fields are separated by a
 * one-byte delimiter; a field that starts with {@code "} is quoted: it may contain the delimiter,
 * {@code ""} for one quote, and line breaks (the record then continues on the next line, up to
 * {@link #MAX_RECORD_LINES} lines). A quote inside an unquoted field is kept as a literal
 * character. Text after a closing quote and an unclosed quote are errors.
 *
 * <p>Field bytes are copied, unescaped, into a scratch array that {@link Fields} points at.
 */
final class CsvRecords {
  /** How many physical lines one quoted record may span before it counts as an unclosed quote. */
  static final int MAX_RECORD_LINES = 100;

  private final LineSource src;
  private final byte delim;
  private byte[] scratch = new byte[1 << 12];
  private int used;
  private long recordLine;

  CsvRecords(LineSource src, byte delim) {
    this.src = src;
    this.delim = delim;
  }

  /** Returns the line on which the current record starts. */
  long recordLine() {
    return recordLine;
  }

  /**
   * Parses the line the source is positioned on (and following lines while a quoted field is open)
   * into {@code out}.
   *
   * @throws LineError for malformed quoting
   */
  void parse(Fields out) {
    recordLine = src.lineNumber();
    used = 0;
    byte[] line = src.buf();
    int k = src.start();
    int e = src.end();
    ensure(e - k + 1);
    out.clear(scratch);
    int spanned = 1;
    while (true) {
      int fieldStart = used;
      if (k < e && line[k] == '"') {
        k++;
        boolean closed = false;
        while (!closed) {
          while (k < e) {
            byte c = line[k];
            if (c == '"') {
              if (k + 1 < e && line[k + 1] == '"') {
                put(c);
                k += 2;
              } else {
                k++;
                closed = true;
                break;
              }
            } else {
              put(c);
              k++;
            }
          }
          if (!closed) {
            if (spanned >= MAX_RECORD_LINES || !src.next()) {
              out.data = scratch;
              throw new LineError(
                  "a quoted field (field "
                      + (out.count + 1)
                      + ") opened on this line is never closed"
                      + (spanned >= MAX_RECORD_LINES
                          ? " within " + MAX_RECORD_LINES + " lines"
                          : " before the end of the file"));
            }
            spanned++;
            put((byte) '\n');
            line = src.buf();
            k = src.start();
            e = src.end();
          }
        }
        out.data = scratch;
        out.add(fieldStart, used);
        if (k == e) {
          out.data = scratch;
          return;
        }
        if (line[k] != delim) {
          throw new LineError(
              "text after the closing quote of field "
                  + out.count
                  + "; a quote inside a quoted field must be doubled (\"\")");
        }
        k++;
      } else {
        while (k < e && line[k] != delim) {
          put(line[k]);
          k++;
        }
        out.data = scratch;
        out.add(fieldStart, used);
        if (k == e) {
          return;
        }
        k++;
      }
      if (k == e) {
        // Trailing delimiter: one more, empty field.
        out.add(used, used);
        return;
      }
    }
  }

  private void ensure(int n) {
    if (used + n > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, used + n));
    }
  }

  private void put(byte b) {
    if (used == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[used++] = b;
  }
}
