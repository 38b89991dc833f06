package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.algorithms.Algorithms;
import dev.seer.api.Interactions;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.data.split.Validation;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.Evaluator;
import dev.seer.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seer tune} on MovieLens 100K u1.base: a small grid whose validation figures match an
 * independent train-and-evaluate on the same carved split, early stopping of BPR epochs, the
 * search-space syntax and bad input.
 */
class TuneCommandTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return new Run(cl.execute(args), err.toString());
  }

  private static Path u1() {
    return SharedData.path("movielens-100k").resolve("u1.base");
  }

  private static Split carved() {
    Interactions train =
        DatasetReaders.read(u1(), "auto", ReadOptions.strict(), null).dataset().interactions();
    Split c = Validation.carve(Split.of("t", train, train.select(new int[0])), 0.2, 42);
    return Split.of("v", c.train(), c.validation());
  }

  private static double ndcg10(String algorithm, String options, Split split) {
    Recommender m =
        Algorithms.create(algorithm, options)
            .fit(split.train(), new TrainingContext(42, Map.of(), null, 2));
    return Evaluator.evaluate(algorithm, m, split, new EvalOptions(new int[] {10}, null, 0, 42, 2))
        .mean("NDCG@10");
  }

  @Test
  void gridResultsAreSortedAndMatchAnIndependentEvaluation(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("tune.json");
    Run r =
        run(
            "tune",
            "--data",
            u1().toString(),
            "-a",
            "item-knn",
            "--grid",
            "neighbours=10,40",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(Files.readString(out));
    JsonNode trials = j.get("trials");
    assertEquals(2, trials.size());
    double first = trials.get(0).get("metrics").get("NDCG@10").asDouble();
    double second = trials.get(1).get("metrics").get("NDCG@10").asDouble();
    assertTrue(first >= second, "sorted best first");
    Split s = carved();
    for (JsonNode t : trials) {
      String k = t.get("options").get("neighbours").asText();
      assertEquals(
          ndcg10("item-knn", "neighbours=" + k, s),
          t.get("metrics").get("NDCG@10").asDouble(),
          1e-6,
          "neighbours=" + k);
    }
    assertTrue(
        j.get("best")
            .asText()
            .contains(
                "--param neighbours=" + trials.get(0).get("options").get("neighbours").asText()),
        j.get("best").asText());
    assertEquals(s.train().size(), j.get("fitRows").asInt());
  }

  @Test
  void earlyStoppingEndsBprAfterPatienceEvaluationsWithoutGain(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("tune.tsv");
    Run r =
        run(
            "tune",
            "--data",
            u1().toString(),
            "-a",
            "bpr",
            "--grid",
            "learningRate=0.01",
            "--param",
            "factors=8",
            "--param",
            "epochs=40",
            "--patience",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    List<String> header = List.of(lines.get(0).split("\t"));
    String[] row = lines.get(1).split("\t");
    int best = Integer.parseInt(row[header.indexOf("bestEpoch")]);
    int trained = Integer.parseInt(row[header.indexOf("epochsTrained")]);
    assertTrue(best >= 1 && best <= trained && trained <= 40, best + " / " + trained);
    assertTrue(trained == 40 || trained == best + 2, "stopped 2 evaluations after the best");
    assertEquals(Integer.toString(best), row[header.indexOf("epochs")]);
    // The best epoch's figure is that of a BPR trained for that many epochs.
    double expected = ndcg10("bpr", "factors=8,learningRate=0.01,epochs=" + best, carved());
    assertEquals(expected, Double.parseDouble(row[header.indexOf("NDCG@10")]), 1e-6);
  }

  @Test
  void searchSpacesParseAndSampleReproducibly() {
    SearchSpace g = SearchSpace.parse("factors=32,64;reg=0.01,0.1,1");
    List<Map<String, String>> grid = g.grid();
    assertEquals(6, grid.size());
    assertEquals(Map.of("factors", "32", "reg", "0.01"), grid.get(0));
    assertEquals(Map.of("factors", "64", "reg", "1"), grid.get(5));
    SearchSpace r = SearchSpace.parse("factors=8..16;reg=0.001..0.1:log;kind=a,b");
    List<Map<String, String>> a = r.random(5, 3);
    assertEquals(a, r.random(5, 3));
    for (Map<String, String> t : a) {
      int f = Integer.parseInt(t.get("factors"));
      double reg = Double.parseDouble(t.get("reg"));
      assertTrue(f >= 8 && f <= 16 && reg >= 0.001 && reg <= 0.1, t.toString());
      assertTrue(List.of("a", "b").contains(t.get("kind")));
    }
    // Only two combinations exist, so at most two distinct trials come back.
    assertEquals(2, SearchSpace.parse("k=a,b").random(5, 1).size());
  }

  @Test
  void badSearchInputIsOneClearMessage() {
    Run r = run("tune", "--data", u1().toString(), "-a", "item-knn", "--grid", "neighbours=1..5");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--random"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    r = run("tune", "--data", u1().toString(), "-a", "item-knn", "--grid", "neighbours");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("name=values"), r.err());
    r = run("tune", "--data", u1().toString(), "-a", "item-knn", "--grid", "bogus=1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("bogus"), r.err());
    r =
        run(
            "tune",
            "--data",
            u1().toString(),
            "-a",
            "item-knn",
            "--grid",
            "neighbours=5",
            "--metric",
            "ndcg");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("NAME@K"), r.err());
  }
}
