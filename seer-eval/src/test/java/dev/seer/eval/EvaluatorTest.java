package dev.seer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranking;
import dev.seer.api.Split;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The protocol on a fixture small enough to rank by hand.
 *
 * <pre>
 * items i0..i5; users u0, u1, u2
 * train: u0 {i0}; u1 {i1, i2}; u2 {i2, i3}        popularity: i0 1, i1 1, i2 2, i3 1, i4 0, i5 0
 * test:  u0 {i1 (rated 4), i3 (rated 2)}; u1 {i0 (rated 5)}
 * scores u0: .9 .1 .8 .7 .3 .3   → candidates ranked i2 i3 i4 i5 i1 (i4 before i5: tie, lower index)
 * scores u1: .5 .9 .9 .2 .6 .1   → candidates ranked i4 i0 i3 i5
 * </pre>
 */
class EvaluatorTest {
  private static final double TOL = 1e-12;
  private static final double L3 = Math.log(2) / Math.log(3);
  private static final double L6 = Math.log(2) / Math.log(6);

  static final float[][] SCORES = {
    {.9f, .1f, .8f, .7f, .3f, .3f}, {.5f, .9f, .9f, .2f, .6f, .1f}, {0, 0, 0, 0, 0, 0}
  };

  static Split split() {
    IdIndex users = IdIndex.of(List.of("u0", "u1", "u2"));
    IdIndex items = IdIndex.of(List.of("i0", "i1", "i2", "i3", "i4", "i5"));
    Interactions train =
        new Interactions(
            users,
            items,
            new int[] {0, 1, 1, 2, 2},
            new int[] {0, 1, 2, 2, 3},
            new float[] {3, 3, 3, 3, 3},
            null);
    Interactions test =
        new Interactions(
            users, items, new int[] {0, 0, 1}, new int[] {1, 3, 0}, new float[] {4, 2, 5}, null);
    return Split.of("hand", train, test);
  }

  private static EvalOptions opts(int threads) {
    return new EvalOptions(new int[] {5, 2}, null, 0, 7, threads);
  }

  @Test
  void everyMetricMatchesTheHandComputation() {
    Split s = split();
    EvalResult r =
        Evaluator.evaluate(
            "fixed", new FixedScores(s.train(), SCORES, 3), s, opts(1), Map.of(), null);
    assertArrayEquals(new int[] {0, 1}, r.users());
    Ranking top0 = r.topLists().rankings()[0];
    assertArrayEquals(new int[] {2, 3, 4, 5, 1}, top0.items());
    assertArrayEquals(new int[] {4, 0, 3, 5}, r.topLists().rankings()[1].items());
    // u0: hits at ranks 2 and 5 of 2 relevant; u1: hit at rank 2 of 1 relevant
    assertArrayEquals(new double[] {0.5, 0.5}, r.perUser("Precision@2"), TOL);
    assertArrayEquals(new double[] {0.4, 0.2}, r.perUser("Precision@5"), TOL);
    assertArrayEquals(new double[] {0.5, 1}, r.perUser("Recall@2"), TOL);
    assertArrayEquals(new double[] {1, 1}, r.perUser("Recall@5"), TOL);
    assertArrayEquals(new double[] {0.5, 1}, r.perUser("CappedRecall@2"), TOL);
    assertArrayEquals(new double[] {L3 / (1 + L3), L3}, r.perUser("NDCG@2"), TOL);
    assertArrayEquals(new double[] {(L3 + L6) / (1 + L3), L3}, r.perUser("NDCG@5"), TOL);
    assertArrayEquals(new double[] {0.25, 0.5}, r.perUser("MAP@2"), TOL);
    assertArrayEquals(new double[] {(0.5 + 0.4) / 2, 0.5}, r.perUser("MAP@5"), TOL);
    assertArrayEquals(new double[] {0.5, 0.5}, r.perUser("MRR@5"), TOL);
    assertArrayEquals(new double[] {1, 1}, r.perUser("HitRate@2"), TOL);
    // u0 top-2 {i2 (2 of 3 users), i3 (1 of 3)}; u1 top-2 {i4 (none: counts 1), i0 (1 of 3)}
    double l2 = Math.log(2);
    double n0 = (-Math.log(2.0 / 3) / l2 - Math.log(1.0 / 3) / l2) / 2;
    double n1 = -Math.log(1.0 / 3) / l2;
    assertArrayEquals(new double[] {n0, n1}, r.perUser("Novelty@2"), TOL);
    // u0: relevant .1 and .7 against negatives .8 .3 .3 → 2 of 6 pairs; u1: .5 against .2 .6 .1
    assertArrayEquals(new double[] {2.0 / 6, 2.0 / 3}, r.perUser("AUC"), TOL);
    assertEquals((L3 / (1 + L3) + L3) / 2, r.mean("NDCG@2"), TOL);
    assertEquals(4.0 / 6, r.mean("Coverage@2"), TOL);
    assertEquals(1.0, r.mean("Coverage@5"), TOL);
    // constant prediction 3 against 4, 2, 5
    assertEquals(Math.sqrt(2), r.mean("RMSE"), TOL);
    assertEquals(4.0 / 3, r.mean("MAE"), TOL);
    assertEquals(new EvalResult.Counts(2, 0, 0, 0, 3), r.counts());
    assertTrue(r.protocol().startsWith("full ranking"));
  }

