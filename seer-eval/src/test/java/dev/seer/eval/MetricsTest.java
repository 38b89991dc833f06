package dev.seer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand (tolerance 1e-12 unless said). */
class MetricsTest {
  private static final double TOL = 1e-12;
  private static final double L3 = Math.log(2) / Math.log(3); // 1/log2(3)
  private static final double L5 = Math.log(2) / Math.log(5); // 1/log2(5)

  // ranks 1..5: miss, hit, miss, hit, miss; 3 relevant items in all
  private static final boolean[] LIST = {false, true, false, true, false};

  @Test
  void precisionAndRecall() {
    assertEquals(0.5, Metrics.precision(LIST, 2), TOL);
    assertEquals(0.4, Metrics.precision(LIST, 5), TOL);
    assertEquals(0.2, Metrics.precision(LIST, 10), TOL); // a short list still divides by K
    assertEquals(1.0 / 3, Metrics.recall(LIST, 3, 2), TOL);
    assertEquals(2.0 / 3, Metrics.recall(LIST, 3, 5), TOL);
    assertEquals(0.5, Metrics.cappedRecall(LIST, 3, 2), TOL); // 1 / min(2, 3)
    assertEquals(2.0 / 3, Metrics.cappedRecall(LIST, 3, 5), TOL); // 2 / min(5, 3)
  }

  @Test
  void ndcg() {
    // DCG@5 = 1/log2(3) + 1/log2(5); IDCG@5 with 3 relevant = 1 + 1/log2(3) + 1/log2(4)
    assertEquals((L3 + L5) / (1 + L3 + 0.5), Metrics.ndcg(LIST, 3, 5), TOL);
    // K=2: DCG = 1/log2(3), IDCG = 1 + 1/log2(3)
    assertEquals(L3 / (1 + L3), Metrics.ndcg(LIST, 3, 2), TOL);
    assertEquals(1.0, Metrics.ndcg(new boolean[] {true}, 1, 10), TOL);
    assertEquals(0.0, Metrics.ndcg(new boolean[] {false, false}, 1, 10), TOL);
  }

  @Test
  void averagePrecisionReciprocalRankAndHitRate() {
    // hits at ranks 2 and 4: precision 1/2 and 2/4; divided by min(5, 3) = 3
    assertEquals((0.5 + 0.5) / 3, Metrics.averagePrecision(LIST, 3, 5), TOL);
    assertEquals(0.5 / 2, Metrics.averagePrecision(LIST, 3, 2), TOL);
    assertEquals(0.5, Metrics.reciprocalRank(LIST, 5), TOL);
    assertEquals(0.0, Metrics.reciprocalRank(LIST, 1), TOL);
    assertEquals(1.0, Metrics.hitRate(LIST, 2), TOL);
    assertEquals(0.0, Metrics.hitRate(LIST, 1), TOL);
  }

  @Test
  void auc() {
    // relevant 0.7 beats 2 of 3 negatives; relevant 0.1 beats none
    assertEquals(
        2.0 / 6, Metrics.auc(new float[] {0.7f, 0.1f}, new float[] {0.8f, 0.3f, 0.2f}), TOL);
    // a tie counts one half
    assertEquals((1 + 0.5) / 2, Metrics.auc(new float[] {0.3f}, new float[] {0.3f, 0.2f}), TOL);
    assertEquals(1.0, Metrics.auc(new float[] {1f}, new float[] {0f, -1f}), TOL);
    assertEquals(Double.NaN, Metrics.auc(new float[] {1f}, new float[0]));
  }

  @Test
  void noveltyAndDiversity() {
    int[] pop = {4, 2, 1, 0};
    // 4 users: −log2(4/4) = 0, −log2(2/4) = 1, −log2(1/4) = 2, unknown item counts as 1 user → 2
    assertEquals((0 + 1 + 2) / 3.0, Metrics.novelty(new int[] {0, 1, 2}, 3, pop, 4), TOL);
    assertEquals(2.0, Metrics.novelty(new int[] {3, 0}, 1, pop, 4), TOL);
    List<Set<String>> f = List.of(Set.of("a", "b"), Set.of("b", "c"), Set.of("a", "b"), Set.of());
    // pairs (0,1): 1 − 1/3; (0,2): 0; (1,2): 1 − 1/3 → mean 4/9
    assertEquals(4.0 / 9, Metrics.intraListDiversity(new int[] {0, 1, 2}, 3, f), TOL);
    assertEquals(1.0, Metrics.intraListDiversity(new int[] {3, 3}, 2, f), TOL);
    assertEquals(0.0, Metrics.intraListDiversity(new int[] {0}, 5, f), TOL);
  }

  @Test
  void ratingErrors() {
    double[] pred = {3, 3, 3};
    double[] actual = {4, 2, 5};
    assertEquals(Math.sqrt(2), Metrics.rmse(pred, actual), TOL);
    assertEquals(4.0 / 3, Metrics.mae(pred, actual), TOL);
  }
}
