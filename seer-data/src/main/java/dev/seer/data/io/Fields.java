package dev.seer.data.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * The fields of one record as byte ranges over a shared array, reused from line to line. Parses
 * numbers by hand and decodes text only when asked. Parse failures throw {@link LineError} with a
 * reason that names the field.
 */
final class Fields {
  private static final double[] POW10 = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17
  };

  byte[] data;
  int[] starts = new int[32];
  int[] ends = new int[32];
  int count;
  private final Charset charset;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Creates an empty field list.
   *
   * @param charset how text fields are decoded (UTF-8 is decoded strictly)
   */
  Fields(Charset charset) {
    this.charset = charset;
  }

  int count() {
    return count;
  }

  void clear(byte[] data) {
    this.data = data;
    count = 0;
  }

  void add(int s, int e) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = s;
    ends[count] = e;
    count++;
  }

  /** Splits a line on a one-byte delimiter (no quoting). */
  void split(byte[] line, int s, int e, byte delim) {
    clear(line);
    int f = s;
    for (int k = s; k < e; k++) {
      if (line[k] == delim) {
        add(f, k);
        f = k + 1;
      }
    }
    add(f, e);
  }

  /** Splits a line on the two-byte delimiter {@code ::} (MovieLens 1M). */
  void splitDoubleColon(byte[] line, int s, int e) {
    clear(line);
    int f = s;
    for (int k = s; k < e - 1; k++) {
      if (line[k] == ':' && line[k + 1] == ':') {
        add(f, k);
        k++;
        f = k + 1;
      }
    }
    add(f, e);
  }

  void expectCount(int n, String what) {
    if (count != n) {
      throw new LineError(
          "expected " + n + " fields (" + what + ") but found " + count + describeSplit());
    }
  }

  void expectAtLeast(int n, String what) {
    if (count < n) {
      throw new LineError(
          "expected at least " + n + " fields (" + what + ") but found " + count + describeSplit());
    }
  }

  private String describeSplit() {
    return count == 1 ? "; check the separator" : "";
  }

  int length(int i) {
    return ends[i] - starts[i];
  }

  boolean isEmpty(int i) {
    return ends[i] == starts[i];
  }

  /** Returns the field decoded as text. */
  String text(int i) {
    int s = starts[i];
    int len = ends[i] - s;
    if (len == 0) {
      return "";
    }
    if (charset != StandardCharsets.UTF_8) {
      return new String(data, s, len, charset);
    }
    boolean ascii = true;
    for (int k = s; k < s + len; k++) {
      if (data[k] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(data, s, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return strictUtf8.decode(ByteBuffer.wrap(data, s, len)).toString();
    } catch (CharacterCodingException e) {
      throw new LineError(
          "field "
              + (i + 1)
              + " is not valid UTF-8 (if the file is ISO-8859-1, convert it with iconv -f latin1"
              + " -t utf8)");
    }
  }

  /** Returns a short, printable excerpt of a field for error messages. */
  String quote(int i) {
    String t;
    try {
      t = text(i);
    } catch (LineError e) {
      t = new String(data, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
    }
    if (t.length() > 40) {
      t = t.substring(0, 40) + "...";
    }
    return "'" + t + "'";
  }

  /** Parses a non-empty id field. */
  void requireId(int i, String what) {
    if (isEmpty(i)) {
      throw new LineError("empty " + what + " (field " + (i + 1) + ")");
    }
  }

  /** Parses a decimal integer field. */
  long parseLong(int i, String what) {
    int s = starts[i];
    int e = ends[i];
    if (s == e) {
      throw new LineError("empty " + what + " (field " + (i + 1) + "); expected an integer");
    }
    boolean neg = false;
    if (data[s] == '-' || data[s] == '+') {
      neg = data[s] == '-';
      s++;
    }
    if (s == e || e - s > 18) {
      return slowLong(i, what);
    }
    long v = 0;
    for (int k = s; k < e; k++) {
      int d = data[k] - '0';
      if (d < 0 || d > 9) {
        return slowLong(i, what);
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  private long slowLong(int i, String what) {
    String t = text(i).trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(t);
        if (d == Math.rint(d) && Math.abs(d) < 9e18) {
          return (long) d;
        }
      } catch (NumberFormatException ignoredToo) {
        // reported below
      }
      throw new LineError(what + " " + quote(i) + " (field " + (i + 1) + ") is not an integer");
    }
  }

  /**
   * Parses a Unix-seconds timestamp; also accepts ISO-8601 instants, date-times and dates (UTC).
   */
  long parseTime(int i, String what) {
    int s = starts[i];
    int e = ends[i];
    boolean digits = s < e;
    for (int k = s; k < e && digits; k++) {
      digits = (data[k] >= '0' && data[k] <= '9') || (k == s && data[k] == '-');
    }
    if (digits) {
      return parseLong(i, what);
    }
    String t = text(i).trim();
    try {
      return Instant.parse(t).getEpochSecond();
    } catch (DateTimeParseException e1) {
      try {
        return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(t).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          try {
            return slowLong(i, what);
          } catch (LineError e4) {
            throw new LineError(
                what
                    + " "
                    + quote(i)
                    + " (field "
                    + (i + 1)
                    + ") is neither Unix seconds nor an ISO-8601 date/time");
          }
        }
      }
    }
  }

  /** Parses a finite decimal number. */
  float parseFloat(int i, String what) {
    int s = starts[i];
    int e = ends[i];
    if (s == e) {
      throw new LineError("empty " + what + " (field " + (i + 1) + "); expected a number");
    }
    boolean neg = false;
    if (data[s] == '-' || data[s] == '+') {
      neg = data[s] == '-';
      s++;
    }
    long mant = 0;
    int digits = 0;
    int frac = -1;
    for (int k = s; k < e; k++) {
      byte c = data[k];
      if (c >= '0' && c <= '9') {
        mant = mant * 10 + (c - '0');
        digits++;
        if (frac >= 0) {
          frac++;
        }
      } else if (c == '.' && frac < 0) {
        frac = 0;
      } else {
        return slowFloat(i, what);
      }
    }
    if (digits == 0 || digits > 17) {
      return slowFloat(i, what);
    }
    double v = frac > 0 ? mant / POW10[frac] : mant;
    return (float) (neg ? -v : v);
  }

  private float slowFloat(int i, String what) {
    String t = text(i).trim();
    float f;
    try {
      f = Float.parseFloat(t);
    } catch (NumberFormatException e) {
      throw new LineError(what + " " + quote(i) + " (field " + (i + 1) + ") is not a number");
    }
    if (!Float.isFinite(f)) {
      throw new LineError(
          what + " " + quote(i) + " (field " + (i + 1) + ") is not a finite number");
    }
    return f;
  }

  /** Parses a rating and checks its range. */
  float parseRating(int i, float min, float max) {
    float r = parseFloat(i, "rating");
    if (r < min || r > max) {
      throw new LineError(
          "rating " + quote(i) + " (field " + (i + 1) + ") is out of range " + min + ".." + max);
    }
    return r;
  }
}