  @Test
  void thresholdKeepsOnlyHighRatingsAndCountsTheRest() {
    Split s = split();
    EvalOptions o = new EvalOptions(new int[] {2}, 4f, 0, 7, 1);
    EvalResult r =
        Evaluator.evaluate("fixed", new FixedScores(s.train(), SCORES, 3), s, o, Map.of(), null);
    // u0 keeps only i1 (rated 4), ranked 5th: no hit in the top 2
    assertArrayEquals(new double[] {0, 1}, r.perUser("Recall@2"), TOL);
    assertEquals(1, r.counts().belowThreshold());
    assertTrue(r.protocol().contains("test rating >= 4.0"));
  }

  @Test
  void seenTestItemsAreDroppedAndCounted() {
    IdIndex users = IdIndex.of(List.of("u0"));
    IdIndex items = IdIndex.of(List.of("i0", "i1"));
    Interactions train = new Interactions(users, items, new int[] {0}, new int[] {0}, null, null);
    Interactions test =
        new Interactions(users, items, new int[] {0, 0}, new int[] {0, 1}, null, null);
    Split s = Split.of("seen", train, test);
    EvalResult r =
        Evaluator.evaluate(
            "fixed",
            new FixedScores(train, new float[][] {{1, 0}}, 1),
            s,
            new EvalOptions(new int[] {1}, null, 0, 1, 1));
    assertEquals(1, r.counts().relevantSeen());
    assertArrayEquals(new int[] {1}, r.topLists().rankings()[0].items());
    assertEquals(1.0, r.mean("HitRate@1"), TOL);
  }

  @Test
  void sampledEvaluationRanksOnlyTheSampleAndSaysSo() {
    Split s = split();
    EvalOptions o = new EvalOptions(new int[] {5}, null, 1, 7, 1);
    EvalResult r =
        Evaluator.evaluate("fixed", new FixedScores(s.train(), SCORES, 3), s, o, Map.of(), null);
    assertTrue(r.sampled());
    assertTrue(r.protocol().startsWith("sampled"));
    // u0: 2 relevant + 1 negative; u1: 1 relevant + 1 negative
    assertEquals(3, r.topLists().rankings()[0].size());
    assertEquals(2, r.topLists().rankings()[1].size());
    EvalResult again =
        Evaluator.evaluate("fixed", new FixedScores(s.train(), SCORES, 3), s, o, Map.of(), null);
    assertArrayEquals(r.perUser("NDCG@5"), again.perUser("NDCG@5"));
  }

