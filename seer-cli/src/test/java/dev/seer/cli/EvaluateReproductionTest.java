package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seer evaluate} on the MovieLens 100K u1 split with {@code --export}; then every reported
 * ranking metric is recomputed from the exported TSV files alone (split/train.tsv, split/test.tsv,
 * split/items.tsv and topn-ALGO.tsv) with code that shares nothing with seer-eval, and must agree
 * to 1e-9. Also checks the sanity bands of the baselines.
 */
class EvaluateReproductionTest {
  private static final double TOL = 1e-9;

  @TempDir static Path out;
  private static JsonNode report;

  @BeforeAll
  static void evaluate() throws IOException {
    Path data = SharedData.path("movielens-100k");
    int code =
        Main.run(
            "evaluate",
            "--train",
            data.resolve("u1.base").toString(),
            "--test",
            data.resolve("u1.test").toString(),
            "--cutoffs",
            "5,10,20",
            "--export",
            "--out",
            out.toString());
    assertEquals(0, code);
    report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void reportedMetricsAreReproducedFromTheExportedFiles() throws IOException {
    Map<String, Set<String>> train = pairs(out.resolve("split/train.tsv"));
    Map<String, Set<String>> test = pairs(out.resolve("split/test.tsv"));
    int catalogue = Files.readAllLines(out.resolve("split/items.tsv")).size() - 1;
    Map<String, Integer> popularity = new HashMap<>();
    for (Set<String> items : train.values()) {
      for (String i : items) {
        popularity.merge(i, 1, Integer::sum);
      }
    }
    int trainUsers = train.size();
    int[] cutoffs = {5, 10, 20};
    assertEquals("full ranking", report.get("protocol").asText().substring(0, 12));
    int checked = 0;
    for (JsonNode algo : report.get("algorithms")) {
      String name = algo.get("name").asText();
      Map<String, List<String>> lists = topLists(out.resolve("topn-" + name + ".tsv"));
      Map<String, Double> sums = new TreeMap<>();
      int users = 0;
      for (Map.Entry<String, Set<String>> e : test.entrySet()) {
        Set<String> seen = train.getOrDefault(e.getKey(), Set.of());
        Set<String> relevant = new HashSet<>(e.getValue());
        relevant.removeAll(seen);
        if (relevant.isEmpty()) {
          continue;
        }
        users++;
        List<String> list = lists.getOrDefault(e.getKey(), List.of());
        for (String i : list) {
          assertTrue(!seen.contains(i), "a training item was recommended to " + e.getKey());
        }
        for (int k : cutoffs) {
          int hits = 0;
          double dcg = 0;
          double ap = 0;
          double rr = 0;
          double selfInfo = 0;
          int n = Math.min(k, list.size());
          for (int r = 1; r <= n; r++) {
            String item = list.get(r - 1);
            selfInfo += log2((double) trainUsers / Math.max(1, popularity.getOrDefault(item, 0)));
            if (relevant.contains(item)) {
              hits++;
              dcg += 1 / log2(r + 1);
              ap += (double) hits / r;
              if (rr == 0) {
                rr = 1.0 / r;
              }
            }
          }
          double idcg = 0;
          for (int r = 1; r <= Math.min(k, relevant.size()); r++) {
            idcg += 1 / log2(r + 1);
          }
          int cap = Math.min(k, relevant.size());
          sums.merge("Precision@" + k, (double) hits / k, Double::sum);
          sums.merge("Recall@" + k, (double) hits / relevant.size(), Double::sum);
          sums.merge("CappedRecall@" + k, (double) hits / cap, Double::sum);
          sums.merge("NDCG@" + k, dcg / idcg, Double::sum);
          sums.merge("MAP@" + k, ap / cap, Double::sum);
          sums.merge("MRR@" + k, rr, Double::sum);
          sums.merge("HitRate@" + k, hits > 0 ? 1.0 : 0.0, Double::sum);
          sums.merge("Novelty@" + k, n == 0 ? 0 : selfInfo / n, Double::sum);
        }
      }
      assertEquals(459, users);
      assertEquals(users, algo.get("users").asInt());
      JsonNode metrics = algo.get("metrics");
      for (Map.Entry<String, Double> s : sums.entrySet()) {
        double expected = s.getValue() / users;
        assertEquals(expected, metrics.get(s.getKey()).asDouble(), TOL, name + " " + s.getKey());
        checked++;
      }
      for (int k : cutoffs) {
        Set<String> covered = new HashSet<>();
        for (List<String> l : lists.values()) {
          covered.addAll(l.subList(0, Math.min(k, l.size())));
        }
        assertEquals(
            (double) covered.size() / catalogue,
            metrics.get("Coverage@" + k).asDouble(),
            TOL,
            name + " Coverage@" + k);
        checked++;
      }
    }
    assertEquals(3 * 9 * 3, checked);
  }

  @Test
  void baselinesFallInSaneBands() {
    Map<String, Double> ndcg = new HashMap<>();
    for (JsonNode algo : report.get("algorithms")) {
      ndcg.put(algo.get("name").asText(), algo.get("metrics").get("NDCG@10").asDouble());
    }
    assertTrue(ndcg.get("item-knn") > ndcg.get("popularity"), ndcg.toString());
    assertTrue(ndcg.get("popularity") > ndcg.get("random"), ndcg.toString());
    assertTrue(ndcg.get("random") < 0.1, ndcg.toString());
    // the significance tests agree that item-kNN beats popularity on NDCG@10
    boolean found = false;
    for (JsonNode s : report.get("significance")) {
      if (s.get("metric").asText().equals("NDCG@10")
          && s.get("a").asText().equals("popularity")
          && s.get("b").asText().equals("item-knn")) {
        found = true;
        assertTrue(s.get("meanDifference").asDouble() < 0);
        assertTrue(s.get("pairedT").get("p").asDouble() < 0.001);
        assertTrue(s.get("wilcoxon").get("p").asDouble() < 0.001);
      }
    }
    assertTrue(found);
  }

  @Test
  void htmlReportHasTablesAndPlots() throws IOException {
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<svg"), "no plot");
    assertTrue(html.contains("full ranking"));
    assertTrue(html.contains("item-knn"));
    assertTrue(html.contains("id=\"significance\""));
    List<String> perUser = Files.readAllLines(out.resolve("per-user.tsv"));
    assertTrue(perUser.get(1).startsWith("algorithm\tuser\tPrecision@5"));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Reads user-item pairs from a split part (header: user item rating timestamp). */
  private static Map<String, Set<String>> pairs(Path tsv) throws IOException {
    Map<String, Set<String>> m = new HashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    assertEquals("user\titem\trating\ttimestamp", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      m.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
    }
    return m;
  }

  /** Reads top-N lists (a # comment, then header user item rank score) in rank order. */
  private static Map<String, List<String>> topLists(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    Iterator<String> it = lines.iterator();
    assertTrue(it.next().startsWith("# seer top-N"));
    assertEquals("user\titem\trank\tscore", it.next());
    Map<String, List<String>> m = new HashMap<>();
    Map<String, Float> last = new HashMap<>();
    while (it.hasNext()) {
      String[] f = it.next().split("\t");
      List<String> l = m.computeIfAbsent(f[0], k -> new ArrayList<>());
      assertEquals(l.size() + 1, Integer.parseInt(f[2]), "ranks must run 1, 2, ...");
      float score = Float.parseFloat(f[3]);
      Float prev = last.put(f[0], score);
      assertTrue(prev == null || prev >= score, "scores must not increase down a list");
      l.add(f[1]);
    }
    return m;
  }
}
