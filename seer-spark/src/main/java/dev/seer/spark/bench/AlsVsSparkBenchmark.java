package dev.seer.spark.bench;

import dev.seer.algorithms.als.AlsModel;
import dev.seer.algorithms.als.AlsOptions;
import dev.seer.algorithms.als.AlsTrainer;
import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.split.RandomSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.eval.Machine;
import dev.seer.spark.AlsSettings;
import dev.seer.spark.Export;
import dev.seer.spark.Sessions;
import dev.seer.spark.SparkAls;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Seer's ALS against Spark MLlib's ALS on the ML-1M derived pairs, in one run on one machine: the
 * same per-user random 80/20 split (seed 42), rank 64, alpha and iterations. Three models: Seer's
 * ALS at its defaults (constant λ), Seer's ALS with weighted-λ at its default {@code λ} (the
 * regularisation MLlib uses) and MLlib at the same {@code regParam} (seer-spark's default), so that
 * the last two solve the same problem. Seconds per iteration for all; Recall@20 and NDCG@20 through
 * seer-eval's {@link Evaluator} with full ranking (MLlib's factors are wrapped in Seer's {@link
 * AlsModel}, so all are ranked by the same code).
 *
 * <p>Usage: {@code AlsVsSparkBenchmark OUT.json PAIRS.tsv.gz [master]}.
 */
public final class AlsVsSparkBenchmark {
  private AlsVsSparkBenchmark() {}

  /** A timed Seer training run. */
  private record SeerRun(
      AlsModel model, double seconds, List<Double> perIteration, List<Double> perIterationCpu) {}

  private static SeerRun trainSeer(AlsOptions opts, Interactions train, int threads) {
    List<Double> iter = new ArrayList<>();
    List<Double> iterCpu = new ArrayList<>();
    long[] last = {System.nanoTime()};
    long[] lastCpu = {cpu()};
    ProgressListener pl =
        (task, done, total) -> {
          if (task.startsWith(AlsTrainer.ALGORITHM + ": iterations") && done > 0) {
            long now = System.nanoTime();
            long c = cpu();
            iter.add((now - last[0]) / 1e9);
            iterCpu.add((c - lastCpu[0]) / 1e9);
            last[0] = now;
            lastCpu[0] = c;
          } else if (task.startsWith(AlsTrainer.ALGORITHM + ": iterations")) {
            last[0] = System.nanoTime();
            lastCpu[0] = cpu();
          }
        };
    long t0 = System.nanoTime();
    AlsModel m = new AlsTrainer(opts).fit(train, new TrainingContext(42, null, pl, threads));
    return new SeerRun(m, (System.nanoTime() - t0) / 1e9, iter, iterCpu);
  }

