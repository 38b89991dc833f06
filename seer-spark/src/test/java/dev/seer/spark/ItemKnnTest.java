package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Distributed co-occurrence item-kNN on a fixture small enough to compute by hand. */
class ItemKnnTest {
  @TempDir Path dir;

  /**
   * Users a: {x, y}, b: {x, y, z}, c: {y, z}. Distinct users per item: x 2, y 3, z 2;
   * co-occurrences: (x, y) 2, (x, z) 1, (y, z) 2. Cosines: x–y 2/√6, x–z 1/√4 = 0.5, y–z 2/√6.
   */
  private static Prepared fixture(SparkSession spark) {
    List<Row> rows =
        List.of(
            RowFactory.create("a", "x", 1f, 1L, 0L, 0, 0, false),
            RowFactory.create("a", "y", 1f, 2L, 1L, 0, 1, false),
            RowFactory.create("b", "x", 1f, 1L, 2L, 1, 0, false),
            RowFactory.create("b", "y", 1f, 2L, 3L, 1, 1, false),
            RowFactory.create("b", "z", 1f, 3L, 4L, 1, 2, false),
            RowFactory.create("c", "y", 1f, 1L, 5L, 2, 1, false),
            RowFactory.create("c", "z", 1f, 2L, 6L, 2, 2, false),
            RowFactory.create("c", "x", 1f, 3L, 7L, 2, 0, true));
    Dataset<Row> all =
        spark.createDataFrame(
            rows,
            InputReader.SCHEMA
                .add("uidx", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("iidx", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("test", org.apache.spark.sql.types.DataTypes.BooleanType));
    Dataset<Row> users =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", 0), RowFactory.create("b", 1), RowFactory.create("c", 2)),
            Prepared.ID_SCHEMA);
    Dataset<Row> items =
        spark.createDataFrame(
            List.of(
                RowFactory.create("x", 0), RowFactory.create("y", 1), RowFactory.create("z", 2)),
            Prepared.ID_SCHEMA);
    return new Prepared(
        all.filter("test = false").drop("test"),
        all.filter("test = true").drop("test"),
        users,
        items);
  }

  @Test
  void cosineNeighboursAndScores() {
    SparkSession spark = SparkTestSession.get();
    Prepared p = fixture(spark);
    Map<String, Float> sims = new HashMap<>();
    for (Row r : SparkItemKnn.neighbours(p.train(), 2, 0).collectAsList()) {
      sims.put(r.getInt(0) + "-" + r.getInt(1), r.getFloat(2));
    }
    double c = 2 / Math.sqrt(6);
    assertEquals(6, sims.size());
    assertEquals(c, sims.get("0-1"), 1e-6);
    assertEquals(0.5, sims.get("0-2"), 1e-6);
    assertEquals(c, sims.get("1-2"), 1e-6);
    assertEquals(c, sims.get("2-1"), 1e-6);
    // k = 1: y's two neighbours tie at 2/√6; the lower index (x) is kept.
    Map<Integer, Integer> best = new HashMap<>();
    for (Row r : SparkItemKnn.neighbours(p.train(), 1, 0).collectAsList()) {
      best.put(r.getInt(0), r.getInt(1));
    }
    assertEquals(Map.of(0, 1, 1, 0, 2, 1), best);

    // Scores with k = 2: user a (x, y) gets z = sim(x,z) + sim(y,z) = 0.5 + 2/√6.
    NeighbourScorer s = SparkItemKnn.scorer(SparkItemKnn.neighbours(p.train(), 2, 0), 3);
    float[] out = new float[3];
    s.score(null, new int[] {0, 1}, out);
    assertEquals(0.5 + c, out[2], 1e-6);

    // Distributed evaluation: only c has a test row (x), c's only candidate,, so it ranks
    // first: Recall@1 = 1, NDCG@1 = 1, Precision@1 = 1.
    DistributedEval.Summary e = DistributedEval.evaluate(spark, p, null, s, new int[] {1});
    assertEquals(1, e.testUsers());
    assertEquals(1, e.evaluatedUsers());
    assertEquals(1.0, e.metrics().get("Recall@1"), 1e-12);
    assertEquals(1.0, e.metrics().get("NDCG@1"), 1e-12);

    // Top-1: a gets z (score 0.5 + 2/√6), c gets x, b has seen every item and gets none.
    String out2 = dir.resolve("topn").toString();
    assertEquals(2, DistributedEval.topN(spark, p, null, s, 1, out2));
    Row a = spark.read().parquet(out2).filter("user = 'a'").first();
    assertEquals("z", a.getString(a.fieldIndex("item")));
    assertEquals(0.5 + c, a.getFloat(a.fieldIndex("score")), 1e-6);
  }
}
