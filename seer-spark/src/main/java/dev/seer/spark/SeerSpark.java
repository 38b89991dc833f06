package dev.seer.spark;

import dev.seer.algorithms.als.AlsOptions;
import dev.seer.api.SeerException;
import dev.seer.data.clean.DedupPolicy;
import dev.seer.data.io.ErrorPolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point: {@code SeerSpark JOB --option value ...} with the jobs
 * {@code prepare}, {@code train-als}, {@code train-itemknn}, {@code evaluate}, {@code topn} and
 * {@code export} (see the seer-spark section of the README). Errors users can cause print one
 * sentence and exit with status 2.
 */
public final class SeerSpark {
  private static final String USAGE =
      "usage: SeerSpark prepare|train-als|train-itemknn|evaluate|topn|export --option value ...";

  private SeerSpark() {}

  /**
   * Runs one job.
   *
   * @param args the job name and its options
   */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    SparkSession spark = null;
    try {
      job(args);
      spark = Sessions.fromEnvironment("seer " + args[0]);
      run(spark, args);
    } catch (SeerException e) {
      System.err.println("seer-spark: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      // Spark reports missing input paths and unknown columns with an AnalysisException (checked
      // in Java's eyes, thrown unchecked by Scala); its message names them.
      if (e instanceof org.apache.spark.sql.AnalysisException a) {
        System.err.println(
            "seer-spark: " + a.getSimpleMessage() + "; check the paths and columns.");
        System.exit(2);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
  }

  /** Validates the job name (before a session is started). */
  private static void job(String[] args) {
    if (args.length == 0) {
      throw new dev.seer.api.InputException("No job given; " + USAGE + ".");
    }
    switch (args[0]) {
      case "prepare":
      case "train-als":
      case "train-itemknn":
      case "evaluate":
      case "topn":
      case "export":
        return;
      default:
        throw new dev.seer.api.InputException(
            "Unknown job '" + args[0] + "'; " + USAGE.substring("usage: ".length()) + ".");
    }
  }

  /**
   * Runs one job in a given session (tests call this with a local session).
   *
   * @param spark the session
   * @param args the job name and its options
   * @return a one-line result
   */
  public static String run(SparkSession spark, String[] args) {
    job(args);
    String result;
    switch (args[0]) {
      case "prepare":
        result = prepare(spark, args);
        break;
      case "train-als":
        result = trainAls(spark, args);
        break;
      case "train-itemknn":
        result = trainItemKnn(spark, args);
        break;
      case "evaluate":
        result = evaluate(spark, args);
        break;
      case "topn":
        result = topN(spark, args);
        break;
      default:
        result = export(spark, args);
        break;
    }
    System.out.println(result);
    return result;
  }

  private static String prepare(SparkSession spark, String[] argv) {
    Args a =
        Args.parse(
            "prepare",
            argv,
            1,
            Set.of(
                "input",
                "format",
                "header",
                "user",
                "item",
                "rating",
                "time",
                "on-error",
                "dedup",
                "min-per-user",
                "min-per-item",
                "test-ratio",
                "seed",
                "out"));
    InputSpec spec =
        new InputSpec(
            a.required("input"),
            a.get("format", null),
            a.getBoolean("header", false),
            a.get("user", "0"),
            a.get("item", "1"),
            a.get("rating", null),
            a.get("time", null),
            policy(a.get("on-error", "fail")),
            5);
    PrepareOptions o =
        new PrepareOptions(
            dedup(a.get("dedup", "none")),
            a.getInt("min-per-user", 0),
            a.getInt("min-per-item", 0),
            a.getDouble("test-ratio", 0.2),
            a.getLong("seed", 42));
    String out = a.required("out");
    InputReader.Result read = InputReader.read(spark, spec);
    Prepared p = Prepared.index(spark, Prepare.run(read.rows(), o));
    p.write(out);
    Prepared w = Prepared.read(spark, out);
    return read.summary().summary()
        + "; prepared "
        + out
        + ": "
        + w.train().count()
        + " train rows, "
        + w.test().count()
        + " test rows, "
        + w.users().count()
        + " users, "
        + w.items().count()
        + " items";
  }

  private static String trainAls(SparkSession spark, String[] argv) {
    Args a =
        Args.parse(
            "train-als",
            argv,
            1,
            Set.of(
                "data", "out", "rank", "reg", "alpha", "iterations", "implicit", "blocks", "seed"));
    AlsSettings s =
        new AlsSettings(
            a.getInt("rank", 64),
            a.getDouble("reg", AlsOptions.DEFAULT_WEIGHTED_REGULARIZATION),
            a.getDouble("alpha", 6.0),
            a.getInt("iterations", 15),
            a.getBoolean("implicit", true),
            a.getInt("blocks", 0),
            a.getLong("seed", 42));
    Prepared p = Prepared.read(spark, a.required("data"));
    String out = a.required("out");
    ALSModel m = SparkAls.train(p.train(), s);
    SparkAls.write(spark, m, s, out);
    return "ALS rank " + s.rank() + " written to " + out;
  }

  private static String trainItemKnn(SparkSession spark, String[] argv) {
    Args a = Args.parse("train-itemknn", argv, 1, Set.of("data", "out", "k", "max-per-user"));
    Prepared p = Prepared.read(spark, a.required("data"));
    String out = a.required("out");
    Dataset<Row> nb =
        SparkItemKnn.neighbours(p.train(), a.getInt("k", 50), a.getInt("max-per-user", 0));
    nb.write().mode(SaveMode.Overwrite).parquet(out + "/neighbours");
    return "item-kNN neighbours written to " + out + "/neighbours";
  }

  private static Scorer scorer(SparkSession spark, Prepared p, String model, String kind) {
    int numItems = Math.toIntExact(p.items().count());
    if (kind.equals("itemknn")) {
      return SparkItemKnn.scorer(spark.read().parquet(model + "/neighbours"), numItems);
    }
    AlsSettings s = SparkAls.readSettings(spark, model);
    float[] itf =
        SparkAls.collect(spark.read().parquet(model + "/itemFactors"), numItems, s.rank());
    return new FactorScorer(itf, numItems, s.rank());
  }

  private static String evaluate(SparkSession spark, String[] argv) {
    Args a = Args.parse("evaluate", argv, 1, Set.of("data", "model", "kind", "cutoffs"));
    Prepared p = Prepared.read(spark, a.required("data"));
    String model = a.required("model");
    String kind = kind(a);
    int[] ks = cutoffs(a.get("cutoffs", "10,20"));
    DistributedEval.Summary s =
        DistributedEval.evaluate(
            spark,
            p,
            kind.equals("als") ? spark.read().parquet(model + "/userFactors") : null,
            scorer(spark, p, model, kind),
            ks);
    return "evaluated "
        + s.evaluatedUsers()
        + " of "
        + s.testUsers()
        + " test users: "
        + s.metrics();
  }

  private static String topN(SparkSession spark, String[] argv) {
    Args a = Args.parse("topn", argv, 1, Set.of("data", "model", "kind", "n", "out"));
    Prepared p = Prepared.read(spark, a.required("data"));
    String model = a.required("model");
    String kind = kind(a);
    long rows =
        DistributedEval.topN(
            spark,
            p,
            kind.equals("als") ? spark.read().parquet(model + "/userFactors") : null,
            scorer(spark, p, model, kind),
            a.getInt("n", 10),
            a.required("out"));
    return rows + " recommendations written to " + a.required("out");
  }

  private static String export(SparkSession spark, String[] argv) {
    Args a = Args.parse("export", argv, 1, Set.of("data", "model", "kind", "out"));
    Path out = Path.of(a.required("out"));
    dev.seer.api.Recommender m =
        kind(a).equals("itemknn")
            ? Export.runItemKnn(spark, a.required("data"), a.required("model"), out)
            : Export.run(spark, a.required("data"), a.required("model"), out);
    return "exported " + m.users().size() + " users x " + m.items().size() + " items to " + out;
  }

  private static ErrorPolicy policy(String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "fail":
        return ErrorPolicy.FAIL;
      case "skip":
        return ErrorPolicy.SKIP;
      default:
        throw new dev.seer.api.InputException("--on-error is '" + v + "'; use fail or skip.");
    }
  }

  private static DedupPolicy dedup(String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "none":
        return null;
      case "first":
        return DedupPolicy.FIRST;
      case "last":
        return DedupPolicy.LAST;
      case "mean":
        return DedupPolicy.MEAN;
      default:
        throw new dev.seer.api.InputException(
            "--dedup is '" + v + "'; use none, first, last or mean.");
    }
  }

  private static int[] cutoffs(String text) {
    try {
      return Arrays.stream(text.split(","))
          .map(String::strip)
          .mapToInt(Integer::parseInt)
          .toArray();
    } catch (NumberFormatException e) {
      throw new dev.seer.api.InputException(
          "--cutoffs is '" + text + "'; give whole numbers separated by commas, e.g. 10,20.");
    }
  }

  private static String kind(Args a) {
    String k = a.get("kind", "als");
    if (!k.equals("als") && !k.equals("itemknn")) {
      throw new dev.seer.api.InputException("--kind is '" + k + "'; use als or itemknn.");
    }
    return k;
  }
}
