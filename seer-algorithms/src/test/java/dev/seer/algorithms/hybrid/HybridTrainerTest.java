package dev.seer.algorithms.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract, the mixing of standardised scores by hand, bucket edges, cold items through the
 * content part, explanations that add up, and bad options.
 */
class HybridTrainerTest extends TrainerContract {
  static final String SMALL =
      "cf=ease(regularization=10),content=content(epochs=30;optimizer=adam;learningRate=0.1),"
          + "buckets=2,minBucketUsers=5,alphaSteps=4";

  @Override
  protected Trainer<?> trainer() {
    return Algorithms.create("hybrid", SMALL);
  }

  @Override
  protected TrainingContext context(long seed) {
    return new TrainingContext(seed, Tiny.metadata(30), ProgressListener.NONE, 2);
  }

  /**
   * Popularity on {@link Fixtures#tiny()} scores (3, 2, 2, 2, 2): mean 2.2, sd 0.4, so z = (2,
   * -0.5, -0.5, -0.5, -0.5). Popularity counting ratings of 4 or more scores (2, 0, 2, 1, 2): mean
   * 1.4, sd 0.8, z = (0.75, -1.75, 0.75, -0.5, 0.75). Item i2 is marked cold.
   */
  private static HybridModel handModel(boolean perBucket) {
    Interactions tiny = Fixtures.tiny();
    Recommender cf = Tiny.fit("popularity", "", tiny);
    Recommender ct = Tiny.fit("popularity", "minRating=4", tiny);
    ModelCard card = ModelCard.create("hybrid", Map.of(), 1, tiny);
    return HybridModel.of(
        card,
        tiny.users(),
        tiny.items(),
        cf,
        ct,
        new boolean[] {true, false, true, true, true},
        new int[] {3, 3, 3, 2},
        new int[] {2},
        new double[] {0.4, 0.9},
        0.5,
        perBucket);
  }

  @Test
  void scoresMixStandardisedPartsWithTheBucketAlpha() {
    HybridModel m = handModel(true);
    float[] s = new float[5];
    // u4 has 2 items: bucket 0, alpha 0.4: 0.4 z_cf + 0.6 z_ct; the cold i2 gets z_ct alone.
    m.score(3, s);
    assertArrayEquals(new float[] {1.25f, -1.75f, 0.25f, -0.5f, 0.25f}, s, 1e-6f);
    // u1 has 3 items: bucket 1, alpha 0.9.
    m.score(0, s);
    assertArrayEquals(new float[] {1.875f, -1.75f, -0.375f, -0.5f, -0.375f}, s, 1e-6f);
    // The global alpha 0.5 when perBucket is off.
    handModel(false).score(0, s);
    assertArrayEquals(new float[] {1.375f, -1.75f, 0.125f, -0.5f, 0.125f}, s, 1e-6f);
    assertTrue(m instanceof FoldIn, "both popularity parts fold in");
    float[] f = new float[5];
    ((FoldIn) m).scoreItems(new int[] {0, 4}, null, f);
    m.score(3, s);
    assertArrayEquals(s, f, 0f);
  }

  @Test
  void explanationsAddUpToTheScoreWithTheCentringAsBaseline() {
    HybridModel m = handModel(true);
    // u4, i1: popularity reasons 3 (cf) and 2 (content), scaled by 0.4 / 0.4 and 0.6 / 0.8, are
    // merged into one popularity reason 3 + 1.5 = 4.5; the baseline is -(0.4 * 2.2 / 0.4 + 0.6 *
    // 1.4 / 0.8) = -3.25, and 4.5 - 3.25 = 1.25 is the score.
    List<Reason> r = m.explain(3, 0, 5);
    assertEquals(2, r.size());
    assertEquals("popularity", r.get(0).kind());
    assertEquals(4.5, r.get(0).contribution(), 1e-9);
    assertEquals("baseline", r.get(1).kind());
    assertEquals(Contributions.CENTRING, r.get(1).feature());
    assertEquals(-3.25, r.get(1).contribution(), 1e-9);
    // Cold i2: only the content part, 1 / 0.8 * 0 = 0, and the baseline -1.4 / 0.8 = -1.75.
    List<Reason> cold = m.explain(3, 1, 5);
    assertEquals(0.0, cold.get(0).contribution(), 1e-12);
    assertEquals(-1.75, cold.get(1).contribution(), 1e-9);
    // Every item of every user: the reasons add up to the score.
    float[] s = new float[5];
    for (int u = 0; u < 4; u++) {
      m.score(u, s);
      for (int i = 0; i < 5; i++) {
        double sum = 0;
        for (Reason x : m.explain(u, i, Integer.MAX_VALUE)) {
          sum += x.contribution();
        }
        assertEquals(s[i], sum, 1e-6, "user " + u + ", item " + i);
      }
    }
  }

