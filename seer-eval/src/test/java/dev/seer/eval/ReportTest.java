package dev.seer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seer.api.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report files, and the "sampled" label in every output of a sampled evaluation. */
class ReportTest {
  private static EvalResult run(String name, float[][] scores, int sampled) {
    Split s = EvaluatorTest.split();
    EvalOptions o = new EvalOptions(new int[] {2, 5}, null, sampled, 7, 1);
    return Evaluator.evaluate(name, new FixedScores(s.train(), scores, 3), s, o);
  }

  private static final float[][] OTHER = {
    {0, 9, 0, 8, 0, 0}, {9, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}
  };

  @Test
  void writesJsonHtmlAndPerUserFiles(@TempDir Path dir) throws IOException {
    EvalResult a = run("a", EvaluatorTest.SCORES, 0);
    EvalResult b = run("b", OTHER, 0);
    Report report = new Report("hand", "hand split", "2 test users", List.of(a, b));
    report.writeAll(dir);
    String json = Files.readString(dir.resolve("report.json"));
    // valid JSON with no NaN tokens
    try (JsonParser p = new JsonFactory().createParser(json)) {
      int tokens = 0;
      while (p.nextToken() != null) {
        tokens++;
        assertFalse(
            p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
                && p.getDoubleValue() != p.getDoubleValue());
      }
      assertTrue(tokens > 100);
    }
    assertTrue(json.contains("\"NDCG@2\""));
    assertTrue(json.contains("\"significance\""));
    assertTrue(json.contains("\"sampled\" : false"));
    // b puts every relevant item first
    assertEquals(1.0, b.mean("NDCG@2"), 1e-12);
    assertEquals(5, report.primaryCutoff(), "the largest cutoff when 10 is absent");
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<svg"));
    assertFalse(html.contains("banner sampled"));
    List<String> perUser = Files.readAllLines(dir.resolve("per-user.tsv"));
    assertEquals(
        1 + 2 * 3, perUser.size()); // protocol line, then per algorithm a header and 2 users
    assertTrue(perUser.get(2).startsWith("a\tu0\t0.5\t"));
  }

  @Test
  void sampledEvaluationSaysSoInEveryOutput(@TempDir Path dir) throws IOException {
    EvalResult a = run("a", EvaluatorTest.SCORES, 2);
    Report report = new Report("hand", "hand split", "2 test users", List.of(a));
    report.writeAll(dir);
    TopNExport.write(dir.resolve("topn-a.tsv"), a);
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"sampled\" : true"));
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"protocol\" : \"sampled"));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("class=\"banner sampled\""));
    assertTrue(Files.readAllLines(dir.resolve("per-user.tsv")).get(0).contains("sampled"));
    assertTrue(Files.readAllLines(dir.resolve("topn-a.tsv")).get(0).contains("protocol=sampled"));
  }

  @Test
  void topNExportWritesExternalIdsAndRanks(@TempDir Path dir) throws IOException {
    EvalResult a = run("a", EvaluatorTest.SCORES, 0);
    TopNExport.write(dir.resolve("t.tsv"), a);
    List<String> lines = Files.readAllLines(dir.resolve("t.tsv"));
    assertEquals("user\titem\trank\tscore", lines.get(1));
    assertEquals("u0\ti2\t1\t0.8", lines.get(2));
    assertEquals("u0\ti3\t2\t0.7", lines.get(3));
    assertEquals(2 + 5 + 4, lines.size());
  }
}
