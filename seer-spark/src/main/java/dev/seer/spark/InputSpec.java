package dev.seer.spark;

import dev.seer.api.InputException;
import dev.seer.data.io.ErrorPolicy;
import java.util.Locale;

/**
 * Where interactions come from and which columns hold what.
 *
 * @param path a file or directory (Spark paths: local, HDFS, S3, ...)
 * @param format {@code csv}, {@code tsv}, {@code jsonl} or {@code parquet}
 * @param header whether CSV/TSV files start with a header row (ignored otherwise)
 * @param user the user column: a header/field name, or a 0-based position for CSV/TSV without
 *     header
 * @param item the item column
 * @param rating the rating column, or null for implicit data (every row then has rating 1)
 * @param timestamp the time column (Unix seconds or ISO-8601), or null
 * @param onError what to do with malformed rows, as in seer-data's readers
 * @param maxExamples how many malformed rows to keep as examples
 */
public record InputSpec(
    String path,
    String format,
    boolean header,
    String user,
    String item,
    String rating,
    String timestamp,
    ErrorPolicy onError,
    int maxExamples) {
  /** Validates the spec. */
  public InputSpec {
    if (path == null || path.isBlank()) {
      throw new InputException("No input path given; pass --input FILE_OR_DIR.");
    }
    format = format == null ? guessFormat(path) : format.toLowerCase(Locale.ROOT);
    if (!(format.equals("csv")
        || format.equals("tsv")
        || format.equals("jsonl")
        || format.equals("parquet"))) {
      throw new InputException(
          "The input format '" + format + "' is not known; use csv, tsv, jsonl or parquet.");
    }
    if (user == null || user.isBlank() || item == null || item.isBlank()) {
      throw new InputException("Give both the user and the item column, e.g. --user 0 --item 1.");
    }
    rating = rating == null || rating.isBlank() ? null : rating;
    timestamp = timestamp == null || timestamp.isBlank() ? null : timestamp;
    onError = onError == null ? ErrorPolicy.FAIL : onError;
    if (maxExamples < 0) {
      throw new InputException("maxExamples is " + maxExamples + " but must be 0 or more.");
    }
  }

  /**
   * A headerless tab-separated file {@code user item [rating [timestamp]]}, as MovieLens 100K's
   * u.data or the ML-1M pairs.
   *
   * @param path the file
   * @param withRating whether column 2 is a rating
   * @param withTime whether column 3 is a timestamp
   * @param onError the malformed-row policy
   * @return the spec
   */
  public static InputSpec tsv(
      String path, boolean withRating, boolean withTime, ErrorPolicy onError) {
    return new InputSpec(
        path, "tsv", false, "0", "1", withRating ? "2" : null, withTime ? "3" : null, onError, 5);
  }

  private static String guessFormat(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".gz")) {
      p = p.substring(0, p.length() - 3);
    }
    if (p.endsWith(".csv")) {
      return "csv";
    }
    if (p.endsWith(".jsonl") || p.endsWith(".json") || p.endsWith(".ndjson")) {
      return "jsonl";
    }
    if (p.endsWith(".parquet")) {
      return "parquet";
    }
    return "tsv";
  }
}
