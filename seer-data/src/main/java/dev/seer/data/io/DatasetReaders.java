package dev.seer.data.io;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point for reading datasets into a {@link Dataset}.
 *
 * <p>Formats: {@code ml-100k} (folder or {@code u.data}/{@code u1.base} file), {@code ml-csv}
 * (MovieLens CSV releases such as latest-small), {@code ml-1m} ({@code ::} files; falls back to
 * {@code derived/user_movie_pairs.tsv.gz} when ratings.dat is missing), {@code ml-1m-pairs}
 * (implicit {@code user \t movie} pairs), {@code amazon} (review JSON lines, 2014 or 2018 fields),
 * and generic {@code csv}, {@code tsv}, {@code jsonl} (columns guessed from well-known names; use
 * {@link #readGeneric} for an explicit mapping). {@code .gz} is read transparently everywhere.
 * Metadata files beside a ratings file (u.item, movies.csv, movies.dat, ...) are read too.
 */
public final class DatasetReaders {
  private static final List<String> FORMATS =
      List.of("ml-100k", "ml-csv", "ml-1m", "ml-1m-pairs", "amazon", "csv", "tsv", "jsonl");

  private DatasetReaders() {}

  /**
   * Returns the format names {@link #read} accepts (besides {@code auto}).
   *
   * @return format names
   */
  public static List<String> formats() {
    return FORMATS;
  }

  /**
   * Reads a dataset folder or file.
   *
   * @param path a dataset folder or file
   * @param format one of {@link #formats()}, or {@code null}/{@code auto} to detect it
   * @param opts error policy ({@code null} means {@link ReadOptions#strict()})
   * @param progress receives progress per file ({@code null} for none)
   * @return the dataset and one report per file read
   * @throws InputException if the path is missing, the format is unknown or cannot be detected
   * @throws dev.seer.api.DataFormatException at the first bad line under {@link ErrorPolicy#FAIL},
   *     or for truncated compressed input
   */
  public static ReadResult read(
      Path path, String format, ReadOptions opts, ProgressListener progress) {
    requireExists(path);
    String fmt = resolveFormat(path, format);
    ReadContext ctx = new ReadContext(opts, progress);
    ItemDrafts items = new ItemDrafts();
    Map<String, Map<String, String>> users = new LinkedHashMap<>();
    switch (fmt) {
      case "ml-100k":
        MovieLens100k.read(path, ctx, items, users);
        break;
      case "ml-csv":
        MovieLensCsv.read(path, ctx, items);
        break;
      case "ml-1m":
        MovieLens1m.read(path, ctx, items, users);
        break;
      case "ml-1m-pairs":
        readPairs(path, ctx, items, users);
        break;
      case "amazon":
        AmazonReviews.read(jsonFile(path), ctx, items, users);
        break;
      default:
        Path file = requireFile(path, fmt);
        GenericReader.read(file, GenericReader.guess(file, genericFormat(fmt)), ctx, items);
        break;
    }
    return finish(path, ctx, items, users);
  }

  /**
   * Reads a generic CSV, TSV or JSON-lines file through an explicit column mapping.
   *
   * @param file the file (may be gzip-compressed)
   * @param mapping which columns hold users, items, ratings, ...
   * @param opts error policy ({@code null} means strict)
   * @param progress progress listener, or {@code null}
   * @return the dataset (items carry the mapped text and attributes) and its report
   */
  public static ReadResult readGeneric(
      Path file, ColumnMapping mapping, ReadOptions opts, ProgressListener progress) {
    requireExists(file);
    if (mapping == null) {
      throw new InputException("No column mapping was given for " + file + "; give one.");
    }
    ReadContext ctx = new ReadContext(opts, progress);
    ItemDrafts items = new ItemDrafts();
    GenericReader.read(requireFile(file, mapping.format().name()), mapping, ctx, items);
    return finish(file, ctx, items, Map.of());
  }

  /**
   * Reads a predefined train/test split, such as MovieLens 100K {@code u1.base}/{@code u1.test}.
   * Both parts share one pair of id indices, built over the train rows and then the test rows.
   *
   * @param trainFile the training file
   * @param testFile the test file
   * @param format a format of {@link #formats()} for both files, or {@code null}/{@code auto}
   * @param opts error policy ({@code null} means strict)
   * @return the split, named after the two files
   */
  public static Split readPredefinedSplit(
      Path trainFile, Path testFile, String format, ReadOptions opts) {
    requireExists(trainFile);
    requireExists(testFile);
    ReadContext ctx = new ReadContext(opts, null);
    readRows(trainFile, format, ctx);
    int nTrain = ctx.rows.size();
    readRows(testFile, format, ctx);
    Interactions all = ctx.rows.build();
    int n = all.size();
    int[] train = new int[nTrain];
    int[] test = new int[n - nTrain];
    for (int k = 0; k < n; k++) {
      if (k < nTrain) {
        train[k] = k;
      } else {
        test[k - nTrain] = k;
      }
    }
    return Split.of(
        "predefined " + trainFile.getFileName() + "/" + testFile.getFileName(),
        all.select(train),
        all.select(test));
  }

  private static void readRows(Path file, String format, ReadContext ctx) {
    Path f = requireFile(file, "a split file");
    String fmt = resolveFormat(f, format);
    switch (fmt) {
      case "ml-100k":
        MovieLens100k.readRatings(f, ctx);
        break;
      case "ml-csv":
        MovieLensCsv.readRatings(f, ctx);
        break;
      case "ml-1m":
        MovieLens1m.readRatings(f, ctx);
        break;
      case "ml-1m-pairs":
        MovieLens1m.readPairs(f, ctx);
        break;
      case "amazon":
        AmazonReviews.read(f, ctx, new ItemDrafts(), new LinkedHashMap<>());
        break;
      default:
        GenericReader.read(f, GenericReader.guess(f, genericFormat(fmt)), ctx, new ItemDrafts());
        break;
    }
  }

  private static void readPairs(
      Path path, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    Path file = path;
    if (Files.isDirectory(path)) {
      file = path.resolve(MovieLens1m.PAIRS);
      if (!Files.isRegularFile(file)) {
        file = path.resolve("user_movie_pairs.tsv.gz");
      }
      if (!Files.isRegularFile(file)) {
        throw new InputException(
            "The folder "
                + path
                + " has no "
                + MovieLens1m.PAIRS
                + "; give the pairs file itself or the MovieLens 1M folder.");
      }
    }
    MovieLens1m.readPairs(file, ctx);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("derived")) {
      dir = dir.getParent();
    }
    MovieLens1m.readMetadata(dir, ctx, items, users);
  }

  private static Path jsonFile(Path path) {
    if (!Files.isDirectory(path)) {
      return path;
    }
    Path json = FormatSniffer.singleJsonFile(path);
    if (json == null) {
      throw new InputException(
          "The folder "
              + path
              + " does not hold exactly one .json/.jsonl(.gz) file; give the review file itself.");
    }
    return json;
  }

  private static ColumnMapping.Format genericFormat(String fmt) {
    switch (fmt) {
      case "csv":
        return ColumnMapping.Format.CSV;
      case "tsv":
        return ColumnMapping.Format.TSV;
      default:
        return ColumnMapping.Format.JSONL;
    }
  }

  private static String resolveFormat(Path path, String format) {
    String f = format == null ? "auto" : format.strip().toLowerCase(Locale.ROOT);
    if (f.isEmpty() || f.equals("auto")) {
      String detected =
          Files.isDirectory(path)
              ? FormatSniffer.detectFolder(path)
              : FormatSniffer.detectFile(path);
      if (detected == null) {
        throw new InputException(
            "Cannot tell the format of "
                + path
                + " from its "
                + (Files.isDirectory(path)
                    ? "files (looked for u.data, ratings.csv, ratings.dat, movies.dat, one .json file)"
                    : "name and first line")
                + "; pass the format, one of: "
                + String.join(", ", FORMATS)
                + ".");
      }
      return detected;
    }
    if (!FORMATS.contains(f)) {
      throw new InputException(
          "Unknown format '" + format + "'; use one of: " + String.join(", ", FORMATS) + ", auto.");
    }
    return f;
  }

  private static void requireExists(Path path) {
    if (path == null || !Files.exists(path)) {
      throw new InputException(
          "The dataset path "
              + path
              + " does not exist; give a dataset folder or file in one of the formats: "
              + String.join(", ", FORMATS)
              + ".");
    }
  }

  private static Path requireFile(Path path, String what) {
    if (!Files.isRegularFile(path)) {
      throw new InputException(
          path + " is not a file; format " + what + " needs the data file itself, not a folder.");
    }
    return path;
  }

  private static ReadResult finish(
      Path path, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    if (items.truncated() > 0) {
      ctx.notes.add(
          items.truncated()
              + " items had their aggregated text cut at "
              + ItemDrafts.MAX_TEXT
              + " characters");
    }
    List<ReadReport> reports = new ArrayList<>(ctx.reports);
    if (!ctx.notes.isEmpty() && !reports.isEmpty()) {
      ReadReport first = reports.get(0);
      List<String> notes = new ArrayList<>(first.notes());
      notes.addAll(ctx.notes);
      reports.set(
          0,
          new ReadReport(
              first.source(),
              first.lines(),
              first.accepted(),
              first.skipped(),
              first.ignored(),
              first.examples(),
              notes));
    }
    Dataset ds = new Dataset(datasetName(path), ctx.rows.build(), items.build(), users);
    return new ReadResult(ds, reports);
  }

  /** Names a dataset after its folder, or its file without {@code .gz} and extension. */
  static String datasetName(Path path) {
    Path name = path.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      return "dataset";
    }
    String n = name.toString();
    if (Files.isDirectory(path)) {
      return n;
    }
    if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
