package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ProgressListener;
import dev.seer.data.io.ColumnMapping;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.io.ReadReport;
import dev.seer.data.io.ReadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that say which dataset to read and how. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "Dataset file or folder (MovieLens, Amazon JSON lines, CSV/TSV/JSONL).")
  Path data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto (default), ml-100k, ml-csv, ml-1m, ml-1m-pairs, amazon, csv, tsv or jsonl.")
  String format;

  @Option(
      names = "--columns",
      paramLabel = "SPEC",
      description =
          "Column mapping for csv/tsv/jsonl, e.g. user=userId,item=movieId,rating=rating,"
              + "timestamp=ts,text=review,attr=genre (names, or 0-based positions with"
              + " --no-header).")
  String columns;

  @Option(names = "--no-header", description = "CSV/TSV files have no header row.")
  boolean noHeader;

  @Option(
      names = "--on-error",
      paramLabel = "POLICY",
      defaultValue = "fail",
      description =
          "fail (default): stop at the first malformed line; skip: skip bad lines and report them.")
  ErrorPolicy onError;

  boolean present() {
    return data != null;
  }

  /** Reads the dataset and prints what the reader accepted and skipped. */
  Dataset read(ProgressListener progress, PrintStream out) {
    if (data == null) {
      throw new InputException("No dataset given; pass --data PATH (a file or folder).");
    }
    ReadOptions opts = new ReadOptions(onError, 5);
    ReadResult result;
    if (columns != null) {
      ColumnMapping.Format f = genericFormat();
      result =
          DatasetReaders.readGeneric(
              data, ColumnMapping.parse(f, !noHeader, columns), opts, progress);
    } else {
      result = DatasetReaders.read(data, format, opts, progress);
    }
    for (ReadReport r : result.reports()) {
      out.println("read: " + r.summary());
      for (String e : r.examples()) {
        out.println("  skipped: " + e);
      }
    }
    return result.dataset();
  }

  private ColumnMapping.Format genericFormat() {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.equals("auto")) {
      String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".gz")) {
        name = name.substring(0, name.length() - 3);
      }
      if (name.endsWith(".tsv") || name.endsWith(".txt")) {
        return ColumnMapping.Format.TSV;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".json")) {
        return ColumnMapping.Format.JSONL;
      }
      return ColumnMapping.Format.CSV;
    }
    switch (f) {
      case "csv":
        return ColumnMapping.Format.CSV;
      case "tsv":
        return ColumnMapping.Format.TSV;
      case "jsonl":
        return ColumnMapping.Format.JSONL;
      default:
        throw new InputException(
            "--columns needs --format csv, tsv or jsonl (or auto), not '" + format + "'.");
    }
  }
}