  @Test
  void bucketEdgesAreNearestRankQuantilesOfActivity() {
    // Active users' counts sorted: 1 2 3 4 5 6 (the 0 is ignored); tertiles at ranks 2 and 4.
    assertArrayEquals(new int[] {2, 4}, HybridTrainer.edges(new int[] {6, 0, 1, 5, 2, 3, 4}, 3));
    assertArrayEquals(new int[0], HybridTrainer.edges(new int[] {1, 2}, 1));
    int[] upper = {2, 4};
    assertEquals(0, HybridModel.bucket(upper, 0));
    assertEquals(0, HybridModel.bucket(upper, 2));
    assertEquals(1, HybridModel.bucket(upper, 3));
    assertEquals(2, HybridModel.bucket(upper, 5));
  }

  @Test
  void bestAlphaMaximisesTheMeanOverTheSelectedUsers() {
    // Three alphas, three users; user 2 alone prefers alpha index 2, the others index 1.
    double[][] ndcg = {{0.1, 0.1, 0.0}, {0.5, 0.4, 0.1}, {0.2, 0.2, 0.9}};
    assertEquals(2, HybridTrainer.best(ndcg, new int[] {1, 1, 1})); // means 0.067, 0.33, 0.43
    assertEquals(1, HybridTrainer.best(ndcg, new int[] {1, 1, 0}));
    assertEquals(2, HybridTrainer.best(ndcg, new int[] {0, 0, 1}));
    // Ties go to the smaller alpha.
    assertEquals(0, HybridTrainer.best(new double[][] {{0.3}, {0.3}}, new int[] {1}));
  }

  @Test
  void itemsWithoutInteractionsAreRecommendedThroughContent() {
    Interactions r = Fixtures.random(40, 30, 6, 20240607L);
    List<String> ids = new ArrayList<>(r.items().ids());
    ids.add("i30");
    ids.add("i31");
    Interactions d =
        new Interactions(
            r.users(),
            IdIndex.of(ids),
            r.userColumn(),
            r.itemColumn(),
            r.ratingColumn(),
            r.timeColumn());
    HybridModel m =
        (HybridModel)
            trainer().fit(d, new TrainingContext(3, Tiny.metadata(32), ProgressListener.NONE, 1));
    boolean[] hasRows = HybridTrainer.warm(d);
    int cold = -1;
    for (int i = 0; i < hasRows.length; i++) {
      if (!hasRows[i]) {
        cold = i;
        break;
      }
    }
    assertTrue(cold >= 0, "the fixture has items without rows");
    int recommended = 0;
    for (int u = 0; u < d.numUsers(); u++) {
      float[] ct = new float[d.numItems()];
      m.content().score(u, ct);
      ScoreNorm.standardise(ct);
      float[] s = new float[d.numItems()];
      m.score(u, s);
      assertEquals(ct[cold], s[cold], 1e-6, "a cold item's score is its content z-score");
      for (int i : Ranker.recommend(m, u, 10, d.byUser(), null).items()) {
        recommended += hasRows[i] ? 0 : 1;
      }
    }
    assertTrue(recommended > 0, "some top-10 list holds an item nobody interacted with");
    ModelCard card = m.card();
    for (String k : List.of("alpha.global", "alpha.bucket.0", "alpha.bucket.1")) {
      double a = card.metrics().get(k);
      assertTrue(a >= 0 && a <= 1 && Math.abs(a * 4 - Math.round(a * 4)) < 1e-12, k + "=" + a);
    }
    assertTrue(card.metrics().containsKey("bucket.0.maxInteractions"));
  }

  @Test
  void badOptionsAreRejectedWithTheirValue() {
    InputException e =
        assertThrows(InputException.class, () -> Algorithms.create("hybrid", "cf=hybrid"));
    assertTrue(e.getMessage().contains("cf=hybrid"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("hybrid", "content=ease"));
    assertTrue(e.getMessage().contains("content=ease"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("hybrid", "buckets=0"));
    assertTrue(e.getMessage().contains("buckets=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("hybrid", "validation=1"));
    assertTrue(e.getMessage().contains("validation=1"), e.getMessage());
    assertEquals(
        HybridOptions.defaults().asMap(), Algorithms.defaults("hybrid"), "registry defaults");
  }
}
