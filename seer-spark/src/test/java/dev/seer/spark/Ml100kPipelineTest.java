package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.als.AlsModel;
import dev.seer.algorithms.als.AlsOptions;
import dev.seer.algorithms.als.AlsTrainer;
import dev.seer.algorithms.knn.ItemKnnModel;
import dev.seer.algorithms.knn.ItemKnnOptions;
import dev.seer.algorithms.knn.ItemKnnTrainer;
import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.api.ModelFiles;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.SavedModel;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.split.RandomSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on MovieLens 100K in local mode: the Spark split equals the single-machine
 * split, MLlib ALS reaches the single-machine ALS's Recall@20, the distributed evaluation agrees
 * with seer-eval's Evaluator on the exported model, and the exported file loads and recommends.
 */
class Ml100kPipelineTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Prepared prepared;
  private static Interactions all;

  @BeforeAll
  static void prepare() {
    spark = SparkTestSession.get();
    Path data = SharedData.movieLens100k().resolve("u.data");
    String out = dir.resolve("prepared").toString();
    SeerSpark.run(
        spark,
        new String[] {
          "prepare",
          "--input",
          data.toString(),
          "--format",
          "tsv",
          "--user",
          "0",
          "--item",
          "1",
          "--rating",
          "2",
          "--time",
          "3",
          "--test-ratio",
          "0.2",
          "--seed",
          "42",
          "--out",
          out
        });
    prepared = Prepared.read(spark, out);
    all =
        DatasetReaders.read(SharedData.movieLens100k(), "ml-100k", null, null)
            .dataset()
            .interactions();
  }

  private static Set<String> pairs(Interactions d) {
    Set<String> s = new HashSet<>();
    for (int k = 0; k < d.size(); k++) {
      s.add(d.users().id(d.user(k)) + "\t" + d.items().id(d.item(k)));
    }
    return s;
  }

  private static Set<String> pairs(List<Row> rows) {
    Set<String> s = new HashSet<>();
    for (Row r : rows) {
      s.add(r.getString(0) + "\t" + r.getString(1));
    }
    return s;
  }

  /** The Spark split as Seer interactions over Spark's (sorted) id index. */
  private static Split sparkSplit() {
    IdIndex users = IdIndex.of(Arrays.asList(Prepared.collectIds(prepared.users())));
    IdIndex items = IdIndex.of(Arrays.asList(Prepared.collectIds(prepared.items())));
    return Split.of(
        "spark",
        Export.collectTrain(prepared.train(), users, items),
        Export.collectTrain(prepared.test(), users, items));
  }

  @Test
  void splitIsTheSingleMachineSplit() {
    Split seer = new RandomSplitter(0.2, 42).split(all);
    Set<String> sparkTest = pairs(prepared.test().select("user", "item").collectAsList());
    Set<String> sparkTrain = pairs(prepared.train().select("user", "item").collectAsList());
    assertEquals(seer.test().size(), sparkTest.size());
    assertEquals(pairs(seer.test()), sparkTest);
    assertEquals(pairs(seer.train()), sparkTrain);
  }

  @Test
  void mllibAlsMatchesSingleMachineAlsAndTheExportServes() throws Exception {
    // Single machine: Seer's ALS at 64 factors on the same split, with MLlib's regularisation
    // (weighted-λ) at its default λ, and for comparison with Seer's default constant λ.
    Split seerSplit = new RandomSplitter(0.2, 42).split(all);
    AlsOptions weighted =
        AlsOptions.parse(java.util.Map.of("weightedRegularization", "true")).withThreads(2);
    EvalOptions eval = new EvalOptions(new int[] {20}, null, 0, 42, 2);
    TrainingContext ctx = new TrainingContext(42, null, null, 2);
    double seerRecall =
        Evaluator.evaluate(
                "als", new AlsTrainer(weighted).fit(seerSplit.train(), ctx), seerSplit, eval)
            .mean("Recall@20");
    double seerConstantRecall =
        Evaluator.evaluate(
                "als",
                new AlsTrainer(AlsOptions.defaults()).fit(seerSplit.train(), ctx),
                seerSplit,
                eval)
            .mean("Recall@20");

    // Spark: train-als at its defaults (rank 64, α 6, 15 iterations, regParam = Seer's weighted
    // default λ): the same problem as the first single-machine model.
    String modelDir = dir.resolve("als").toString();
    train("train-als", modelDir, "--blocks", "2");
    AlsSettings s = SparkAls.readSettings(spark, modelDir);
    assertEquals(weighted.regularization(), s.regParam());
    assertEquals(weighted.alpha(), s.alpha());
    assertEquals(weighted.iterations(), s.iterations());
    assertEquals(weighted.factors(), s.rank());

    int numItems = Math.toIntExact(prepared.items().count());
    float[] itf = SparkAls.collect(spark.read().parquet(modelDir + "/itemFactors"), numItems, 64);
    DistributedEval.Summary d =
        DistributedEval.evaluate(
            spark,
            prepared,
            spark.read().parquet(modelDir + "/userFactors"),
            new FactorScorer(itf, numItems, 64),
            new int[] {10, 20});
    double sparkRecall = d.metrics().get("Recall@20");
    System.out.printf(
        "ML-100K Recall@20: seer ALS (weighted λ) %.4f, spark ALS %.4f; seer constant λ %.4f%n",
        seerRecall, sparkRecall, seerConstantRecall);
    // Target: within 2% (relative) of the single-machine ALS solving the same problem. Measured:
    // see docs/spark.md.
    assertEquals(
        seerRecall,
        sparkRecall,
        0.02 * seerRecall,
        "Spark " + sparkRecall + " vs Seer " + seerRecall);

    // Export, load with the seer-algorithms codec, and check the distributed evaluation against
    // seer-eval's Evaluator on the loaded model (same scores bit for bit, same tie-break).
    Path file = dir.resolve("spark-als.seer");
    export(modelDir, file);
    assertTrue(Files.size(file) > 0);
    SavedModel loaded = ModelFiles.load(file);
    AlsModel model = assertInstanceOf(AlsModel.class, loaded.model());
    assertEquals(64, model.factors());
    assertTrue(model.weightedRegularization());
    // MLlib's last step solves every user exactly against the final item factors with regParam ×
    // n_u; folding a training user's items into the export must give back that vector.
    double worst = largestFoldInDifference(model, false);
    System.out.printf("fold-in vs MLlib's user vectors: largest relative difference %.2e%n", worst);
    assertTrue(worst < 1e-3, "fold-in differs from MLlib's user vector by " + worst);
    // The check can fail: with a constant λ the same fold-in gives another vector.
    AlsModel constant =
        AlsModel.fromFactors(
            model.card(),
            model.users(),
            model.items(),
            64,
            model.regularization(),
            false,
            model.alpha(),
            false,
            model.userFactors(),
            model.itemFactors(),
            model.train());
    float[] c = constant.foldInVector(loaded.seen().row(0), null);
    float[] w = model.foldInVector(loaded.seen().row(0), null);
    assertTrue(!java.util.Arrays.equals(c, w), "constant and weighted fold-in agree");
    Split split = sparkSplit();
    EvalResult r =
        Evaluator.evaluate(
            "spark-als", model, split, new EvalOptions(new int[] {10, 20}, null, 0, 42, 2));
    assertEquals(r.counts().testUsers(), d.testUsers());
    for (String metric :
        List.of("Recall@10", "Recall@20", "NDCG@20", "Precision@10", "HitRate@20")) {
      // Tolerance: rounding of the per-user mean only.
      assertEquals(r.mean(metric), d.metrics().get(metric), 1e-9, metric);
    }
    // It recommends: 10 unseen items for user 1.
    int u = model.users().index("1");
    Ranking top = Ranker.recommend(model, u, 10, loaded.seen(), null);
    assertEquals(10, top.size());
    Set<Integer> seen = new HashSet<>();
    for (int k = loaded.seen().rowStart(u); k < loaded.seen().rowEnd(u); k++) {
      seen.add(loaded.seen().indices()[k]);
    }
    for (int i : top.items()) {
      assertTrue(!seen.contains(i), "seen item recommended");
    }
  }

  /** Runs seer-spark's export job on the prepared data and a train-als directory. */
  private static void export(String modelDir, Path file, String... options) {
    run("export", List.of("--model", modelDir, "--out", file.toString()), options);
  }

  /** Runs a training job of seer-spark on the prepared data, writing to {@code modelDir}. */
  private static void train(String job, String modelDir, String... options) {
    run(job, List.of("--out", modelDir), options);
  }

  /** Runs a seer-spark job with {@code --data} the prepared data and the given options. */
  private static void run(String job, List<String> named, String... more) {
    List<String> args = new java.util.ArrayList<>();
    args.add(job);
    args.add("--data");
    args.add(dir.resolve("prepared").toString());
    args.addAll(named);
    args.addAll(List.of(more));
    SeerSpark.run(spark, args.toArray(String[]::new));
  }

  /**
   * Folds every 37th training user's items (with their ratings if asked) into the model and returns
   * the largest distance to their stored vector, relative to its length.
   */
  private static double largestFoldInDifference(AlsModel model, boolean withRatings) {
    SparseMatrix train = model.train();
    int k = model.factors();
    double worst = 0;
    for (int user = 0; user < model.users().size(); user += 37) {
      float[] values =
          withRatings
              ? Arrays.copyOfRange(train.values(), train.rowStart(user), train.rowEnd(user))
              : null;
      float[] x = model.foldInVector(train.row(user), values);
      double diff = 0;
      double norm = 0;
      for (int a = 0; a < k; a++) {
        double m = model.userFactors()[user * k + a];
        diff += (x[a] - m) * (x[a] - m);
        norm += m * m;
      }
      worst = Math.max(worst, Math.sqrt(diff / norm));
    }
    return worst;
  }

  @Test
  void anExplicitMllibModelExportsAndFoldsInLikeMllib() throws Exception {
    String modelDir = dir.resolve("als-explicit").toString();
    train(
        "train-als",
        modelDir,
        "--implicit",
        "false",
        "--rank",
        "16",
        "--iterations",
        "10",
        "--blocks",
        "2");
    Path file = dir.resolve("spark-als-explicit.seer");
    export(modelDir, file);
    AlsModel model = assertInstanceOf(AlsModel.class, ModelFiles.load(file).model());
    assertTrue(model.explicit());
    // Folding a training user's ratings in gives back MLlib's own vector for them (its last step
    // solves each user by ridge regression with regParam × n_u against the final item factors).
    double worst = largestFoldInDifference(model, true);
    System.out.printf("explicit fold-in vs MLlib: largest relative difference %.2e%n", worst);
    assertTrue(worst < 1e-3, "fold-in differs from MLlib's user vector by " + worst);
    // Scores are predicted ratings: for a training pair, near the rating on average.
    SparseMatrix train = model.train();
    double err = 0;
    int n = 0;
    float[] scores = new float[model.items().size()];
    for (int user = 0; user < model.users().size(); user += 50) {
      model.score(user, scores);
      for (int q = train.rowStart(user); q < train.rowEnd(user); q++) {
        double e = scores[train.indices()[q]] - train.values()[q];
        err += e * e;
        n++;
      }
    }
    double rmse = Math.sqrt(err / n);
    assertTrue(rmse < 1.0, "training RMSE " + rmse);
  }

  @Test
  void sparkItemKnnExportsTheSingleMachineNeighbours() throws Exception {
    String modelDir = dir.resolve("knn").toString();
    train("train-itemknn", modelDir, "--k", "20");
    Path file = dir.resolve("spark-knn.seer");
    export(modelDir, file, "--kind", "itemknn");
    ItemKnnModel spark1 = assertInstanceOf(ItemKnnModel.class, ModelFiles.load(file).model());
    // Seer's item-kNN (cosine, 20 neighbours) on the same training rows and indices.
    Split split = sparkSplit();
    ItemKnnModel single =
        new ItemKnnTrainer(ItemKnnOptions.defaults().withNeighbours(20))
            .fit(split.train(), new TrainingContext(42, null, null, 2));
    SparseMatrix a = spark1.neighbours();
    SparseMatrix b = single.neighbours();
    int differentLists = 0;
    for (int i = 0; i < a.rows(); i++) {
      for (int q = a.rowStart(i); q < a.rowEnd(i); q++) {
        int j = a.indices()[q];
        if (b.contains(i, j)) {
          assertEquals(single.similarity(i, j), a.values()[q], 1e-6, "sim(" + i + ", " + j + ")");
        }
      }
      if (!Arrays.equals(a.row(i), b.row(i))) {
        differentLists++;
      }
    }
    // Neighbour lists differ only where the 20th place is a tie broken by float rounding.
    System.out.printf("item-kNN: %d of %d neighbour lists differ%n", differentLists, a.rows());
    assertTrue(differentLists <= a.rows() / 100, differentLists + " lists differ");
    EvalOptions eval = new EvalOptions(new int[] {20}, null, 0, 42, 2);
    double r1 = Evaluator.evaluate("spark-knn", spark1, split, eval).mean("Recall@20");
    double r2 = Evaluator.evaluate("item-knn", single, split, eval).mean("Recall@20");
    System.out.printf("item-kNN Recall@20: spark export %.4f, single machine %.4f%n", r1, r2);
    assertEquals(r2, r1, 0.002);
  }

  @Test
  void malformedRowsFollowTheErrorPolicy() throws Exception {
    Path f = dir.resolve("bad.tsv");
    Files.writeString(f, "1\t10\t4\t100\n2\t\t3\t101\n3\t30\tfive\t102\n4\t40\t2\t103\n");
    InputReader.Result ok =
        InputReader.read(
            spark,
            new InputSpec(f.toString(), "tsv", false, "0", "1", "2", "3", ErrorPolicy.SKIP, 5));
    // Row 2 has no item, row 3 a rating that is not a number.
    assertEquals(4, ok.summary().rows());
    assertEquals(2, ok.summary().accepted());
    assertEquals(2, ok.summary().malformed());
    assertEquals(2, ok.rows().count());
    dev.seer.api.InputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.seer.api.InputException.class,
            () ->
                InputReader.read(spark, InputSpec.tsv(f.toString(), true, true, ErrorPolicy.FAIL)));
    assertTrue(e.getMessage().contains("2 malformed rows"), e.getMessage());
    assertTrue(e.getMessage().contains("--on-error skip"), e.getMessage());
  }
}
