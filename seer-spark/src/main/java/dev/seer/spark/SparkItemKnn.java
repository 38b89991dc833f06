package dev.seer.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;

import dev.seer.api.InputException;
import dev.seer.api.SparseMatrix;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Item-kNN by distributed co-occurrence: the training pairs are joined with themselves on the user,
 * co-occurrence counts {@code c(i, j)} (distinct users with both items) are summed per item pair,
 * and the cosine {@code c(i, j) / sqrt(n_i n_j)} (n = distinct users of the item) is kept for the
 * {@code k} most similar neighbours of each item (ties to the lower index). The self-join costs
 * {@code Σ_u d_u²} pairs for user degrees {@code d_u}; {@code maxPerUser} caps a user's items (the
 * earliest kept, by index) to bound that cost on heavy users.
 */
public final class SparkItemKnn {
  private SparkItemKnn() {}

  /**
   * Computes neighbour lists.
   *
   * @param train training rows with {@code uidx}, {@code iidx}
   * @param k neighbours kept per item
   * @param maxPerUser at most this many items per user enter the co-occurrence (0: all)
   * @return rows {@code iidx}, {@code nidx}, {@code sim}
   */
  public static Dataset<Row> neighbours(Dataset<Row> train, int k, int maxPerUser) {
    if (k < 1) {
      throw new InputException("k is " + k + "; item-kNN needs at least 1 neighbour, e.g. 50.");
    }
    Dataset<Row> pairs = train.select("uidx", "iidx").distinct();
    if (maxPerUser > 0) {
      pairs =
          pairs
              .withColumn("r", row_number().over(Window.partitionBy("uidx").orderBy("iidx")))
              .filter(col("r").leq(maxPerUser))
              .drop("r");
    }
    Dataset<Row> n = pairs.groupBy("iidx").agg(count("*").as("n"));
    Dataset<Row> a = pairs.select(col("uidx"), col("iidx").as("i"));
    Dataset<Row> b = pairs.select(col("uidx").as("u2"), col("iidx").as("j"));
    Dataset<Row> co =
        a.join(b, a.col("uidx").equalTo(b.col("u2")).and(a.col("i").notEqual(b.col("j"))))
            .groupBy("i", "j")
            .agg(count("*").as("c"));
    Dataset<Row> ni = n.select(col("iidx").as("ni_id"), col("n").as("ni"));
    Dataset<Row> nj = n.select(col("iidx").as("nj_id"), col("n").as("nj"));
    Dataset<Row> sims =
        co.join(ni, co.col("i").equalTo(ni.col("ni_id")))
            .join(nj, co.col("j").equalTo(nj.col("nj_id")))
            .select(
                col("i").as("iidx"),
                col("j").as("nidx"),
                col("c").divide(sqrt(col("ni").multiply(col("nj")))).cast("float").as("sim"));
    return sims.withColumn(
            "r",
            row_number()
                .over(Window.partitionBy("iidx").orderBy(col("sim").desc(), col("nidx").asc())))
        .filter(col("r").leq(k))
        .drop("r");
  }

  /**
   * Collects neighbour lists into an items × items matrix: row {@code i} holds {@code i}'s
   * neighbours in index order with their similarities.
   *
   * @param neighbours rows {@code iidx}, {@code nidx}, {@code sim}
   * @param numItems the size of the item index
   * @return the matrix
   */
  public static SparseMatrix collect(Dataset<Row> neighbours, int numItems) {
    List<Row> rows = neighbours.orderBy("iidx", "nidx").collectAsList();
    int[] start = new int[numItems + 1];
    for (Row r : rows) {
      start[r.getInt(0) + 1]++;
    }
    for (int i = 0; i < numItems; i++) {
      start[i + 1] += start[i];
    }
    int[] nb = new int[rows.size()];
    float[] sim = new float[rows.size()];
    for (int q = 0; q < rows.size(); q++) {
      nb[q] = rows.get(q).getInt(1);
      sim[q] = rows.get(q).getFloat(2);
    }
    return new SparseMatrix(numItems, numItems, start, nb, sim);
  }

  /**
   * Collects neighbour lists into a scorer.
   *
   * @param neighbours rows {@code iidx}, {@code nidx}, {@code sim}
   * @param numItems the size of the item index
   * @return the scorer
   */
  public static NeighbourScorer scorer(Dataset<Row> neighbours, int numItems) {
    SparseMatrix m = collect(neighbours, numItems);
    return new NeighbourScorer(numItems, m.indptr(), m.indices(), m.values());
  }
}
