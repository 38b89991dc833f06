package dev.seer.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed full-ranking evaluation and batch top-N. Users are spread over the executors; each
 * scores every item with a broadcast {@link Scorer}, excludes the user's training items, keeps the
 * top K (ties to the lower item index, as Seer's ranker) and computes the per-user metrics with
 * seer-eval's definitions (relevant = the user's distinct test items not in training; Recall@K =
 * hits / relevant; NDCG@K = Σ 1/log2(rank + 1) over hits divided by the same for min(K, relevant)
 * hits; Precision@K = hits / K; HitRate@K); the means are taken over users with at least one
 * relevant item.
 */
public final class DistributedEval {
  private DistributedEval() {}

  /**
   * Mean metrics and counts.
   *
   * @param testUsers users with test rows
   * @param evaluatedUsers users with at least one relevant test item
   * @param relevantSeen test items dropped because the user has them in training
   * @param metrics metric name (e.g. {@code Recall@20}) to mean
   */
  public record Summary(
      long testUsers, long evaluatedUsers, long relevantSeen, Map<String, Double> metrics) {}

  /**
   * Evaluates.
   *
   * @param spark the session
   * @param data prepared data
   * @param userFactors user factors ({@code id}, {@code features}) or null for scorers without
   * @param scorer the scorer
   * @param cutoffs the cutoffs K
   * @return the summary
   */
  public static Summary evaluate(
      SparkSession spark, Prepared data, Dataset<Row> userFactors, Scorer scorer, int[] cutoffs) {
    int[] ks = Arrays.stream(cutoffs).sorted().distinct().toArray();
    if (ks.length == 0 || ks[0] < 1) {
      throw new InputException("Give cutoffs of 1 or more, for example --cutoffs 10,20.");
    }
    Dataset<Row> rel = data.test().groupBy("uidx").agg(collect_set("iidx").as("rel"));
    Dataset<Row> in = withUserData(rel, data, userFactors);
    Broadcast<Scorer> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(scorer);
    List<String> names = names(ks);
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("uidx", DataTypes.IntegerType, false),
              DataTypes.createStructField("relevant", DataTypes.IntegerType, false),
              DataTypes.createStructField("seenRelevant", DataTypes.IntegerType, false)
            });
    for (String n : names) {
      schema = schema.add(DataTypes.createStructField(n, DataTypes.DoubleType, false));
    }
    Dataset<Row> per =
        in.mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> metrics(it, b.value(), ks, names.size()),
            Encoders.row(schema));
    // One pass: the scoring runs once, for the counts and the means over the evaluated users
    // (those with a relevant test item; avg skips the nulls of the others).
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(col("relevant").gt(0).cast("long")).as("evaluated"));
    aggs.add(sum("seenRelevant").as("seen"));
    for (String n : names) {
      aggs.add(avg(when(col("relevant").gt(0), col("`" + n + "`"))).as(n));
    }
    Row all =
        per.agg(
                org.apache.spark.sql.functions.count("*").as("testUsers"),
                aggs.toArray(new Column[0]))
            .first();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      out.put(names.get(j), all.isNullAt(3 + j) ? Double.NaN : all.getDouble(3 + j));
    }
    Row counts = all;
    b.destroy();
    return new Summary(counts.getLong(0), counts.getLong(1), counts.getLong(2), out);
  }

  /**
   * Writes the top-N lists of all users to Parquet: {@code user}, {@code rank} (1-based), {@code
   * item}, {@code score}.
   *
   * @param spark the session
   * @param data prepared data
   * @param userFactors user factors or null
   * @param scorer the scorer
   * @param n list length
   * @param out target directory
   * @return number of rows written
   */
  public static long topN(
      SparkSession spark,
      Prepared data,
      Dataset<Row> userFactors,
      Scorer scorer,
      int n,
      String out) {
    if (n < 1) {
      throw new InputException("The list length is " + n + "; give 1 or more, e.g. --n 10.");
    }
    Dataset<Row> users = data.users().select(col("idx").as("uidx"));
    Dataset<Row> in = withUserData(users, data, userFactors);
    Broadcast<Scorer> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(scorer);
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("uidx", DataTypes.IntegerType, false),
              DataTypes.createStructField("rank", DataTypes.IntegerType, false),
              DataTypes.createStructField("iidx", DataTypes.IntegerType, false),
              DataTypes.createStructField("score", DataTypes.FloatType, false)
            });
    Dataset<Row> lists =
        in.mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> lists(it, b.value(), n), Encoders.row(schema));
    Dataset<Row> named =
        lists
            .join(
                data.users().withColumnRenamed("id", "user").withColumnRenamed("idx", "uidx"),
                "uidx")
            .join(
                org.apache.spark.sql.functions.broadcast(
                    data.items().withColumnRenamed("id", "item").withColumnRenamed("idx", "iidx")),
                "iidx")
            .select("user", "rank", "item", "score");
    named.write().mode(SaveMode.Overwrite).parquet(out);
    b.destroy();
    return spark.read().parquet(out).count();
  }

  /** Adds the user's training items ({@code seen}) and factors ({@code features}). */
  private static Dataset<Row> withUserData(Dataset<Row> users, Prepared data, Dataset<Row> uf) {
    Dataset<Row> seen = data.train().groupBy("uidx").agg(collect_list("iidx").as("seen"));
    Dataset<Row> d =
        users
            .join(seen, users.col("uidx").equalTo(seen.col("uidx")), "left")
            .drop(seen.col("uidx"));
    if (uf != null) {
      Dataset<Row> f = uf.select(col("id").as("fid"), col("features"));
      d = d.join(f, d.col("uidx").equalTo(f.col("fid")), "left").drop("fid");
    } else {
      d = d.withColumn("features", org.apache.spark.sql.functions.lit(null).cast("array<float>"));
    }
    return d;
  }

  static List<String> names(int[] ks) {
    List<String> names = new ArrayList<>();
    for (String kind : new String[] {"Precision", "Recall", "NDCG", "HitRate"}) {
      for (int k : ks) {
        names.add(kind + "@" + k);
      }
    }
    return names;
  }

  private static int[] ints(Row r, String field) {
    int f = r.fieldIndex(field);
    if (r.isNullAt(f)) {
      return new int[0];
    }
    List<Object> l = r.getList(f);
    int[] a = new int[l.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = ((Number) l.get(j)).intValue();
    }
    return a;
  }

  private static float[] floats(Row r) {
    int f = r.fieldIndex("features");
    if (r.isNullAt(f)) {
      return null;
    }
    List<Object> l = r.getList(f);
    float[] a = new float[l.size()];
    for (int j = 0; j < a.length; j++) {
      a[j] = ((Number) l.get(j)).floatValue();
    }
    return a;
  }

  private static Iterator<Row> metrics(Iterator<Row> it, Scorer s, int[] ks, int width) {
    int n = s.numItems();
    float[] scores = new float[n];
    boolean[] excluded = new boolean[n];
    boolean[] relevant = new boolean[n];
    int maxK = ks[ks.length - 1];
    List<Row> out = new ArrayList<>();
    while (it.hasNext()) {
      Row r = it.next();
      int[] seen = ints(r, "seen");
      int[] rel = ints(r, "rel");
      for (int j : seen) {
        excluded[j] = true;
      }
      int nRel = 0;
      int seenRel = 0;
      for (int i : rel) {
        if (excluded[i]) {
          seenRel++;
        } else if (!relevant[i]) {
          relevant[i] = true;
          nRel++;
        }
      }
      Object[] row = new Object[3 + width];
      row[0] = r.getInt(r.fieldIndex("uidx"));
      row[1] = nRel;
      row[2] = seenRel;
      Arrays.fill(row, 3, row.length, 0.0);
      if (nRel > 0) {
        s.score(floats(r), seen, scores);
        int[] top = TopK.select(scores, excluded, maxK);
        int c = ks.length;
        for (int q = 0; q < ks.length; q++) {
          int k = ks[q];
          int hits = 0;
          double dcg = 0;
          for (int p = 0; p < Math.min(k, top.length); p++) {
            if (relevant[top[p]]) {
              hits++;
              dcg += 1.0 / log2(p + 2);
            }
          }
          double idcg = 0;
          for (int p = 0; p < Math.min(k, nRel); p++) {
            idcg += 1.0 / log2(p + 2);
          }
          row[3 + q] = hits / (double) k;
          row[3 + c + q] = hits / (double) nRel;
          row[3 + 2 * c + q] = dcg / idcg;
          row[3 + 3 * c + q] = hits > 0 ? 1.0 : 0.0;
        }
      }
      for (int j : seen) {
        excluded[j] = false;
      }
      for (int i : rel) {
        relevant[i] = false;
      }
      out.add(RowFactory.create(row));
    }
    return out.iterator();
  }

  private static Iterator<Row> lists(Iterator<Row> it, Scorer s, int len) {
    int n = s.numItems();
    float[] scores = new float[n];
    boolean[] excluded = new boolean[n];
    List<Row> out = new ArrayList<>();
    while (it.hasNext()) {
      Row r = it.next();
      int[] seen = ints(r, "seen");
      int u = r.getInt(r.fieldIndex("uidx"));
      for (int j : seen) {
        excluded[j] = true;
      }
      s.score(floats(r), seen, scores);
      int[] top = TopK.select(scores, excluded, len);
      for (int p = 0; p < top.length; p++) {
        out.add(RowFactory.create(u, p + 1, top[p], scores[top[p]]));
      }
      for (int j : seen) {
        excluded[j] = false;
      }
    }
    return out.iterator();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
