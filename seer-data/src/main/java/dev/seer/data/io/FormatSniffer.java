package dev.seer.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seer.api.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Tells the format of a dataset folder or file from its file names and first line. */
final class FormatSniffer {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern ML100K_SPLIT = Pattern.compile("u[0-9a-z]?\\.(base|test|data)");

  private FormatSniffer() {}

  /** Returns the format of a folder, or null when none fits. */
  static String detectFolder(Path dir) {
    if (Files.isRegularFile(dir.resolve("u.data"))) {
      return "ml-100k";
    }
    if (Files.isRegularFile(dir.resolve("ratings.csv"))) {
      return "ml-csv";
    }
    if (Files.isRegularFile(dir.resolve("ratings.dat"))
        || Files.isRegularFile(dir.resolve("movies.dat"))) {
      return "ml-1m";
    }
    Path json = singleJsonFile(dir);
    if (json != null && isAmazon(json)) {
      return "amazon";
    }
    return null;
  }

  /** Returns the only {@code *.json(l)(.gz)} file of a folder, or null. */
  static Path singleJsonFile(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> json = new ArrayList<>();
      files.filter(p -> Files.isRegularFile(p) && isJsonName(bareName(p))).forEach(json::add);
      return json.size() == 1 ? json.get(0) : null;
    } catch (IOException e) {
      throw new InputException("The folder " + dir + " cannot be listed (" + e + ").", e);
    }
  }

  /** Returns the format of a file, or null when none fits. */
  static String detectFile(Path file) {
    String name = bareName(file);
    if (ML100K_SPLIT.matcher(name).matches()) {
      return "ml-100k";
    }
    if (name.equals("ratings.csv")) {
      return "ml-csv";
    }
    if (name.equals("ratings.dat")) {
      return "ml-1m";
    }
    if (name.contains("pairs") && (name.endsWith(".tsv") || name.endsWith(".txt"))) {
      return "ml-1m-pairs";
    }
    if (isJsonName(name)) {
      return isAmazon(file) ? "amazon" : "jsonl";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return "tsv";
    }
    return null;
  }

  /** Returns the lower-case file name without a trailing {@code .gz}. */
  static String bareName(Path p) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  private static boolean isJsonName(String name) {
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /**
   * Tells whether the first record of a JSON-lines file has {@code reviewerID} and {@code asin}.
   */
  static boolean isAmazon(Path file) {
    try (LineSource src = LineSource.open(file, null)) {
      while (src.next()) {
        if (!src.isBlank()) {
          List<String> keys = jsonKeys(src);
          return keys.contains("reviewerID") && keys.contains("asin");
        }
      }
      return false;
    } catch (LineError e) {
      return false;
    }
  }

  /** Returns the top-level keys of the JSON object on the current line. */
  static List<String> jsonKeys(LineSource src) {
    List<String> keys = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(src.buf(), src.start(), src.end() - src.start())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new LineError("bad JSON: expected an object {...} on each line");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new LineError("bad JSON: " + e.getMessage());
    }
    return keys;
  }
}
