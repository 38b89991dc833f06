package dev.seer.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A prepared data set on disk: {@code train/} and {@code test/} (Parquet, {@link
 * InputReader#SCHEMA} plus dense {@code uidx} and {@code iidx}), and the id tables {@code users/}
 * and {@code items/} ({@code id}, {@code idx}; indices follow the sorted external ids of all rows,
 * train and test, as one shared index like seer-data's splits).
 *
 * @param train training rows
 * @param test test rows
 * @param users user id table
 * @param items item id table
 */
public record Prepared(
    Dataset<Row> train, Dataset<Row> test, Dataset<Row> users, Dataset<Row> items) {
  static final StructType ID_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("idx", DataTypes.IntegerType, false)
          });

  /**
   * Indexes split rows ({@link Prepare#SPLIT_SCHEMA}).
   *
   * @param spark the session
   * @param split the split rows
   * @return the prepared data
   */
  public static Prepared index(SparkSession spark, Dataset<Row> split) {
    Dataset<Row> s = split.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> users = ids(spark, s, "user");
    Dataset<Row> items = ids(spark, s, "item");
    Dataset<Row> joined =
        s.join(
                small(users.withColumnRenamed("id", "user").withColumnRenamed("idx", "uidx")),
                "user")
            .join(
                small(items.withColumnRenamed("id", "item").withColumnRenamed("idx", "iidx")),
                "item")
            .select("user", "item", "rating", "ts", "seq", "uidx", "iidx", "test");
    Dataset<Row> train = joined.filter(col("test").equalTo(false)).drop("test");
    Dataset<Row> test = joined.filter(col("test").equalTo(true)).drop("test");
    return new Prepared(train, test, users, items);
  }

  /**
   * Up to this many distinct ids, an id table is built on the driver: one job collects the distinct
   * ids, the driver sorts and numbers them, and the table is broadcast to the joins. Above it the
   * ids are sorted and numbered by Spark ({@code orderBy} and {@code zipWithIndex}: three jobs) and
   * joined by a shuffle.
   */
  static final int DRIVER_IDS = 4_000_000;

  /** Broadcasts a driver-built id table; a large one (Spark-built, cached) is shuffle-joined. */
  private static Dataset<Row> small(Dataset<Row> table) {
    return table.storageLevel().useMemory() || table.storageLevel().useDisk()
        ? table
        : org.apache.spark.sql.functions.broadcast(table);
  }

  private static Dataset<Row> ids(SparkSession spark, Dataset<Row> rows, String column) {
    Dataset<Row> distinct = rows.select(column).distinct();
    List<Row> few = distinct.limit(DRIVER_IDS + 1).collectAsList();
    if (few.size() <= DRIVER_IDS) {
      // Sorted as Spark sorts strings (by UTF-8 bytes), so both paths give the same indices.
      byte[][] keys = new byte[few.size()][];
      Integer[] order = new Integer[few.size()];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = few.get(k).getString(0).getBytes(StandardCharsets.UTF_8);
        order[k] = k;
      }
      Arrays.sort(order, (x, y) -> Arrays.compareUnsigned(keys[x], keys[y]));
      List<Row> table = new ArrayList<>(keys.length);
      for (int k = 0; k < keys.length; k++) {
        table.add(RowFactory.create(few.get(order[k]).getString(0), k));
      }
      return spark.createDataFrame(table, ID_SCHEMA);
    }
    JavaRDD<Row> indexed =
        distinct
            .orderBy(column)
            .javaRDD()
            .zipWithIndex()
            .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
    return spark
        .createDataFrame(indexed, ID_SCHEMA)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Writes the four tables under a directory.
   *
   * @param dir target directory
   */
  public void write(String dir) {
    train.write().mode(SaveMode.Overwrite).parquet(dir + "/train");
    test.write().mode(SaveMode.Overwrite).parquet(dir + "/test");
    users.write().mode(SaveMode.Overwrite).parquet(dir + "/users");
    items.write().mode(SaveMode.Overwrite).parquet(dir + "/items");
  }

  /**
   * Reads prepared data written by {@link #write(String)}.
   *
   * @param spark the session
   * @param dir the directory
   * @return the data
   */
  public static Prepared read(SparkSession spark, String dir) {
    return new Prepared(
        spark.read().parquet(dir + "/train"),
        spark.read().parquet(dir + "/test"),
        spark.read().parquet(dir + "/users"),
        spark.read().parquet(dir + "/items"));
  }

  /**
   * Collects an id table in index order (driver side; for export and for small catalogues).
   *
   * @param table an id table
   * @return ids, element {@code idx} is the id with that index
   */
  public static String[] collectIds(Dataset<Row> table) {
    List<Row> rows = table.orderBy("idx").collectAsList();
    String[] out = new String[rows.size()];
    for (Row r : rows) {
      out[r.getInt(1)] = r.getString(0);
    }
    return out;
  }
}
