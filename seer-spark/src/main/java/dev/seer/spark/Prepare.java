package dev.seer.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import dev.seer.data.clean.DedupPolicy;
import dev.seer.data.split.PerUser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Cleaning and splitting with the single-machine semantics: deduplication as seer-data's {@code
 * Cleaning.dedup} (by timestamp, ties by row order), iterative k-core on distinct pairs, and the
 * per-user random split computed by {@link PerUser#pickShare} on each user's rows (after {@code
 * repartition} by user and {@code sortWithinPartitions}, one {@code mapPartitions} pass), so that
 * every user gets exactly the test rows {@link dev.seer.data.split.RandomSplitter} gives them.
 */
public final class Prepare {
  /** {@link InputReader#SCHEMA} plus {@code test} (true for a test row). */
  public static final StructType SPLIT_SCHEMA =
      InputReader.SCHEMA.add(DataTypes.createStructField("test", DataTypes.BooleanType, false));

  private Prepare() {}

  /**
   * Collapses repeated (user, item) pairs.
   *
   * @param rows rows in {@link InputReader#SCHEMA}
   * @param policy which row to keep
   * @return one row per pair
   */
  public static Dataset<Row> dedup(Dataset<Row> rows, DedupPolicy policy) {
    if (policy == DedupPolicy.MEAN) {
      return rows.groupBy("user", "item")
          .agg(avg("rating").cast("float").as("rating"), max("ts").as("ts"), min("seq").as("seq"))
          .select("user", "item", "rating", "ts", "seq");
    }
    WindowSpec w =
        Window.partitionBy("user", "item")
            .orderBy(
                policy == DedupPolicy.FIRST ? col("ts").asc() : col("ts").desc(),
                policy == DedupPolicy.FIRST ? col("seq").asc() : col("seq").desc());
    return rows.withColumn("rn", row_number().over(w)).filter(col("rn").equalTo(1)).drop("rn");
  }

  /**
   * Iterative k-core: removes users with fewer than {@code minPerUser} distinct items and items
   * with fewer than {@code minPerItem} distinct users until every remaining one meets its
   * threshold.
   *
   * @param rows rows
   * @param minPerUser user threshold
   * @param minPerItem item threshold
   * @return the remaining rows
   */
  public static Dataset<Row> kCore(Dataset<Row> rows, int minPerUser, int minPerItem) {
    Dataset<Row> cur = rows;
    while (true) {
      Dataset<Row> pairs = cur.select("user", "item").distinct();
      Dataset<Row> badUsers =
          pairs.groupBy("user").agg(count("*").as("n")).filter(col("n").lt(minPerUser));
      Dataset<Row> badItems =
          pairs.groupBy("item").agg(count("*").as("n")).filter(col("n").lt(minPerItem));
      long nu = minPerUser > 1 ? badUsers.count() : 0;
      long ni = minPerItem > 1 ? badItems.count() : 0;
      if (nu == 0 && ni == 0) {
        return cur;
      }
      Dataset<Row> next = cur;
      if (nu > 0) {
        next =
            next.join(
                badUsers.select("user"),
                next.col("user").equalTo(badUsers.col("user")),
                "left_anti");
      }
      if (ni > 0) {
        next =
            next.join(
                badItems.select("item"),
                next.col("item").equalTo(badItems.col("item")),
                "left_anti");
      }
      cur = next.localCheckpoint();
    }
  }

  /**
   * Marks each user's test rows with {@link PerUser#pickShare}.
   *
   * @param rows rows in {@link InputReader#SCHEMA}
   * @param testRatio share of each user's rows that go to test
   * @param seed the split seed
   * @return the rows with a {@code test} column ({@link #SPLIT_SCHEMA})
   */
  public static Dataset<Row> split(Dataset<Row> rows, double testRatio, long seed) {
    // A shuffle by user and a sort within each partition put every user's rows next to each
    // other; one pass then splits user after user. Unlike groupByKey, the key is taken by Spark
    // from the binary rows (no extra conversion of every row to a Java object and back).
    return rows.select("user", "item", "rating", "ts", "seq")
        .repartition(col("user"))
        .sortWithinPartitions("user")
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> new UserGroups(it, testRatio, seed),
            Encoders.row(SPLIT_SCHEMA));
  }

  /** Splits the rows of consecutive users, one user at a time. */
  private static final class UserGroups implements Iterator<Row> {
    private final Iterator<Row> in;
    private final double testRatio;
    private final long seed;
    private Row next;
    private Iterator<Row> out = java.util.Collections.emptyIterator();

    UserGroups(Iterator<Row> in, double testRatio, long seed) {
      this.in = in;
      this.testRatio = testRatio;
      this.seed = seed;
      this.next = in.hasNext() ? in.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (!out.hasNext() && next != null) {
        String user = next.getString(0);
        List<Row> group = new ArrayList<>();
        group.add(next);
        next = null;
        while (in.hasNext()) {
          Row r = in.next();
          if (!r.getString(0).equals(user)) {
            next = r;
            break;
          }
          group.add(r);
        }
        out = splitUser(user, group.iterator(), testRatio, seed);
      }
      return out.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return out.next();
    }
  }

  private static Iterator<Row> splitUser(
      String user, Iterator<Row> it, double testRatio, long seed) {
    List<Row> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    int n = rows.size();
    String[] items = new String[n];
    float[] ratings = new float[n];
    long[] times = new long[n];
    for (int j = 0; j < n; j++) {
      Row r = rows.get(j);
      items[j] = r.getString(1);
      ratings[j] = r.getFloat(2);
      times[j] = r.getLong(3);
    }
    boolean[] test = PerUser.pickShare(seed, user, items, ratings, times, testRatio);
    List<Row> out = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      Row r = rows.get(j);
      out.add(RowFactory.create(user, items[j], ratings[j], times[j], r.getLong(4), test[j]));
    }
    return out.iterator();
  }

  /**
   * Runs cleaning and the split.
   *
   * @param rows rows in {@link InputReader#SCHEMA}
   * @param o options
   * @return rows in {@link #SPLIT_SCHEMA}
   */
  public static Dataset<Row> run(Dataset<Row> rows, PrepareOptions o) {
    Dataset<Row> d = rows;
    if (o.dedup() != null) {
      d = dedup(d, o.dedup());
    }
    if (o.minPerUser() > 1 || o.minPerItem() > 1) {
      d = kCore(d, o.minPerUser(), o.minPerItem());
    }
    return split(d, o.testRatio(), o.seed());
  }
}
