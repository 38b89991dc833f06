package dev.seer.algorithms.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract for the weighted ensemble, and both methods computed by hand. */
class EnsembleTrainerTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return Algorithms.create("ensemble", "components=ease(regularization=10)+item-knn,rounds=1");
  }

  private static EnsembleModel pair(Interactions d, double[] w, Method method, double k) {
    Recommender a = Tiny.fit("popularity", "", d);
    Recommender b = Tiny.fit("popularity", "minRating=4", d);
    return EnsembleModel.of(
        ModelCard.create("ensemble", Map.of(), 1, d),
        d.users(),
        d.items(),
        List.of(a, b),
        w,
        method,
        k,
        method == Method.RRF ? d.byUser() : EnsembleTrainer.empty(d.numUsers(), d.numItems()));
  }

  @Test
  void reciprocalRankFusionOnThreeItemsByHand() {
    // Popularity ranks x (3), y (2), z (1); counting ratings >= 4 it ranks z (1), x (0), y (0,
    // the tie to the lower index x). The cold user: x 1/61 + 1/62, y 1/62 + 1/63, z 1/63 + 1/61.
    Interactions d = Tiny.threeItems();
    EnsembleModel m = pair(d, new double[] {1, 1}, Method.RRF, 60);
    float[] s = new float[3];
    m.score(3, s);
    assertEquals(1.0 / 61 + 1.0 / 62, s[0], 1e-7);
    assertEquals(1.0 / 62 + 1.0 / 63, s[1], 1e-7);
    assertEquals(1.0 / 63 + 1.0 / 61, s[2], 1e-7);
    // u1 has x and y in training: they rank after z in both lists, so z gets 2 / 61.
    m.score(0, s);
    assertEquals(2.0 / 61, s[2], 1e-7);
    // With k = 1 and weights 2 and 1 for the cold user: x 2/2 + 1/3, y 2/3 + 1/4, z 2/4 + 1/2.
    pair(d, new double[] {2, 1}, Method.RRF, 1).score(3, s);
    assertArrayEquals(new float[] {4f / 3, 11f / 12, 1f}, s, 1e-6f);
  }

  @Test
  void rrfReasonsAreShapleyValuesOfTheRankGameByHand() {
    // The cold user, item x: popularity 3 ranks x first (share 1/61); at score 0 it would rank
    // after y (2) and z (1), share 1/63, so the popularity reason gets 1/61 - 1/63 and the baseline
    // 1/63. Counting ratings >= 4, x scores 0 with a popularity reason of 0 and ranks second (share
    // 1/62, all baseline).
    EnsembleModel m = pair(Tiny.threeItems(), new double[] {1, 1}, Method.RRF, 60);
    List<Reason> r = m.explain(3, 0, 10);
    assertEquals(2, r.size());
    assertEquals("baseline", r.get(0).kind());
    assertEquals(1.0 / 63 + 1.0 / 62, r.get(0).contribution(), 1e-12);
    assertEquals("popularity", r.get(1).kind());
    assertEquals(1.0 / 61 - 1.0 / 63, r.get(1).contribution(), 1e-12);
    // u1's training item x ranks last whatever its score: its share is all baseline.
    float[] s = new float[3];
    m.score(0, s);
    List<Reason> seen = m.explain(0, 0, 10);
    assertEquals(1, seen.size());
    assertEquals(s[0], seen.get(0).contribution(), 1e-7);
    assertThrows(InputException.class, () -> m.explain(3, 0, 10, 0, 1));
  }

  @Test
  void ranksPutTrainingItemsLastAndBreakTiesByIndex() {
    assertArrayEquals(
        new int[] {2, 3, 1, 4}, EnsembleModel.ranks(new float[] {1, 1, 5, Float.NaN}, new int[0]));
    assertArrayEquals(
        new int[] {1, 3, 4, 2}, EnsembleModel.ranks(new float[] {1, 1, 5, 0}, new int[] {1, 2}));
  }

  @Test
  void weightedSumOfStandardisedScoresByHand() {
    // On Fixtures.tiny: z of popularity (2, -0.5, -0.5, -0.5, -0.5), of popularity >= 4 (0.75,
    // -1.75, 0.75, -0.5, 0.75); weights 1 and 2.
    Interactions tiny = Fixtures.tiny();
    EnsembleModel m = pair(tiny, new double[] {1, 2}, Method.WEIGHTED, 60);
    float[] s = new float[5];
    m.score(0, s);
    assertArrayEquals(new float[] {3.5f, -4f, 1f, -1.5f, 1f}, s, 1e-6f);
    // Reasons: popularity 3 * 1 / 0.4 + 2 * 2 / 0.8 = 12.5, and the baseline -(2.2 / 0.4 + 2 *
    // 1.4 / 0.8) = -9, which add up to the score 3.5.
    List<Reason> r = m.explain(0, 0, 3);
    assertEquals(12.5, r.get(0).contribution(), 1e-9);
    assertEquals("baseline", r.get(1).kind());
    assertEquals(-9, r.get(1).contribution(), 1e-9);
  }

  @Test
  void fittedWeightsComeFromTheGridAndAreRecorded() {
    Interactions d = Fixtures.random(60, 30, 8, 5);
    EnsembleModel m =
        (EnsembleModel)
            Algorithms.create("ensemble", "components=item-knn+popularity+random")
                .fit(d, TrainingContext.ofSeed(2));
    double[] w = m.weights();
    assertEquals(3, w.length);
    for (int c = 0; c < 3; c++) {
      final double wc = w[c];
      assertTrue(
          java.util.Arrays.stream(EnsembleTrainer.GRID).anyMatch(g -> g == wc), "grid weight");
      assertEquals(w[c], m.card().metrics().get("weight." + c), 0);
    }
    double best = m.card().metrics().get("validation.ndcg@10.ensemble");
    for (int c = 0; c < 3; c++) {
      String key =
          "validation.ndcg@10." + c + "." + List.of("item-knn", "popularity", "random").get(c);
      assertTrue(best >= m.card().metrics().get(key) - 1e-12, "the search starts from 1,1,1");
    }
  }

  @Test
  void badOptionsAreRejectedWithTheirValue() {
    InputException e =
        assertThrows(InputException.class, () -> Algorithms.create("ensemble", "components=ease"));
    assertTrue(e.getMessage().contains("components=1 algorithms"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> Algorithms.create("ensemble", "components=ease+ensemble"));
    assertTrue(e.getMessage().contains("cannot contain"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("ensemble", "k=0"));
    assertTrue(e.getMessage().contains("k=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("ensemble", "method=vote"));
    assertTrue(e.getMessage().contains("vote"), e.getMessage());
    assertEquals(EnsembleOptions.defaults().asMap(), Algorithms.defaults("ensemble"));
  }
}
