package dev.seer.spark;

import dev.seer.algorithms.als.AlsModel;
import dev.seer.algorithms.als.AlsTrainer;
import dev.seer.algorithms.knn.ItemKnnModel;
import dev.seer.algorithms.knn.ItemKnnTrainer;
import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.SeerVersion;
import dev.seer.api.SparseMatrix;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Builds Seer's {@link AlsModel} from Spark-trained factors and writes it in Seer's versioned model
 * file format (algorithm {@code als}, loaded by the ALS codec of seer-algorithms), so that {@code
 * seer serve} and {@code seer recommend} use it as they use a model trained on one machine. The
 * model is assembled on the driver: it needs {@code (users + items) × rank × 4} bytes plus the
 * training matrix.
 */
public final class Export {
  private Export() {}

  /**
   * Assembles the model.
   *
   * @param data prepared data (the training part becomes the model's seen items)
   * @param userFactors user factor table
   * @param itemFactors item factor table
   * @param s the settings it was trained with; new users are folded in with MLlib's own
   *     regularisation, {@code regParam} times the user's number of items (Seer's {@code
   *     weightedRegularization}), so a folded-in user gets the vector MLlib would have given them
   * @return the model
   */
  public static AlsModel model(
      Prepared data, Dataset<Row> userFactors, Dataset<Row> itemFactors, AlsSettings s) {
    IdIndex users = IdIndex.of(Arrays.asList(Prepared.collectIds(data.users())));
    IdIndex items = IdIndex.of(Arrays.asList(Prepared.collectIds(data.items())));
    Interactions train = collectTrain(data.train(), users, items);
    int k = s.rank();
    float[] uf = SparkAls.collect(userFactors, users.size(), k);
    float[] itf = SparkAls.collect(itemFactors, items.size(), k);
    Map<String, String> options = new LinkedHashMap<>(s.asMap());
    double lambda = foldInRegularization(s);
    options.put("regularization", Double.toString(lambda));
    options.put("weightedRegularization", "true");
    ModelCard card = card(AlsTrainer.ALGORITHM, options, s.seed(), train);
    if (!s.implicitPrefs()) {
      return AlsModel.fromExplicitFactors(
          card, users, items, k, lambda, true, uf, itf, train.byUser());
    }
    return AlsModel.fromFactors(
        card, users, items, k, lambda, true, s.alpha(), false, uf, itf, train.byUser());
  }

  /**
   * Collects training rows over given indices (driver side).
   *
   * @param train rows with {@code uidx}, {@code iidx}, {@code rating}, {@code ts}
   * @param users user index
   * @param items item index
   * @return the interactions
   */
  public static Interactions collectTrain(Dataset<Row> train, IdIndex users, IdIndex items) {
    List<Row> rows =
        train.select("uidx", "iidx", "rating", "ts").orderBy("uidx", "ts", "iidx").collectAsList();
    int n = rows.size();
    int[] u = new int[n];
    int[] it = new int[n];
    float[] r = new float[n];
    long[] t = new long[n];
    for (int q = 0; q < n; q++) {
      Row row = rows.get(q);
      u[q] = row.getInt(0);
      it[q] = row.getInt(1);
      r[q] = row.getFloat(2);
      t[q] = row.getLong(3);
    }
    return new Interactions(users, items, u, it, r, t);
  }

  /** The card of a model trained by Spark on {@code train}, made now by this Seer version. */
  private static ModelCard card(
      String algorithm, Map<String, String> options, long seed, Interactions train) {
    return new ModelCard(
        algorithm, options, seed, train.fingerprint(), Map.of(), SeerVersion.get(), Instant.now());
  }

  /**
   * The fold-in {@code λ} of an exported model: MLlib's {@code regParam}, used with weighted-λ;
   * {@code regParam} 0 (allowed by MLlib) becomes 1e-9 because fold-in needs a positive penalty.
   *
   * @param s the settings
   * @return {@code λ}
   */
  public static double foldInRegularization(AlsSettings s) {
    return Math.max(1e-9, s.regParam());
  }

  /**
   * Assembles an item-kNN model from train-itemknn's neighbour lists.
   *
   * @param data prepared data (the training part becomes the model's seen items)
   * @param neighbours rows {@code iidx}, {@code nidx}, {@code sim}
   * @return the model
   */
  public static ItemKnnModel itemKnn(Prepared data, Dataset<Row> neighbours) {
    IdIndex users = IdIndex.of(Arrays.asList(Prepared.collectIds(data.users())));
    IdIndex items = IdIndex.of(Arrays.asList(Prepared.collectIds(data.items())));
    Interactions train = collectTrain(data.train(), users, items);
    SparseMatrix nb = SparkItemKnn.collect(neighbours, items.size());
    int most = 0;
    for (int i = 0; i < nb.rows(); i++) {
      most = Math.max(most, nb.rowNnz(i));
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put("trainer", "spark-cooccurrence");
    options.put("neighbours", Integer.toString(Math.max(1, most)));
    options.put("similarity", "cosine");
    options.put("shrinkage", "0.0");
    options.put("useRatings", "false");
    return ItemKnnModel.fromNeighbours(
        card(ItemKnnTrainer.ALGORITHM, options, 0, train), users, items, nb, train.byUser());
  }

  /**
   * Writes the model file.
   *
   * @param model the model
   * @param path the target file
   */
  public static void save(AlsModel model, Path path) {
    ModelFiles.save(path, model, model.train());
  }

  /**
   * Reads a train-itemknn output directory and exports it.
   *
   * @param spark the session
   * @param prepared the prepared-data directory
   * @param modelDir the train-itemknn directory
   * @param out the model file
   * @return the model written
   */
  public static ItemKnnModel runItemKnn(
      SparkSession spark, String prepared, String modelDir, Path out) {
    Prepared data = Prepared.read(spark, prepared);
    ItemKnnModel m = itemKnn(data, spark.read().parquet(modelDir + "/neighbours"));
    ModelFiles.save(out, m, m.train());
    return m;
  }

  /**
   * Reads a train-als output directory and exports it.
   *
   * @param spark the session
   * @param prepared the prepared-data directory
   * @param modelDir the train-als directory
   * @param out the model file
   * @return the model written
   */
  public static AlsModel run(SparkSession spark, String prepared, String modelDir, Path out) {
    Prepared data = Prepared.read(spark, prepared);
    AlsSettings s = SparkAls.readSettings(spark, modelDir);
    AlsModel m =
        model(
            data,
            spark.read().parquet(modelDir + "/userFactors"),
            spark.read().parquet(modelDir + "/itemFactors"),
            s);
    save(m, out);
    return m;
  }
}
