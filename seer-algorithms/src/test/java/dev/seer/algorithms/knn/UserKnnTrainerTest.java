package dev.seer.algorithms.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Reason;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract plus hand-computed values on {@link Fixtures#tiny()}: u1 {i1, i2, i3}, u2 {i1, i3, i4},
 * u3 {i2, i4, i5}, u4 {i1, i5}. Binary cosines: sim(u1, u2) = 2/3, sim(u1, u3) = sim(u2, u3) = 1/3,
 * and every pair with u4 1/sqrt(6).
 */
class UserKnnTrainerTest extends TrainerContract {
  private static final float TOL = 1e-6f;
  private static final double S6 = Math.sqrt(6);

  @Override
  protected Trainer<?> trainer() {
    return new UserKnnTrainer(UserKnnOptions.defaults().withNeighbours(10));
  }

  /** A training user's own items find that user as a neighbour, so fold-in differs from score. */
  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }

  private static UserKnnModel fit(UserKnnOptions o, Interactions d) {
    return new UserKnnTrainer(o).fit(d, TrainingContext.ofSeed(1));
  }

  @Test
  void binaryCosineMatchesHandValues() {
    UserKnnModel m = fit(UserKnnOptions.defaults(), Fixtures.tiny());
    double[][] expected = {
      {0, 2.0 / 3, 1.0 / 3, 1 / S6},
      {2.0 / 3, 0, 1.0 / 3, 1 / S6},
      {1.0 / 3, 1.0 / 3, 0, 1 / S6},
      {1 / S6, 1 / S6, 1 / S6, 0}
    };
    for (int u = 0; u < 4; u++) {
      for (int v = 0; v < 4; v++) {
        assertEquals(expected[u][v], m.similarity(u, v), TOL, "sim(u" + (u + 1) + ", u" + (v + 1));
      }
    }
  }

  @Test
  void scoresAreSimilarityWeightedMeansOverTheNeighbourhood() {
    UserKnnModel m = fit(UserKnnOptions.defaults(), Fixtures.tiny());
    float[] s = new float[5];
    m.score(0, s); // u1: neighbours u2 (2/3), u3 (1/3), u4 (1/sqrt 6)
    double den = 2.0 / 3 + 1.0 / 3 + 1 / S6;
    double[] expected = {
      (2.0 / 3 + 1 / S6) / den, // i1: u2, u4
      (1.0 / 3) / den, // i2: u3
      (2.0 / 3) / den, // i3: u2
      (2.0 / 3 + 1.0 / 3) / den, // i4: u2, u3
      (1.0 / 3 + 1 / S6) / den // i5: u3, u4
    };
    for (int i = 0; i < 5; i++) {
      assertEquals(expected[i], s[i], TOL, "score(u1, i" + (i + 1) + ")");
    }
  }

  @Test
  void onlyTheTopNeighboursAreKept() {
    UserKnnModel m = fit(UserKnnOptions.defaults().withNeighbours(1), Fixtures.tiny());
    // u1 -> u2 (2/3), u2 -> u1 (2/3), u3 -> u4 (1/sqrt 6 = 0.41 beats 1/3), u4 -> u1 (a
    // three-way tie at 1/sqrt 6 goes to the lowest index).
    assertArrayEquals(new int[] {1}, m.neighbours().row(0));
    assertArrayEquals(new int[] {0}, m.neighbours().row(1));
    assertArrayEquals(new int[] {3}, m.neighbours().row(2));
    assertArrayEquals(new int[] {0}, m.neighbours().row(3));
    float[] s = new float[5];
    m.score(0, s); // u1's only neighbour is u2: u2's items score 1
    assertArrayEquals(new float[] {1, 0, 1, 1, 0}, s, TOL);
  }

  @Test
  void shrinkageDampsSimilaritiesFromFewSharedItems() {
    UserKnnModel m = fit(UserKnnOptions.defaults().withShrinkage(1), Fixtures.tiny());
    assertEquals(2.0 / 3 * 2 / 3, m.similarity(0, 1), TOL); // n = 2 shared items: * 2 / 3
    assertEquals(1.0 / 3 / 2, m.similarity(0, 2), TOL); // n = 1: * 1 / 2
  }

  @Test
  void meanCentredRatingsGiveHandComputedSimilaritiesAndPredictions() {
    UserKnnModel m = fit(UserKnnOptions.defaults().withRatings(true, true), Fixtures.tiny());
    // Means: u1 4, u2 11/3, u3 11/3, u4 3.5. Centred: u1 (i1 1, i2 -1, i3 0),
    // u2 (i1 1/3, i3 4/3, i4 -5/3), u3 (i2 -5/3, i4 1/3, i5 4/3), u4 (i1 -1/2, i5 1/2).
    // |u1| = sqrt 2, |u2| = |u3| = sqrt(42) / 3, |u4| = sqrt(1/2).
    double s84 = Math.sqrt(84);
    assertEquals(1 / s84, m.similarity(0, 1), TOL); // (1/3) / (sqrt 2 sqrt 42 / 3)
    assertEquals(5 / s84, m.similarity(0, 2), TOL); // (5/3) / ...
    assertEquals(-0.5, m.similarity(0, 3), TOL); // (-1/2) / (sqrt 2 sqrt 1/2)
    // predict(u1, i5) = 4 + (sim13 (5 - 11/3) + sim14 (4 - 3.5)) / (|sim13| + |sim14|)
    double p15 = 4 + (5 / s84 * 4 / 3 - 0.5 * 0.5) / (5 / s84 + 0.5);
    assertEquals(p15, m.predict(0, 4), 1e-5);
    // predict(u1, i4) = 4 + (sim12 (2 - 11/3) + sim13 (4 - 11/3)) / (sim12 + sim13) = 4 + 0.
    assertEquals(4, m.predict(0, 3), 1e-5);
  }

  @Test
  void predictionsWithoutCentringAreWeightedMeanRatings() {
    UserKnnModel m = fit(UserKnnOptions.defaults(), Fixtures.tiny());
    // u1, i4: u2 rated 2 (sim 2/3), u3 rated 4 (sim 1/3): (4/3 + 4/3) / 1 = 8/3.
    assertEquals(8.0 / 3, m.predict(0, 3), 1e-5);
    UserKnnModel one = fit(UserKnnOptions.defaults().withNeighbours(1), Fixtures.tiny());
    // u1's only neighbour u2 did not rate i2: fall back to u1's mean rating 4.
    assertEquals(4, one.predict(0, 1), 1e-6);
  }

  @Test
  void explanationsSplitEachNeighboursShareOverTheSharedItems() {
    UserKnnModel m = fit(UserKnnOptions.defaults(), Fixtures.tiny());
    // u1, i4: u2 adds (2/3) / den, split over i1 and i3 (shared with u2); u3 adds (1/3) / den,
    // all through i2 (shared with u3). So each of i1, i2, i3 contributes (1/3) / den.
    double den = 2.0 / 3 + 1.0 / 3 + 1 / S6;
    List<Reason> r = m.explain(0, 3, 5);
    assertEquals(3, r.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(k, r.get(k).item(), "ties go to the lower index");
      assertEquals("item", r.get(k).kind());
      assertEquals(1.0 / 3 / den, r.get(k).contribution(), 1e-6);
    }
    float[] s = new float[5];
    m.score(0, s);
    assertEquals(s[3], r.stream().mapToDouble(Reason::contribution).sum(), 1e-6);
  }

  @Test
  void explanationsAddUpToTheScoreOnRandomData() {
    Interactions d = Fixtures.random(60, 40, 8, 12);
    UserKnnModel m = fit(new UserKnnOptions(7, 2, true, true, 2), d);
    float[] s = new float[40];
    for (int u = 0; u < 60; u += 7) {
      m.score(u, s);
      for (int i = 0; i < 40; i++) {
        double sum = m.explain(u, i, 100).stream().mapToDouble(Reason::contribution).sum();
        assertEquals(s[i], sum, 1e-5, "user " + u + ", item " + i);
      }
    }
  }

  @Test
  void foldInWithoutTheUserThemselvesReproducesTheirScores() {
    Interactions d = Fixtures.random(60, 40, 8, 12);
    for (UserKnnOptions o :
        List.of(
            UserKnnOptions.defaults().withNeighbours(5),
            new UserKnnOptions(9, 3, true, true, 1),
            new UserKnnOptions(4, 0, true, false, 1))) {
      UserKnnModel m = fit(o, d);
      SparseMatrix raw = d.byUser();
      for (int u = 0; u < 60; u++) {
        TopNeighbours.Kept k =
            m.foldInNeighbours(
                raw.row(u), Arrays.copyOfRange(raw.values(), raw.rowStart(u), raw.rowEnd(u)), u);
        assertArrayEquals(m.neighbours().row(u), k.indices(), o + " user " + u);
        assertArrayEquals(
            Arrays.copyOfRange(
                m.neighbours().values(), m.neighbours().rowStart(u), m.neighbours().rowEnd(u)),
            k.values(),
            0f);
      }
    }
  }

  @Test
  void foldInOfATrainingUsersItemsFindsThatUserFirst() {
    UserKnnModel m = fit(UserKnnOptions.defaults().withNeighbours(1), Fixtures.tiny());
    TopNeighbours.Kept k = m.foldInNeighbours(new int[] {2, 0, 1}, null, -1); // u1's items
    assertArrayEquals(new int[] {0}, k.indices());
    assertEquals(1, k.values()[0], TOL);
    float[] s = new float[5];
    m.scoreItems(new int[] {0, 1, 2}, null, s);
    assertArrayEquals(new float[] {1, 1, 1, 0, 0}, s, TOL);
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {5}, null, s));
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Interactions d = Fixtures.random(300, 200, 15, 99);
    UserKnnOptions o = UserKnnOptions.defaults().withNeighbours(12).withShrinkage(5);
    UserKnnModel one = fit(o.withThreads(1), d);
    UserKnnModel three = fit(o.withThreads(3), d);
    assertArrayEquals(one.neighbours().indptr(), three.neighbours().indptr());
    assertArrayEquals(one.neighbours().indices(), three.neighbours().indices());
    assertArrayEquals(one.neighbours().values(), three.neighbours().values(), 0f);
    for (int u = 0; u < d.numUsers(); u++) {
      assertTrue(one.neighbours().rowNnz(u) <= 12);
    }
  }

  @Test
  void badOptionsAndImplicitCentringAreRejected() {
    InputException e =
        assertThrows(InputException.class, () -> UserKnnOptions.defaults().withNeighbours(0));
    assertTrue(e.getMessage().contains("neighbours=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> UserKnnOptions.defaults().withShrinkage(-1));
    assertTrue(e.getMessage().contains("shrinkage=-1"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> Algorithms.create("user-knn", "meanCentring=true"));
    assertTrue(e.getMessage().contains("meanCentring=true"), e.getMessage());
    Interactions implicit = new Interactions.Builder().add("a", "x").add("b", "x").build();
    e =
        assertThrows(
            InputException.class,
            () -> fit(UserKnnOptions.defaults().withRatings(true, true), implicit));
    assertTrue(e.getMessage().contains("meanCentring"), e.getMessage());
  }
}
