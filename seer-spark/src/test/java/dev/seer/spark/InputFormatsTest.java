package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.Interactions;
import dev.seer.data.io.ColumnMapping;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.io.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same interactions written as CSV (with a quoted id), TSV and JSON lines read to the same rows
 * in Spark as with the single-machine reader, with times given as Unix seconds, ISO instants, ISO
 * date-times without a zone (UTC) and dates; Parquet's typed TIMESTAMP, TIMESTAMP_NTZ and DATE
 * columns read as the same Unix seconds.
 */
class InputFormatsTest {
  @TempDir Path dir;

  /** user, item, rating, time as text, and the Unix seconds it means. */
  private static final String[][] ROWS = {
    {"u1", "i1", "4", "2020-01-01T10:00:00", "1577872800"},
    {"u1", "i,2", "3.5", "2020-01-02T00:00:00Z", "1577923200"},
    {"u2", "i1", "5", "1577923200", "1577923200"},
    {"u2", "i3", "2", "2020-01-03", "1578009600"},
  };

  private static Set<String> expected() {
    Set<String> s = new TreeSet<>();
    for (String[] r : ROWS) {
      s.add(r[0] + "|" + r[1] + "|" + Float.parseFloat(r[2]) + "|" + r[4]);
    }
    return s;
  }

  @Test
  void delimitedAndJsonFilesReadAsOnOneMachine() throws Exception {
    SparkSession spark = SparkTestSession.get();
    StringBuilder csv = new StringBuilder("user,item,rating,time\n");
    StringBuilder tsv = new StringBuilder();
    StringBuilder jsonl = new StringBuilder();
    for (String[] r : ROWS) {
      csv.append(r[0]).append(",\"").append(r[1]).append("\",").append(r[2]).append(',');
      csv.append(r[3]).append('\n');
      tsv.append(String.join("\t", r[0], r[1], r[2], r[3])).append('\n');
      jsonl.append("{\"user\":\"").append(r[0]).append("\",\"item\":\"").append(r[1]);
      jsonl.append("\",\"rating\":").append(r[2]).append(",\"time\":\"").append(r[3]);
      jsonl.append("\"}\n");
    }
    Path c = Files.writeString(dir.resolve("a.csv"), csv);
    Path t = Files.writeString(dir.resolve("a.tsv"), tsv);
    Path j = Files.writeString(dir.resolve("a.jsonl"), jsonl);
    Object[][] cases = {
      {c, "csv", true, "user", "item", "rating", "time", ColumnMapping.Format.CSV},
      {t, "tsv", false, "0", "1", "2", "3", ColumnMapping.Format.TSV},
      {j, "jsonl", false, "user", "item", "rating", "time", ColumnMapping.Format.JSONL},
    };
    for (Object[] k : cases) {
      InputReader.Result spark1 =
          InputReader.read(
              spark,
              new InputSpec(
                  k[0].toString(),
                  (String) k[1],
                  (Boolean) k[2],
                  (String) k[3],
                  (String) k[4],
                  (String) k[5],
                  (String) k[6],
                  ErrorPolicy.FAIL,
                  5));
      assertEquals(expected(), RowSets.of(spark1.rows()), k[1] + " in Spark");
      ColumnMapping m =
          new ColumnMapping(
              (ColumnMapping.Format) k[7],
              (Boolean) k[2] || k[1].equals("jsonl"),
              (String) k[3],
              (String) k[4],
              (String) k[5],
              (String) k[6],
              null,
              List.of());
      Interactions one =
          DatasetReaders.readGeneric((Path) k[0], m, ReadOptions.strict(), null)
              .dataset()
              .interactions();
      assertEquals(expected(), RowSets.of(one), k[1] + " on one machine");
    }
  }

  @Test
  void parquetTimestampsDateTimesAndDatesBecomeUnixSeconds() {
    SparkSession spark = SparkTestSession.get();
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("user", DataTypes.StringType, false),
              DataTypes.createStructField("item", DataTypes.StringType, false),
              DataTypes.createStructField("rating", DataTypes.FloatType, false),
              DataTypes.createStructField("at", DataTypes.TimestampType, false),
              DataTypes.createStructField("local", DataTypes.TimestampNTZType, false),
              DataTypes.createStructField("day", DataTypes.DateType, false),
            });
    Instant at = Instant.parse("2020-01-01T10:00:00Z");
    Row row =
        RowFactory.create(
            "u1",
            "i1",
            4f,
            Timestamp.from(at),
            LocalDateTime.parse("2020-01-01T10:00:00"),
            Date.valueOf("2020-01-03"));
    String path = dir.resolve("p.parquet").toString();
    spark.createDataFrame(List.of(row), schema).write().parquet(path);
    long[][] cases = {{0, 1577872800L}, {1, 1577872800L}, {2, 1578009600L}};
    String[] columns = {"at", "local", "day"};
    for (long[] k : cases) {
      String col = columns[(int) k[0]];
      InputReader.Result r =
          InputReader.read(
              spark,
              new InputSpec(
                  path, "parquet", false, "user", "item", "rating", col, ErrorPolicy.FAIL, 5));
      assertEquals(Set.of("u1|i1|4.0|" + k[1]), RowSets.of(r.rows()), col);
    }
  }
}
