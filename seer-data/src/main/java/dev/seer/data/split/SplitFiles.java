package dev.seer.data.split;

import dev.seer.api.DataFormatException;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Writes a split to a directory and reads it back with identical indices and rows.
 *
 * <p>Layout (format version 1): {@code users.tsv} and {@code items.tsv} hold one id per line in
 * index order after a header line ({@code user} / {@code item}); {@code train.tsv}, {@code
 * test.tsv}, {@code validation.tsv} and {@code foldin.tsv} hold rows with the header {@code
 * user\titem\trating\ttimestamp}, external ids, the rating empty for implicit data and the
 * timestamp empty when absent; {@code split.properties} holds the name, the format version and, per
 * part, the row count and whether ratings and timestamps are present.
 */
public final class SplitFiles {
  /** The format version written by {@link #write(Split, Path)}. */
  public static final int FORMAT_VERSION = 1;

  private static final String HEADER = "user\titem\trating\ttimestamp";
  private static final String[] PARTS = {"train", "validation", "test", "foldin"};

  private SplitFiles() {}

  /**
   * Writes a split into a directory (created if needed; existing split files are replaced).
   *
   * @param s the split
   * @param dir the directory
   * @throws InputException if an id contains a tab or line break, or the directory cannot be
   *     written
   */
  public static void write(Split s, Path dir) {
    try {
      Files.createDirectories(dir);
      writeIds(s.train().users(), "user", dir.resolve("users.tsv"));
      writeIds(s.train().items(), "item", dir.resolve("items.tsv"));
      Interactions[] parts = parts(s);
      Properties p = new Properties();
      p.setProperty("name", s.name());
      p.setProperty("format.version", Integer.toString(FORMAT_VERSION));
      for (int j = 0; j < PARTS.length; j++) {
        writeRows(parts[j], dir.resolve(PARTS[j] + ".tsv"));
        p.setProperty(PARTS[j] + ".rows", Integer.toString(parts[j].size()));
        p.setProperty(PARTS[j] + ".ratings", Boolean.toString(parts[j].hasRatings()));
        p.setProperty(PARTS[j] + ".timestamps", Boolean.toString(parts[j].hasTimestamps()));
      }
      StringWriter sw = new StringWriter();
      p.store(sw, null);
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new StringReader(sw.toString()))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.startsWith("#")) {
            lines.add(line);
          }
        }
      }
      lines.sort(null);
      lines.add(0, "# Seer split, format version " + FORMAT_VERSION);
      Files.write(dir.resolve("split.properties"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(
          "Could not write the split to " + dir + " (" + e.getMessage() + "); check the path.", e);
    }
  }

  /**
   * Reads a split written by {@link #write(Split, Path)}.
   *
   * @param dir the directory
   * @return the split, with the same indices, rows, columns and name
   * @throws DataFormatException if a file is malformed (with file and line)
   * @throws InputException if a file is missing
   */
  public static Split read(Path dir) {
    Path propsFile = dir.resolve("split.properties");
    Properties p = new Properties();
    try (BufferedReader r = open(propsFile)) {
      p.load(r);
    } catch (IOException e) {
      throw unreadable(propsFile, e);
    }
    String version = p.getProperty("format.version");
    if (!Integer.toString(FORMAT_VERSION).equals(version)) {
      throw new DataFormatException(
          propsFile.toString(),
          1,
          "format.version is "
              + version
              + " but this Seer reads version "
              + FORMAT_VERSION
              + "; write the split again with this version");
    }
    String name = p.getProperty("name");
    if (name == null) {
      throw new DataFormatException(propsFile.toString(), 1, "the 'name' entry is missing");
    }
    IdIndex users = readIds(dir.resolve("users.tsv"), "user");
    IdIndex items = readIds(dir.resolve("items.tsv"), "item");
    Interactions[] parts = new Interactions[PARTS.length];
    for (int j = 0; j < PARTS.length; j++) {
      boolean rated = flag(p, PARTS[j] + ".ratings", propsFile);
      boolean timed = flag(p, PARTS[j] + ".timestamps", propsFile);
      parts[j] = readRows(dir.resolve(PARTS[j] + ".tsv"), users, items, rated, timed);
      String rows = p.getProperty(PARTS[j] + ".rows");
      if (rows == null || !rows.equals(Integer.toString(parts[j].size()))) {
        throw new DataFormatException(
            propsFile.toString(),
            1,
            PARTS[j]
                + ".rows is "
                + rows
                + " but "
                + PARTS[j]
                + ".tsv holds "
                + parts[j].size()
                + " rows; the files do not belong together");
      }
    }
    return new Split(name, parts[0], parts[1], parts[2], parts[3]);
  }

  private static Interactions[] parts(Split s) {
    return new Interactions[] {s.train(), s.validation(), s.test(), s.foldIn()};
  }

  private static void checkId(String id, String what) {
    if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
      throw new InputException(
          "The "
              + what
              + " id '"
              + id.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
              + "' contains a tab or line break, which split files cannot hold; clean the ids first.");
    }
  }

  private static void writeIds(IdIndex index, String what, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(what);
      w.write('\n');
      for (String id : index.ids()) {
        checkId(id, what);
        w.write(id);
        w.write('\n');
      }
    }
  }

  private static void writeRows(Interactions d, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      StringBuilder b = new StringBuilder(64);
      for (int k = 0; k < d.size(); k++) {
        b.setLength(0);
        b.append(d.users().id(d.user(k))).append('\t').append(d.items().id(d.item(k))).append('\t');
        if (d.hasRatings()) {
          b.append(Float.toString(d.rating(k)));
        }
        b.append('\t');
        if (d.hasTimestamps()) {
          b.append(d.timestamp(k));
        }
        b.append('\n');
        w.append(b);
      }
    }
  }

  private static InputException unreadable(Path file, IOException e) {
    return new InputException("Could not read " + file + " (" + e + "); check the file.", e);
  }

  private static BufferedReader open(Path file) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(
          "The split file "
              + file
              + " is missing; point to a directory written by SplitFiles.write (seer split).",
          e);
    } catch (IOException e) {
      throw new InputException("Could not read " + file + " (" + e.getMessage() + ").", e);
    }
  }

  private static boolean flag(Properties p, String key, Path file) {
    String v = p.getProperty(key);
    if ("true".equals(v)) {
      return true;
    }
    if ("false".equals(v)) {
      return false;
    }
    throw new DataFormatException(
        file.toString(), 1, "the entry " + key + " is " + v + " but must be true or false");
  }

  private static IdIndex readIds(Path file, String header) {
    List<String> ids = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      String first = r.readLine();
      if (!header.equals(first)) {
        throw new DataFormatException(
            file.toString(), 1, "the header is '" + first + "' but must be '" + header + "'");
      }
      long line = 1;
      IdIndex.Builder b = new IdIndex.Builder();
      for (String id = r.readLine(); id != null; id = r.readLine()) {
        line++;
        if (b.index(id) >= 0) {
          throw new DataFormatException(
              file.toString(), line, "the " + header + " id '" + id + "' is listed twice");
        }
        b.add(id);
        ids.add(id);
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    return IdIndex.of(ids);
  }

  private static Interactions readRows(
      Path file, IdIndex users, IdIndex items, boolean rated, boolean timed) {
    String name = file.toString();
    int cap = 1024;
    int[] u = new int[cap];
    int[] it = new int[cap];
    float[] rt = rated ? new float[cap] : null;
    long[] tm = timed ? new long[cap] : null;
    int n = 0;
    try (BufferedReader r = open(file)) {
      String first = r.readLine();
      if (!HEADER.equals(first)) {
        throw new DataFormatException(
            name,
            1,
            "the header is '" + first + "' but must be '" + HEADER.replace("\t", "\\t") + "'");
      }
      long line = 1;
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        line++;
        String[] f = s.split("\t", -1);
        if (f.length != 4) {
          throw new DataFormatException(
              name, line, "expected 4 tab-separated fields but found " + f.length);
        }
        if (n == cap) {
          cap += cap >> 1;
          u = Arrays.copyOf(u, cap);
          it = Arrays.copyOf(it, cap);
          rt = rt == null ? null : Arrays.copyOf(rt, cap);
          tm = tm == null ? null : Arrays.copyOf(tm, cap);
        }
        u[n] = users.index(f[0]);
        if (u[n] < 0) {
          throw new DataFormatException(name, line, "the user '" + f[0] + "' is not in users.tsv");
        }
        it[n] = items.index(f[1]);
        if (it[n] < 0) {
          throw new DataFormatException(name, line, "the item '" + f[1] + "' is not in items.tsv");
        }
        if (rt != null) {
          rt[n] = parseRating(f[2], name, line);
        } else if (!f[2].isEmpty()) {
          throw new DataFormatException(
              name,
              line,
              "has a rating '" + f[2] + "' but split.properties says the part has none");
        }
        if (tm != null) {
          tm[n] = parseTime(f[3], name, line);
        } else if (!f[3].isEmpty()) {
          throw new DataFormatException(
              name,
              line,
              "has a timestamp '" + f[3] + "' but split.properties says the part has none");
        }
        n++;
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    return new Interactions(
        users,
        items,
        Arrays.copyOf(u, n),
        Arrays.copyOf(it, n),
        rt == null ? null : Arrays.copyOf(rt, n),
        tm == null ? null : Arrays.copyOf(tm, n));
  }

  private static float parseRating(String s, String file, long line) {
    try {
      float v = Float.parseFloat(s);
      if (Float.isNaN(v)) {
        throw new NumberFormatException("NaN");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new DataFormatException(file, line, "the rating '" + s + "' is not a number");
    }
  }

  private static long parseTime(String s, String file, long line) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new DataFormatException(
          file, line, "the timestamp '" + s + "' is not a whole number of seconds");
    }
  }
}
