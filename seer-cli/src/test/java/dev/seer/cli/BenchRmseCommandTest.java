package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.algorithms.baseline.BiasedBaselineModel;
import dev.seer.algorithms.baseline.BiasedBaselineTrainer;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seer bench rmse} on a small fake MovieLens 100K folder. */
class BenchRmseCommandTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return new Run(cl.execute(args), err.toString());
  }

  /** Writes u1.base and u1.test: 30 users, 12 items, seeded ratings, one in five rows in test. */
  private static void fakeFold(Path dir) throws Exception {
    SplittableRandom rnd = new SplittableRandom(5);
    StringBuilder base = new StringBuilder();
    StringBuilder test = new StringBuilder();
    long t = 880_000_000L;
    for (int u = 1; u <= 30; u++) {
      for (int i = 1; i <= 12; i++) {
        if (rnd.nextInt(3) == 0) {
          continue;
        }
        int r = 1 + Math.floorMod(u + 2 * i + rnd.nextInt(2), 5);
        String line = u + "\t" + i + "\t" + r + "\t" + (t++) + "\n";
        (rnd.nextInt(5) == 0 ? test : base).append(line);
      }
    }
    Files.writeString(dir.resolve("u1.base"), base);
    Files.writeString(dir.resolve("u1.test"), test);
  }

  @Test
  void writesPerFoldAndMeanResultsThatMatchAnIndependentComputation(@TempDir Path dir)
      throws Exception {
    fakeFold(dir);
    Path out = dir.resolve("bench.json");
    Run r =
        run(
            "bench",
            "rmse",
            "--data",
            dir.toString(),
            "--folds",
            "1",
            "-a",
            "bias-baseline,biased-mf",
            "--param",
            "biased-mf.factors=2",
            "--param",
            "biased-mf.epochs=3",
            "--note",
            "defaults",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(out.toFile());
    assertTrue(j.get("command").asText().startsWith("./seer bench rmse --data"));
    assertEquals("defaults", j.get("hyperparameterSelection").asText());
    assertTrue(j.get("scoredOn").asText().startsWith("test"));
    assertTrue(j.get("machine").has("cores"));
    JsonNode models = j.get("models");
    assertEquals(2, models.size());
    assertEquals("bias-baseline", models.get(0).get("algorithm").asText());
    assertEquals("2", models.get(1).get("options").get("factors").asText());
    JsonNode fold = models.get(0).get("perFold").get(0);
    assertEquals("u1", fold.get("fold").asText());

    Split split =
        DatasetReaders.readPredefinedSplit(
            dir.resolve("u1.base"), dir.resolve("u1.test"), "ml-100k", ReadOptions.strict());
    BiasedBaselineModel m =
        new BiasedBaselineTrainer().fit(split.train(), TrainingContext.ofSeed(42));
    Interactions test = split.test();
    double se = 0;
    double ae = 0;
    for (int k = 0; k < test.size(); k++) {
      double e = m.predict(test.user(k), test.item(k)) - test.rating(k);
      se += e * e;
      ae += Math.abs(e);
    }
    assertEquals(test.size(), fold.get("rows").asInt());
    assertEquals(Math.sqrt(se / test.size()), fold.get("rmse").asDouble(), 1e-6);
    assertEquals(ae / test.size(), fold.get("mae").asDouble(), 1e-6);
    assertEquals(fold.get("rmse").asDouble(), models.get(0).get("meanRmse").asDouble(), 0);
    assertTrue(j.get("best").has("algorithm"));
  }

  @Test
  void validationModeNeverReadsTheTestFile(@TempDir Path dir) throws Exception {
    fakeFold(dir);
    Files.delete(dir.resolve("u1.test"));
    Path out = dir.resolve("val.json");
    Run r =
        run(
            "bench",
            "rmse",
            "--data",
            dir.toString(),
            "--folds",
            "1",
            "-a",
            "bias-baseline",
            "--validation",
            "0.25",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(out.toFile());
    assertTrue(j.get("scoredOn").asText().startsWith("validation"));
    assertEquals(0.25, j.get("validation").asDouble(), 0);
    assertTrue(j.get("models").get(0).get("perFold").get(0).get("rows").asInt() > 0);
  }

  @Test
  void badInputIsOneSentenceAndExitTwo(@TempDir Path dir) throws Exception {
    fakeFold(dir);
    String d = dir.toString();
    Run ranking = run("bench", "rmse", "--data", d, "--folds", "1", "-a", "popularity");
    assertEquals(2, ranking.code(), ranking.err());
    assertTrue(ranking.err().contains("does not predict ratings"), ranking.err());
    assertFalse(ranking.err().contains("\tat "), ranking.err());
    Run fold = run("bench", "rmse", "--data", d, "--folds", "6");
    assertEquals(2, fold.code());
    assertTrue(fold.err().contains("--folds 6"), fold.err());
    Run missing = run("bench", "rmse", "--data", d, "--folds", "2", "-a", "bias-baseline");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("u2.base"), missing.err());
  }
}
