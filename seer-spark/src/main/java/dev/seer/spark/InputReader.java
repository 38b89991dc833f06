package dev.seer.spark;

import static org.apache.spark.sql.functions.col;

import dev.seer.api.DataFormatException;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.data.io.ErrorPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads interactions into the common row layout {@link #SCHEMA}: {@code user} and {@code item}
 * (external ids, text), {@code rating} (1 for implicit data), {@code ts} (Unix seconds or {@link
 * Interactions#NO_TIME}) and {@code seq} (a row-order number used to break ties as the
 * single-machine readers do by line order).
 *
 * <p>Malformed rows (missing user or item, a rating that is not a number, a time that is neither
 * Unix seconds nor ISO-8601, a JSON line that does not parse) follow seer-data's {@link
 * ErrorPolicy}: {@code FAIL} stops with one sentence naming the file, the count and the first bad
 * row; {@code SKIP} drops them, counts them and keeps a few as examples in the {@link ReadSummary}.
 */
public final class InputReader {
  /** The common row layout. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("user", DataTypes.StringType, false),
            DataTypes.createStructField("item", DataTypes.StringType, false),
            DataTypes.createStructField("rating", DataTypes.FloatType, false),
            DataTypes.createStructField("ts", DataTypes.LongType, false),
            DataTypes.createStructField("seq", DataTypes.LongType, false)
          });

  private static final StructType PARSED =
      SCHEMA.add(DataTypes.createStructField("error", DataTypes.StringType, true));

  private InputReader() {}

  /**
   * The read rows and what happened to the malformed ones.
   *
   * @param rows the accepted rows, in {@link #SCHEMA}
   * @param summary the counts
   */
  public record Result(Dataset<Row> rows, ReadSummary summary) {}

  /**
   * Reads interactions.
   *
   * @param spark the session
   * @param spec what to read
   * @return the accepted rows and the counts
   * @throws DataFormatException with policy FAIL when a row is malformed
   */
  public static Result read(SparkSession spark, InputSpec spec) {
    Dataset<Row> raw = raw(spark, spec);
    Column[] cols = {
      column(raw, spec, spec.user()).as("u"),
      column(raw, spec, spec.item()).as("i"),
      spec.rating() == null
          ? org.apache.spark.sql.functions.lit(null).cast("string").as("r")
          : column(raw, spec, spec.rating()).as("r"),
      spec.timestamp() == null
          ? org.apache.spark.sql.functions.lit(null).cast("string").as("t")
          : timeColumn(raw, spec).as("t"),
      spec.format().equals("jsonl")
          ? col("_corrupt_record").as("bad")
          : org.apache.spark.sql.functions.lit(null).cast("string").as("bad"),
      org.apache.spark.sql.functions.monotonically_increasing_id().as("seq")
    };
    boolean hasRating = spec.rating() != null;
    boolean hasTime = spec.timestamp() != null;
    Dataset<Row> parsed =
        raw.select(cols)
            .map((MapFunction<Row, Row>) r -> parse(r, hasRating, hasTime), Encoders.row(PARSED))
            .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> bad = parsed.filter(col("error").isNotNull());
    long malformed = bad.count();
    List<String> examples = new ArrayList<>();
    if (malformed > 0) {
      for (Row r : bad.select("error").takeAsList(Math.max(1, spec.maxExamples()))) {
        examples.add(r.getString(0));
      }
      if (spec.onError() == ErrorPolicy.FAIL) {
        parsed.unpersist();
        throw new InputException(
            spec.path()
                + " has "
                + malformed
                + " malformed row"
                + (malformed == 1 ? "" : "s")
                + ", the first: "
                + examples.get(0)
                + "; fix the data or read with --on-error skip to drop and count them.");
      }
    }
    Dataset<Row> good = parsed.filter(col("error").isNull()).drop("error");
    long accepted = good.count();
    return new Result(
        good,
        new ReadSummary(
            spec.path(),
            accepted + malformed,
            accepted,
            malformed,
            examples.subList(0, Math.min(examples.size(), spec.maxExamples()))));
  }

  private static Dataset<Row> raw(SparkSession spark, InputSpec spec) {
    switch (spec.format()) {
      case "parquet":
        return spark.read().parquet(spec.path());
      case "jsonl":
        {
          StructType s = new StructType();
          for (String c :
              new String[] {spec.user(), spec.item(), spec.rating(), spec.timestamp()}) {
            if (c != null && !List.of(s.fieldNames()).contains(c)) {
              s = s.add(DataTypes.createStructField(c, DataTypes.StringType, true));
            }
          }
          s = s.add(DataTypes.createStructField("_corrupt_record", DataTypes.StringType, true));
          return spark
              .read()
              .schema(s)
              .option("mode", "PERMISSIVE")
              .option("columnNameOfCorruptRecord", "_corrupt_record")
              .json(spec.path());
        }
      default:
        return spark
            .read()
            .option("sep", spec.format().equals("csv") ? "," : "\t")
            .option("header", Boolean.toString(spec.header()))
            .option("inferSchema", "false")
            .option("mode", "PERMISSIVE")
            .option("quote", spec.format().equals("csv") ? "\"" : "\u0000")
            .csv(spec.path());
    }
  }

  private static Column column(Dataset<Row> raw, InputSpec spec, String name) {
    String c = name;
    boolean delimited = spec.format().equals("csv") || spec.format().equals("tsv");
    if (delimited && !spec.header()) {
      try {
        c = "_c" + Integer.parseInt(name.strip());
      } catch (NumberFormatException e) {
        throw new InputException(
            "The column '"
                + name
                + "' is not a 0-based position, and "
                + spec.path()
                + " has no header; use numbers (--user 0 --item 1) or --header true.");
      }
    }
    if (!List.of(raw.columns()).contains(c)) {
      throw new InputException(
          spec.path()
              + " has no column '"
              + name
              + "' (columns: "
              + String.join(", ", raw.columns())
              + "); name the columns with --user, --item, --rating and --time.");
    }
    return col("`" + c + "`").cast("string");
  }

  /**
   * The time column as text for {@link #parseTime}. Typed columns (Parquet, for example) become
   * Unix seconds first: a {@code TIMESTAMP} is an instant; a {@code TIMESTAMP_NTZ} and a {@code
   * DATE} are read as UTC, as the single-machine reader reads ISO date-times without a zone.
   */
  private static Column timeColumn(Dataset<Row> raw, InputSpec spec) {
    Column text = column(raw, spec, spec.timestamp());
    String name = spec.timestamp();
    if (!List.of(raw.columns()).contains(name)) {
      return text;
    }
    org.apache.spark.sql.types.DataType type = raw.schema().apply(name).dataType();
    Column c = col("`" + name + "`");
    Column days =
        org.apache.spark.sql.functions.datediff(
            c, org.apache.spark.sql.functions.lit("1970-01-01"));
    if (type instanceof org.apache.spark.sql.types.TimestampType) {
      return c.cast("long").cast("string");
    }
    if (type instanceof org.apache.spark.sql.types.TimestampNTZType) {
      return days.cast("long")
          .multiply(86400L)
          .plus(org.apache.spark.sql.functions.hour(c).multiply(3600))
          .plus(org.apache.spark.sql.functions.minute(c).multiply(60))
          .plus(org.apache.spark.sql.functions.second(c))
          .cast("string");
    }
    if (type instanceof org.apache.spark.sql.types.DateType) {
      return days.cast("long").multiply(86400L).cast("string");
    }
    return text;
  }

  static Row parse(Row r, boolean hasRating, boolean hasTime) {
    String u = r.getString(0);
    String i = r.getString(1);
    String rs = r.getString(2);
    String ts = r.getString(3);
    String corrupt = r.getString(4);
    long seq = r.getLong(5);
    String error = null;
    float rating = 1f;
    long time = Interactions.NO_TIME;
    if (corrupt != null) {
      error = "not a JSON object: " + clip(corrupt);
    } else if (u == null || u.isBlank()) {
      error = "the user id is missing in " + describe(r);
    } else if (i == null || i.isBlank()) {
      error = "the item id is missing in " + describe(r);
    } else {
      if (hasRating) {
        try {
          rating = Float.parseFloat(rs == null ? "" : rs.strip());
          if (!Float.isFinite(rating)) {
            error = "the rating '" + rs + "' is not a finite number in " + describe(r);
          }
        } catch (NumberFormatException e) {
          error = "the rating '" + rs + "' is not a number in " + describe(r);
        }
      }
      if (error == null && hasTime && ts != null && !ts.isBlank()) {
        try {
          time = parseTime(ts.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
          error =
              "the timestamp '" + ts + "' is neither Unix seconds nor ISO-8601 in " + describe(r);
        }
      }
    }
    return RowFactory.create(
        u == null ? "" : u.strip(), i == null ? "" : i.strip(), rating, time, seq, error);
  }

  static long parseTime(String s) {
    if (!s.isEmpty()
        && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')
        && s.indexOf('-', 1) < 0) {
      if (s.indexOf('.') >= 0) {
        return (long) Math.floor(Double.parseDouble(s));
      }
      return Long.parseLong(s);
    }
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
    try {
      return Instant.parse(s).getEpochSecond();
    } catch (DateTimeParseException e) {
      try {
        // Without a zone, UTC, as the single-machine reader (seer-data's Fields) reads it.
        return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return OffsetDateTime.parse(s).toEpochSecond();
      }
    }
  }

  private static String describe(Row r) {
    return clip(
        "user="
            + r.getString(0)
            + ", item="
            + r.getString(1)
            + ", rating="
            + r.getString(2)
            + ", time="
            + r.getString(3));
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
