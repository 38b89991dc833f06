package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.Randoms;
import dev.seer.api.Dataset;
import dev.seer.api.Explainable;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost and sampling error of explanations that add up to the score, on MovieLens latest-small: for
 * 30 users (every 20th) and their top 10, the time of one {@code explain} of the hybrid of item-kNN
 * and content, of the weighted ensemble and of the RRF ensemble (128 permutations), the largest gap
 * between the sum of the reasons and the ranker's score, and for RRF the error of the
 * 128-permutation Shapley values against 4,096 permutations, relative to the item's score. Not a
 * unit test; run:
 *
 * <pre>
 * mvn -B -o -q -pl seer-algorithms -am test-compile dependency:build-classpath \
 *   -Dspotless.skip=true -Dmdep.outputFile=/tmp/cp.txt
 * java -cp seer-algorithms/target/test-classes:seer-algorithms/target/classes:$(cat /tmp/cp.txt) \
 *   dev.seer.algorithms.hybrid.ExplanationBenchmark docs/benchmarks/explanations.json
 * </pre>
 */
public final class ExplanationBenchmark {
  private static final String CONTENT =
      "content(epochs=5;maxWords=500;minWordCount=5;fullSoftmaxLimit=1000;negatives=100)";

  private ExplanationBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the JSON file to write
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Dataset data =
        DatasetReaders.read(SharedData.movieLensLatestSmall(), "ml-csv", null, null).dataset();
    TrainingContext ctx = new TrainingContext(11, data.items(), ProgressListener.NONE, 2);
    Interactions d = data.interactions();
    StringBuilder json = new StringBuilder("{\n");
    json.append(
            "  \"command\": \"mvn -B -o -q -pl seer-algorithms -am test-compile"
                + " dependency:build-classpath -Dspotless.skip=true -Dmdep.outputFile=/tmp/cp.txt"
                + " && java -cp seer-algorithms/target/test-classes:seer-algorithms/target/classes:"
                + "$(cat /tmp/cp.txt) dev.seer.algorithms.hybrid.ExplanationBenchmark ")
        .append(args[0])
        .append("\",\n");
    json.append("  \"machine\": {\"cores\": ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(", \"java\": \"")
        .append(System.getProperty("java.version"))
        .append("\", \"loadAverageAtStart\": ")
        .append(
            String.format(
                Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()))
        .append(
            ", \"note\": \"2 shared cores, other sessions building and testing at the same"
                + " time: timings are inflated\"},\n");
    json.append(
        "  \"data\": \"MovieLens latest-small, 30 users (0, 20, ..., 580), top 10 each\",\n");
    json.append("  \"results\": [\n");
    String[][] models = {
      {"hybrid", "cf=item-knn,content=" + CONTENT + ",alphaSteps=4,maxUsers=200"},
      {"ensemble", "components=item-knn+" + CONTENT + "+popularity,rounds=1,maxUsers=100"},
      {"ensemble", "components=item-knn+" + CONTENT + ",method=rrf,rounds=1,maxUsers=100"}
    };
    for (int mi = 0; mi < models.length; mi++) {
      Recommender m = Algorithms.create(models[mi][0], models[mi][1]).fit(d, ctx);
      Explainable ex = (Explainable) m;
      boolean rrf = models[mi][1].contains("rrf");
      long nanos = 0;
      int explained = 0;
      double worstSum = 0;
      double worstErr = 0;
      double errSum = 0;
      int errCount = 0;
      int reasons = 0;
      for (int u = 0; u < 600; u += 20) {
        Ranking top = Ranker.recommend(m, u, 10, d.byUser(), null);
        for (int k = 0; k < top.size(); k++) {
          int i = top.items()[k];
          long t0 = System.nanoTime();
          List<Reason> rs = ex.explain(u, i, Integer.MAX_VALUE);
          nanos += System.nanoTime() - t0;
          explained++;
          reasons += rs.size();
          double score = top.scores()[k];
          double sum = 0;
          for (Reason r : rs) {
            sum += r.contribution();
          }
          worstSum = Math.max(worstSum, Math.abs(sum - score) / Math.abs(score));
          if (rrf) {
            long seed = Randoms.mix(Randoms.mix(m.card().seed(), u), i);
            List<Reason> ref = ((EnsembleModel) m).explain(u, i, Integer.MAX_VALUE, 4096, seed);
            Map<List<Object>, Double> by = new HashMap<>();
            for (Reason r : ref) {
              by.put(List.of(r.kind(), r.item(), r.feature()), r.contribution());
            }
            for (Reason r : rs) {
              double e =
                  Math.abs(
                          r.contribution()
                              - by.getOrDefault(List.of(r.kind(), r.item(), r.feature()), 0.0))
                      / Math.abs(score);
              worstErr = Math.max(worstErr, e);
              errSum += e;
              errCount++;
            }
          }
        }
      }
      json.append(
          String.format(
              Locale.ROOT,
              "    {\"algorithm\": \"%s\", \"options\": \"%s\", \"explained\": %d,"
                  + " \"meanReasons\": %.1f, \"msPerExplain\": %.3f,"
                  + " \"worstRelativeGapOfSumToScore\": %.3g",
              models[mi][0],
              models[mi][1],
              explained,
              reasons / (double) explained,
              nanos / 1e6 / explained,
              worstSum));
      if (rrf) {
        json.append(
            String.format(
                Locale.ROOT,
                ", \"permutations\": 128, \"shapleyErrorVs4096\": {\"meanPerReasonOverScore\": %.3g,"
                    + " \"worstPerReasonOverScore\": %.3g}",
                errSum / errCount,
                worstErr));
      }
      json.append(mi + 1 < models.length ? "},\n" : "}\n");
    }
    json.append("  ]\n}\n");
    Files.writeString(Path.of(args[0]), json.toString());
    System.out.print(json);
  }
}
