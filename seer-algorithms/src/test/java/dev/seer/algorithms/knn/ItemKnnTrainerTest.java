package dev.seer.algorithms.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Reason;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract plus hand-computed values on {@link Fixtures#tiny()}. Items i1..i5 have users i1
 * {u1,u2,u4}, i2 {u1,u3}, i3 {u1,u2}, i4 {u2,u3}, i5 {u3,u4}, so the binary cosine of i1 and i3 is
 * 2 / sqrt(3 * 2), of i1 and i2, i4 or i5 is 1 / sqrt(6), of i3 and i5 is 0, and of every other
 * pair 1 / 2.
 */
class ItemKnnTrainerTest extends TrainerContract {
  private static final float TOL = 1e-6f;
  private static final double S6 = Math.sqrt(6);

  @Override
  protected Trainer<?> trainer() {
    return new ItemKnnTrainer(ItemKnnOptions.defaults().withNeighbours(10));
  }

  private static ItemKnnModel fit(ItemKnnOptions o, Interactions d) {
    return new ItemKnnTrainer(o).fit(d, TrainingContext.ofSeed(1));
  }

  @Test
  void binaryCosineMatchesHandValues() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults(), Fixtures.tiny());
    double[][] expected = {
      {0, 1 / S6, 2 / S6, 1 / S6, 1 / S6},
      {1 / S6, 0, .5, .5, .5},
      {2 / S6, .5, 0, .5, 0},
      {1 / S6, .5, .5, 0, .5},
      {1 / S6, .5, 0, .5, 0}
    };
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(expected[i][j], m.similarity(i, j), TOL, "sim(i" + (i + 1) + ", i" + (j + 1));
      }
    }
    // Zero similarities and the item itself are not stored.
    assertEquals(5 * 4 - 2, m.neighbours().nnz());
  }

  @Test
  void scoresSumSimilaritiesOfTheUsersItems() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults(), Fixtures.tiny());
    float[] s = new float[5];
    m.score(3, s); // u4 has i1 and i5
    float[] expected = {
      (float) (1 / S6), // sim(i1, i5)
      (float) (1 / S6 + .5), // sim(i2, i1) + sim(i2, i5)
      (float) (2 / S6), // sim(i3, i1) + 0
      (float) (1 / S6 + .5),
      (float) (1 / S6) // sim(i5, i1)
    };
    assertArrayEquals(expected, s, TOL);
  }

  @Test
  void onlyTheTopNeighboursAreKeptWithTiesToTheLowerIndex() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults().withNeighbours(1), Fixtures.tiny());
    // i1 -> i3 (0.816); i2 -> i3 (ties with i4, i5 at 0.5); i3 -> i1; i4 -> i2 (ties); i5 -> i2.
    int[] best = {2, 2, 0, 1, 1};
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(new int[] {best[i]}, m.neighbours().row(i), "neighbour of i" + (i + 1));
    }
    float[] s = new float[5];
    m.score(3, s); // u4 (i1, i5): only i3 has one of u4's items as its neighbour
    assertArrayEquals(new float[] {0, 0, (float) (2 / S6), 0, 0}, s, TOL);
  }

  @Test
  void jaccardMatchesHandValues() {
    ItemKnnModel m =
        fit(ItemKnnOptions.defaults().withSimilarity(Similarity.JACCARD), Fixtures.tiny());
    assertEquals(2.0 / 3, m.similarity(0, 2), TOL); // |{u1,u2}| / |{u1,u2,u4}|
    assertEquals(1.0 / 4, m.similarity(0, 1), TOL); // |{u1}| / |{u1,u2,u3,u4}|
    assertEquals(1.0 / 3, m.similarity(1, 3), TOL); // |{u3}| / |{u1,u2,u3}|
    assertEquals(0.0, m.similarity(2, 4), TOL);
  }

  @Test
  void shrinkageDampsTheDenominator() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults().withShrinkage(1), Fixtures.tiny());
    assertEquals(2 / (S6 + 1), m.similarity(0, 2), TOL);
    assertEquals(1 / (2 + 1.0), m.similarity(1, 2), TOL); // 1 / (sqrt(2 * 2) + 1)
  }

  @Test
  void ratingCosineAndRatingWeightedScores() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults().withUseRatings(true), Fixtures.tiny());
    // i1 = (u1 5, u2 4, u4 3), i3 = (u1 4, u2 5): 40 / (sqrt(50) sqrt(41)).
    double s13 = 40 / Math.sqrt(50 * 41);
    assertEquals(s13, m.similarity(0, 2), TOL);
    // i5 = (u3 5, u4 4): i1 . i5 = 3 * 4 = 12, |i5| = sqrt(41).
    double s15 = 12 / Math.sqrt(50 * 41);
    assertEquals(s15, m.similarity(0, 4), TOL);
    float[] s = new float[5];
    m.score(3, s); // u4 rated i1 3 and i5 4; score(i3) = sim(i3, i1) * 3 + sim(i3, i5) * 4
    assertEquals(s13 * 3, s[2], 1e-5);
  }

  @Test
  void adjustedCosineSubtractsUserMeans() {
    ItemKnnModel m =
        fit(ItemKnnOptions.defaults().withSimilarity(Similarity.ADJUSTED_COSINE), Fixtures.tiny());
    // Means: u1 4, u2 11/3, u3 11/3, u4 3.5. Centred i1 = (u1 1, u2 1/3, u4 -1/2), i3 = (u1 0,
    // u2 4/3): dot 4/9, norms 7/6 and 4/3, so sim = (4/9) / (14/9) = 2/7.
    assertEquals(2.0 / 7, m.similarity(0, 2), TOL);
    Interactions implicit = new Interactions.Builder().add("a", "x").add("a", "y").build();
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                fit(
                    ItemKnnOptions.defaults().withSimilarity(Similarity.ADJUSTED_COSINE),
                    implicit));
    assertTrue(e.getMessage().contains("adjusted-cosine"), e.getMessage());
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Interactions d = Fixtures.random(300, 400, 20, 99);
    ItemKnnOptions o = ItemKnnOptions.defaults().withNeighbours(15);
    ItemKnnModel one = fit(o.withThreads(1), d);
    ItemKnnModel three = fit(o.withThreads(3), d);
    assertArrayEquals(one.neighbours().indptr(), three.neighbours().indptr());
    assertArrayEquals(one.neighbours().indices(), three.neighbours().indices());
    assertArrayEquals(one.neighbours().values(), three.neighbours().values(), 0f);
    for (int i = 0; i < d.numItems(); i++) {
      assertTrue(one.neighbours().rowNnz(i) <= 15);
    }
  }

  @Test
  void progressReachesTheItemCount() {
    List<long[]> updates = new ArrayList<>();
    ProgressListener p = (task, done, total) -> updates.add(new long[] {done, total});
    Interactions d = Fixtures.random(50, 200, 10, 3);
    new ItemKnnTrainer().fit(d, new TrainingContext(1, Map.of(), p, 2));
    long[] last = updates.get(updates.size() - 1);
    assertEquals(200, last[0]);
    assertEquals(200, last[1]);
    for (int k = 1; k < updates.size(); k++) {
      assertTrue(updates.get(k)[0] >= updates.get(k - 1)[0], "progress never goes back");
    }
  }

  @Test
  void explanationContributionsSumToTheScore() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults(), Fixtures.tiny());
    List<Reason> r = m.explain(3, 1, 5); // u4, item i2: i5 gives 0.5, i1 gives 1/sqrt(6)
    assertEquals(List.of(Reason.ofItem(4, 0.5), Reason.ofItem(0, (float) (1 / S6))), r);
    float[] s = new float[5];
    m.score(3, s);
    assertEquals(s[1], r.get(0).contribution() + r.get(1).contribution(), TOL);
    assertEquals(List.of(Reason.ofItem(4, 0.5)), m.explain(3, 1, 1));
  }

  @Test
  void similarItemsAreTheNeighbourRow() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults(), Fixtures.tiny());
    float[] s = new float[5];
    m.similarTo(2, s); // i3
    assertArrayEquals(new float[] {(float) (2 / S6), .5f, Float.NEGATIVE_INFINITY, .5f, 0}, s, TOL);
  }

  @Test
  void foldInScoresAnAnonymousUser() {
    ItemKnnModel m = fit(ItemKnnOptions.defaults(), Fixtures.tiny());
    float[] s = new float[5];
    m.scoreItems(new int[] {2}, new float[] {1}, s); // someone who has only i3
    assertArrayEquals(new float[] {(float) (2 / S6), .5f, 0, .5f, 0}, s, TOL);
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {7}, new float[] {1}, s));
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e =
        assertThrows(InputException.class, () -> ItemKnnOptions.defaults().withNeighbours(0));
    assertTrue(e.getMessage().contains("neighbours=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> ItemKnnOptions.defaults().withShrinkage(-2));
    assertTrue(e.getMessage().contains("shrinkage=-2"), e.getMessage());
  }
}