  @Test
  void resultsDoNotDependOnThreads() {
    int nu = 700;
    int ni = 90;
    SplittableRandom rnd = new SplittableRandom(3);
    String[] u = new String[nu];
    String[] it = new String[ni];
    for (int k = 0; k < nu; k++) {
      u[k] = "u" + k;
    }
    for (int k = 0; k < ni; k++) {
      it[k] = "i" + k;
    }
    int rows = nu * 6;
    int[] ru = new int[rows];
    int[] ri = new int[rows];
    for (int k = 0; k < rows; k++) {
      ru[k] = k / 6;
      ri[k] = rnd.nextInt(ni);
    }
    Interactions all =
        new Interactions(IdIndex.of(List.of(u)), IdIndex.of(List.of(it)), ru, ri, null, null);
    int[] trainRows = java.util.stream.IntStream.range(0, rows).filter(k -> k % 6 < 4).toArray();
    int[] testRows = java.util.stream.IntStream.range(0, rows).filter(k -> k % 6 >= 4).toArray();
    Split s = Split.of("random", all.select(trainRows), all.select(testRows));
    float[][] table = new float[nu][ni];
    for (float[] row : table) {
      for (int i = 0; i < ni; i++) {
        row[i] = rnd.nextInt(10); // many ties
      }
    }
    FixedScores m = new FixedScores(s.train(), table, 3);
    EvalResult one = Evaluator.evaluate("m", m, s, opts(1));
    EvalResult four = Evaluator.evaluate("m", m, s, opts(4));
    for (String name : one.allMetrics()) {
      if (one.perUserMetrics().contains(name)) {
        assertArrayEquals(one.perUser(name), four.perUser(name), name);
      } else {
        assertEquals(one.mean(name), four.mean(name), name);
      }
    }
  }

  @Test
  void foldInUsersAreScoredFromTheirFoldInItems() {
    IdIndex users = IdIndex.of(List.of("a", "b"));
    IdIndex items = IdIndex.of(List.of("i0", "i1", "i2", "i3"));
    Interactions train = new Interactions(users, items, new int[] {0}, new int[] {3}, null, null);
    Interactions fold = new Interactions(users, items, new int[] {1}, new int[] {0}, null, null);
    Interactions test = new Interactions(users, items, new int[] {1}, new int[] {1}, null, null);
    Interactions none = train.select(new int[0]);
    Split s = new Split("holdout", train, none, test, fold);
    // table scores would put i3 first; fold-in scores -index: i0 excluded (fold-in), then i1
    float[][] table = {{0, 0, 0, 9}, {0, 0, 0, 9}};
    EvalResult r =
        Evaluator.evaluate(
            "fixed",
            new FixedScores(train, table, 3),
            s,
            new EvalOptions(new int[] {1}, null, 0, 1, 1));
    assertArrayEquals(new int[] {1}, r.topLists().rankings()[0].items());
    assertEquals(1.0, r.mean("HitRate@1"), TOL);
  }

  @Test
  void diversityNeedsItemCategories() {
    Split s = split();
    Map<String, ItemInfo> info =
        Map.of(
            "i2", ItemInfo.of("i2", "two", List.of("a")),
            "i3", ItemInfo.of("i3", "three", List.of("a", "b")));
    EvalResult r =
        Evaluator.evaluate(
            "fixed",
            new FixedScores(s.train(), SCORES, 3),
            s,
            opts(1),
            info,
            ProgressListener.NONE);
    // u0 top-2 i2, i3: 1 − 1/2; u1 top-2 i4, i0 have no categories: distance 1
    assertArrayEquals(new double[] {0.5, 1}, r.perUser("ILD@2"), TOL);
    EvalResult without =
        Evaluator.evaluate("fixed", new FixedScores(s.train(), SCORES, 3), s, opts(1));
    assertTrue(!without.has("ILD@2"));
  }

  @Test
  void badOptionsAreRejectedWithAClearMessage() {
    InputException e =
        assertThrows(InputException.class, () -> new EvalOptions(new int[] {0}, null, 0, 1, 1));
    assertTrue(e.getMessage().contains("K=0"));
    assertThrows(InputException.class, () -> new EvalOptions(new int[] {5}, null, -1, 1, 1));
    Split s = split();
    Interactions implicitTest = s.test().withRatings(null);
    Split noRatings = Split.of("x", s.train(), implicitTest);
    assertThrows(
        InputException.class,
        () ->
            Evaluator.evaluate(
                "fixed",
                new FixedScores(s.train(), SCORES, 3),
                noRatings,
                new EvalOptions(new int[] {5}, 4f, 0, 1, 1)));
  }
}