  private static Map<String, Object> seerJson(AlsOptions o, SeerRun run, EvalResult e) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("regularization", o.regularization());
    s.put("weightedRegularization", o.weightedRegularization());
    s.put("secondsPerIteration", median(run.perIteration()));
    s.put("secondsPerIterationAll", run.perIteration());
    s.put("cpuSecondsPerIteration", median(run.perIterationCpu()));
    s.put("cpuSecondsPerIterationAll", run.perIterationCpu());
    s.put("trainSeconds", run.seconds());
    metrics(s, e);
    return s;
  }

  private static void metrics(Map<String, Object> into, EvalResult e) {
    for (String m : List.of("Recall@20", "NDCG@20", "Recall@10", "NDCG@10")) {
      into.put(m, e.mean(m));
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args output JSON, the pairs file, optionally the Spark master (default local[2])
   */
  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    Path pairs = Path.of(args[1]);
    String master = args.length > 2 ? args[2] : "local[2]";
    int threads = 2;
    Interactions all =
        DatasetReaders.read(pairs, "ml-1m-pairs", null, null).dataset().interactions();
    Split split = new RandomSplitter(0.2, 42).split(all);
    Interactions train = split.train();
    AlsOptions constant = AlsOptions.defaults().withThreads(threads);
    double regParam = AlsOptions.DEFAULT_WEIGHTED_REGULARIZATION;
    AlsOptions weighted = constant.withRegularization(regParam).withWeightedRegularization(true);
    EvalOptions eval = new EvalOptions(new int[] {10, 20}, null, 0, 42, threads);

    // Seer, both regularisations.
    SeerRun seerConstant = trainSeer(constant, train, threads);
    EvalResult constantEval = Evaluator.evaluate("als", seerConstant.model(), split, eval);
    SeerRun seerWeighted = trainSeer(weighted, train, threads);
    EvalResult weightedEval = Evaluator.evaluate("als-wr", seerWeighted.model(), split, eval);
    System.out.printf(
        "seer: constant %.1f s Recall@20 %.4f; weighted %.1f s Recall@20 %.4f%n",
        seerConstant.seconds(),
        constantEval.mean("Recall@20"),
        seerWeighted.seconds(),
        weightedEval.mean("Recall@20"));

    // Spark MLlib, on the same training rows and indices.
    SparkSession spark = Sessions.local(master, 4);
    spark.sparkContext().setLogLevel("WARN");
    List<Row> rows = new ArrayList<>(train.size());
    for (int k = 0; k < train.size(); k++) {
      rows.add(RowFactory.create(train.user(k), train.item(k), 1f));
    }
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("uidx", DataTypes.IntegerType, false),
              DataTypes.createStructField("iidx", DataTypes.IntegerType, false),
              DataTypes.createStructField("rating", DataTypes.FloatType, false)
            });
    Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(4).cache();
    df.count();
    int iterations = constant.iterations();
    AlsSettings one = new AlsSettings(64, regParam, constant.alpha(), 1, true, 2, 42);
    AlsSettings full = new AlsSettings(64, regParam, constant.alpha(), iterations, true, 2, 42);
    // Warm-up fit (JIT, Spark code generation), then the timed fits.
    SparkAls.train(df, one);
    long s1 = System.nanoTime();
    long c1 = cpu();
    SparkAls.train(df, one);
    double sparkOne = (System.nanoTime() - s1) / 1e9;
    double sparkOneCpu = (cpu() - c1) / 1e9;
    long s2 = System.nanoTime();
    long c2 = cpu();
    ALSModel sparkModel = SparkAls.train(df, full);
    double sparkFull = (System.nanoTime() - s2) / 1e9;
    double sparkFullCpu = (cpu() - c2) / 1e9;
    double sparkPerIter = (sparkFull - sparkOne) / (iterations - 1);
    double sparkPerIterCpu = (sparkFullCpu - sparkOneCpu) / (iterations - 1);
    EvalResult sparkEval =
        Evaluator.evaluate("spark-als", wrap(sparkModel, train, full), split, eval);
    System.out.printf(
        "spark: 1 iteration %.1f s, %d iterations %.1f s, Recall@20 %.4f%n",
        sparkOne, iterations, sparkFull, sparkEval.mean("Recall@20"));
    String sparkVersion = spark.version();
    spark.stop();

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", "Seer ALS vs Spark MLlib ALS, ML-1M derived pairs, rank 64");
    json.put("date", Instant.now().toString());
    json.put(
        "command",
        "mvn -B -o -pl seer-spark -am test-compile -Dspotless.skip=true && java -Xmx6g "
            + "<--add-opens flags of seer-spark/pom.xml> -cp <seer-spark classes and its test class"
            + " path> dev.seer.spark.bench.AlsVsSparkBenchmark docs/benchmarks/als-vs-spark.json "
            + pairs
            + " "
            + master
            + " (tools/spark-bench.sh als-vs-spark)");
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("linearAlgebra", LinearAlgebra.best().description());
    machine.put("spark", sparkVersion + " " + master);
    json.put("machine", machine);
    json.put(
        "split",
        split.name() + "; train " + train.size() + " rows, test " + split.test().size() + " rows");
    json.put(
        "protocol",
        "full ranking through dev.seer.eval.Evaluator (all items minus the user's training items),"
            + " "
            + constantEval.counts().testUsers()
            + " test users");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("rank", 64);
    settings.put("iterations", iterations);
    settings.put("alpha", constant.alpha());
    settings.put("seerLambda", constant.regularization());
    settings.put("seerWeightedLambda", regParam);
    settings.put("sparkRegParam", regParam);
    settings.put(
        "regularisation",
        "Seer's default penalises lambda*(sum |x_u|^2 + sum |y_i|^2) (Hu, Koren, Volinsky 2008);"
            + " MLlib penalises regParam*(sum n_u |x_u|^2 + sum n_i |y_i|^2) (weighted-lambda,"
            + " Zhou et al. 2008), as does Seer with weightedRegularization=true. Seer weighted"
            + " and MLlib below solve the same problem; both lambdas are the defaults, each the"
            + " best of its grid on a validation split of the training part (docs/spark.md).");
    settings.put(
        "whatDiffers",
        "Seer solves each half-sweep with 3 conjugate-gradient steps warm-started from the"
            + " previous factors (Takacs et al. 2011) and computes the training loss after every"
            + " iteration (included in its time), then one exact user solve (in trainSeconds, not"
            + " per iteration); MLlib solves every row exactly (Cholesky) each iteration, in 2"
            + " user and 2 item blocks. Initial factors differ (each its own seeded random).");
    json.put("settings", settings);
    json.put("seerConstantLambda", seerJson(constant, seerConstant, constantEval));
    json.put("seerWeightedLambda", seerJson(weighted, seerWeighted, weightedEval));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("regParam", regParam);
    p.put("secondsPerIteration", sparkPerIter);
    p.put(
        "howPerIterationWasMeasured",
        "(fit with "
            + iterations
            + " iterations - fit with 1) / "
            + (iterations - 1)
            + ", after a warm-up fit; removes the fixed cost of blocking the data");
    p.put("cpuSecondsPerIteration", sparkPerIterCpu);
    p.put("fitSeconds1Iteration", sparkOne);
    p.put("fitCpuSeconds1Iteration", sparkOneCpu);
    p.put("fitCpuSeconds", sparkFullCpu);
    p.put("fitSeconds", sparkFull);
    metrics(p, sparkEval);
    json.put("sparkMllib", p);
    double sparkRecall = sparkEval.mean("Recall@20");
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(
        "sameProblemRecall20RelativeDifference",
        (sparkRecall - weightedEval.mean("Recall@20")) / weightedEval.mean("Recall@20"));
    r.put(
        "defaultsRecall20RelativeDifference",
        (sparkRecall - constantEval.mean("Recall@20")) / constantEval.mean("Recall@20"));
    r.put("speedupPerIterationSameProblem", sparkPerIter / median(seerWeighted.perIteration()));
    r.put(
        "speedupPerIterationCpuSameProblem",
        sparkPerIterCpu / median(seerWeighted.perIterationCpu()));
    r.put("speedupTrainingSameProblem", sparkFull / seerWeighted.seconds());
    r.put("speedupTrainingDefaults", sparkFull / seerConstant.seconds());
    r.put(
        "readThis",
        "relative differences are (MLlib - Seer) / Seer; speedups are MLlib time / Seer time."
            + " Process CPU seconds (all threads of this JVM, which ran nothing else) are the"
            + " fairer measure of work per iteration when other work shares the cores");
    json.put("result", r);
    Json.write(out, json);
    System.out.println("wrote " + out + ": " + r);
  }

  static AlsModel wrap(ALSModel m, Interactions train, AlsSettings s) {
    Dataset<Row> uf = m.userFactors();
    Dataset<Row> itf = m.itemFactors();
    float[] x = SparkAls.collect(uf, train.numUsers(), s.rank());
    float[] y = SparkAls.collect(itf, train.numItems(), s.rank());
    ModelCard card = ModelCard.create(AlsTrainer.ALGORITHM, s.asMap(), s.seed(), train);
    return AlsModel.fromFactors(
        card,
        train.users(),
        train.items(),
        s.rank(),
        Export.foldInRegularization(s),
        true,
        s.alpha(),
        false,
        x,
        y,
        train.byUser());
  }

  /** CPU time of the whole process (all threads: Seer's workers, Spark's executor threads). */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
