package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.seer.data.split.RandomSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seer bench models} on MovieLens 100K u1.base with two fast models. */
class BenchModelsCommandTest {
  @Test
  void writesEveryModelsMetricsAsAnIndependentEvaluationGivesThem(@TempDir Path dir)
      throws Exception {
    Path data = SharedData.path("movielens-100k").resolve("u1.base");
    Path out = dir.resolve("models.json");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "bench",
            "models",
            "--data",
            data.toString(),
            "-a",
            "popularity,item-knn",
            "--baseline",
            "popularity",
            "--out",
            out.toString());
    assertEquals(0, code, err.toString());
    JsonNode j = new ObjectMapper().readTree(Files.readString(out));
    assertEquals(2, j.get("models").size());
    assertTrue(j.get("command").asText().contains("bench models"));
    assertTrue(j.get("machine").has("loadAverageAtStart"));
    Interactions all =
        DatasetReaders.read(data, "auto", ReadOptions.strict(), null).dataset().interactions();
    Split split = new RandomSplitter(0.2, 42).split(all);
    int k = 0;
    for (String a : new String[] {"popularity", "item-knn"}) {
      Recommender m =
          Algorithms.create(a, Map.of())
              .fit(split.train(), new TrainingContext(42, Map.of(), null, 2));
      EvalResult r =
          Evaluator.evaluate(a, m, split, new EvalOptions(new int[] {10, 20}, null, 0, 42, 2));
      JsonNode model = j.get("models").get(k++);
      assertEquals(a, model.get("algorithm").asText());
      for (String metric : new String[] {"Recall@10", "NDCG@10", "Recall@20", "NDCG@20"}) {
        assertEquals(r.mean(metric), model.get("metrics").get(metric).asDouble(), 1e-6, metric);
      }
    }
    JsonNode versus = j.get("models").get(1).get("versus_popularity").get("NDCG@10");
    assertEquals(
        j.get("models").get(1).get("metrics").get("NDCG@10").asDouble()
            - j.get("models").get(0).get("metrics").get("NDCG@10").asDouble(),
        versus.get("meanDifference").asDouble(),
        1e-5);
  }
}
