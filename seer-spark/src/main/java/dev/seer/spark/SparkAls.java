package dev.seer.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Trains ALS with Spark MLlib on prepared data and stores the factors: {@code userFactors/} and
 * {@code itemFactors/} (Parquet: {@code id} = the dense index, {@code features} = float array) and
 * {@code als.properties} (the settings).
 */
public final class SparkAls {
  private SparkAls() {}

  /**
   * Trains.
   *
   * @param train training rows with {@code uidx}, {@code iidx}, {@code rating}
   * @param s the settings
   * @return the MLlib model
   */
  public static ALSModel train(Dataset<Row> train, AlsSettings s) {
    ALS als =
        new ALS()
            .setRank(s.rank())
            .setRegParam(s.regParam())
            .setAlpha(s.alpha())
            .setMaxIter(s.iterations())
            .setImplicitPrefs(s.implicitPrefs())
            .setSeed(s.seed())
            .setUserCol("uidx")
            .setItemCol("iidx")
            .setRatingCol("rating")
            .setCheckpointInterval(-1)
            .setColdStartStrategy("drop");
    if (s.blocks() > 0) {
      als.setNumUserBlocks(s.blocks()).setNumItemBlocks(s.blocks());
    }
    // Implicit: every observed pair has preference 1 and confidence 1 + alpha, as Seer's ALS
    // without useRatings; explicit: the ratings themselves.
    return als.fit(
        train.select(
            col("uidx"),
            col("iidx"),
            s.implicitPrefs()
                ? org.apache.spark.sql.functions.lit(1f).as("rating")
                : col("rating").cast("float").as("rating")));
  }

  /**
   * Writes a trained model's factors and settings.
   *
   * @param spark the session
   * @param model the model
   * @param s its settings
   * @param dir target directory
   */
  public static void write(SparkSession spark, ALSModel model, AlsSettings s, String dir) {
    model.userFactors().write().mode(SaveMode.Overwrite).parquet(dir + "/userFactors");
    model.itemFactors().write().mode(SaveMode.Overwrite).parquet(dir + "/itemFactors");
    Properties p = new Properties();
    for (Map.Entry<String, String> e : s.asMap().entrySet()) {
      p.setProperty(e.getKey(), e.getValue());
    }
    p.setProperty("seed", Long.toString(s.seed()));
    try {
      Path path = new Path(dir + "/als.properties");
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataOutputStream out = fs.create(path, true)) {
        p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "Seer Spark ALS");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads settings written by {@link #write}.
   *
   * @param spark the session
   * @param dir the model directory
   * @return the settings
   */
  public static AlsSettings readSettings(SparkSession spark, String dir) {
    Properties p = new Properties();
    try {
      Path path = new Path(dir + "/als.properties");
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataInputStream in = fs.open(path)) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new dev.seer.api.InputException(
          "Cannot read "
              + dir
              + "/als.properties ("
              + e.getMessage()
              + "); give the directory that train-als wrote.");
    }
    return new AlsSettings(
        Integer.parseInt(p.getProperty("factors")),
        Double.parseDouble(p.getProperty("regParam")),
        Double.parseDouble(p.getProperty("alpha")),
        Integer.parseInt(p.getProperty("iterations")),
        Boolean.parseBoolean(p.getProperty("implicitPrefs")),
        Integer.parseInt(p.getProperty("blocks")),
        Long.parseLong(p.getProperty("seed")));
  }

  /**
   * Collects a factor table into a row-major array (rows without factors stay zero).
   *
   * @param factors table with {@code id} and {@code features}
   * @param rows number of rows (the size of the id index)
   * @param k number of factors
   * @return rows × k floats
   */
  public static float[] collect(Dataset<Row> factors, int rows, int k) {
    float[] out = new float[Math.multiplyExact(rows, k)];
    for (Row r : factors.collectAsList()) {
      int id = r.getInt(0);
      List<Object> f = r.getList(1);
      for (int a = 0; a < k; a++) {
        out[id * k + a] = ((Number) f.get(a)).floatValue();
      }
    }
    return out;
  }
}
