package dev.seer.data.io;

import dev.seer.api.DataFormatException;
import dev.seer.api.InputException;
import dev.seer.api.ProgressListener;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a file line by line as bytes, without creating an object per line. Gzip input is detected
 * by its magic bytes and decompressed transparently. After {@link #next()} returns true, the line
 * is {@code buf()[start()..end())} without its {@code \n} or {@code \r\n}; the bytes stay valid
 * until the next call. A UTF-8 byte order mark at the start of the file is dropped.
 */
final class LineSource implements Closeable {
  private static final int PROGRESS_EVERY = 1 << 16;

  private final String name;
  private final InputStream in;
  private final CountingStream counted;
  private final long totalBytes;
  private final ProgressListener progress;
  private final String task;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long lineNumber;

  private LineSource(Path path, ProgressListener progress) throws IOException {
    this.name = path.toString();
    this.totalBytes = Files.size(path);
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.task = "reading " + path.getFileName();
    this.counted = new CountingStream(Files.newInputStream(path));
    BufferedInputStream raw = new BufferedInputStream(counted, 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      this.in = new GZIPInputStream(raw, 1 << 16);
    } else {
      this.in = raw;
    }
  }

  /**
   * Opens a file for reading.
   *
   * @param path the file
   * @param progress receives bytes read (of the file on disk) against its size
   * @return the source
   * @throws InputException if the file cannot be opened
   */
  static LineSource open(Path path, ProgressListener progress) {
    try {
      return new LineSource(path, progress);
    } catch (NoSuchFileException e) {
      throw new InputException("The file " + path + " does not exist; check the path.", e);
    } catch (EOFException | ZipException e) {
      throw new DataFormatException(
          path.toString(), 1, "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new InputException(
          "The file " + path + " cannot be read (" + e + "); check that it is readable.", e);
    }
  }

  String name() {
    return name;
  }

  byte[] buf() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Returns the 1-based number of the current line (0 before the first). */
  long lineNumber() {
    return lineNumber;
  }

  boolean isBlank() {
    for (int k = start; k < end; k++) {
      byte c = buf[k];
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the file
   * @throws DataFormatException if compressed data ends early or is corrupt (regardless of the
   *     error policy: the rest of the file cannot be read)
   * @throws InputException on other read errors
   */
  boolean next() {
    try {
      return advance();
    } catch (EOFException | ZipException e) {
      throw new DataFormatException(
          name,
          lineNumber + 1,
          "the gzip data is truncated or corrupt ("
              + e.getMessage()
              + "); the rest of the file cannot be read, so re-create or re-download it");
    } catch (IOException e) {
      throw new InputException(
          "Reading " + name + " failed after line " + lineNumber + " (" + e + ").", e);
    }
  }

  private boolean advance() throws IOException {
    int scan = pos;
    while (true) {
      for (int k = scan; k < limit; k++) {
        if (buf[k] == '\n') {
          setLine(pos, k);
          pos = k + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        progress.update(task, counted.count, totalBytes);
        return false;
      }
      // Keep the partial line, make room, read more.
      int rest = limit - pos;
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, rest);
      } else if (rest == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      pos = 0;
      limit = rest;
      scan = rest;
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
  }

  private void setLine(int s, int e) {
    if (e > s && buf[e - 1] == '\r') {
      e--;
    }
    if (lineNumber == 0
        && e - s >= 3
        && buf[s] == (byte) 0xEF
        && buf[s + 1] == (byte) 0xBB
        && buf[s + 2] == (byte) 0xBF) {
      s += 3;
    }
    start = s;
    end = e;
    lineNumber++;
    if ((lineNumber & (PROGRESS_EVERY - 1)) == 0) {
      progress.update(task, counted.count, totalBytes);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Closing a file we only read cannot lose data.
    }
  }

  /** Counts the bytes read from the file on disk, for progress. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
