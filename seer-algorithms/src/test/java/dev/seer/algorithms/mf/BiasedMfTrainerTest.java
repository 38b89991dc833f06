package dev.seer.algorithms.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.baseline.BiasedBaselineTrainer;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Contract plus hand-computed SGD steps, learning a low-rank matrix, fold-in and similarity. */
class BiasedMfTrainerTest extends TrainerContract {
  private static final double EPS = 1e-12;

  @Override
  protected Trainer<?> trainer() {
    return new BiasedMfTrainer(BiasedMfOptions.defaults().withFactors(4).withEpochs(20));
  }

  /** The fold-in solves for the new user instead of replaying SGD, so it only approximates. */
  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }

  private static TrainingContext ctx() {
    return TrainingContext.ofSeed(1);
  }

  /**
   * Users A, B and items X, Y with two ratings, A-X 5 and B-Y 3, that share neither user nor item,
   * so an epoch's result does not depend on the order of its two SGD steps. The mean is 4.
   */
  static Interactions disjointPair() {
    return new Interactions.Builder()
        .add("A", "X", 5, Interactions.NO_TIME)
        .add("B", "Y", 3, Interactions.NO_TIME)
        .build();
  }

  @Test
  void oneEpochMatchesHandComputedSteps() {
    BiasedMfOptions o = new BiasedMfOptions(1, 1, 0.1, 1, 0.1, 0.2, 0.1);
    BiasedMfModel m =
        new BiasedMfTrainer(o)
            .fit(
                disjointPair(),
                ctx(),
                new double[] {0.5, -0.3},
                new double[] {0.4, 0.2},
                new SplittableRandom(3));
    // A-X: e = 5 - 4 - 0.5 * 0.4 = 0.8; b_A = b_X = 0.1 * 0.8 = 0.08;
    // p_A = 0.5 + 0.1 (0.8 * 0.4 - 0.2 * 0.5) = 0.522; q_X = 0.4 + 0.1 (0.8 * 0.5 - 0.2 * 0.4) =
    // 0.432.
    // B-Y: e = 3 - 4 + 0.3 * 0.2 = -0.94; b_B = b_Y = -0.094;
    // p_B = -0.3 + 0.1 (-0.94 * 0.2 + 0.2 * 0.3) = -0.3128; q_Y = 0.2 + 0.1 (0.94 * 0.3 - 0.04) =
    // 0.2242.
    assertEquals(4, m.mean(), EPS);
    assertEquals(0.08, m.userBias(0), EPS);
    assertEquals(0.08, m.itemBias(0), EPS);
    assertEquals(-0.094, m.userBias(1), EPS);
    assertEquals(-0.094, m.itemBias(1), EPS);
    assertArrayEquals(new double[] {0.522}, m.userFactors(0), EPS);
    assertArrayEquals(new double[] {0.432}, m.itemFactors(0), EPS);
    assertArrayEquals(new double[] {-0.3128}, m.userFactors(1), EPS);
    assertArrayEquals(new double[] {0.2242}, m.itemFactors(1), EPS);
    // A's estimate for Y: 4 + 0.08 - 0.094 + 0.522 * 0.2242.
    assertEquals(4 + 0.08 - 0.094 + 0.522 * 0.2242, m.estimate(0, 1), EPS);
    assertEquals((float) m.estimate(0, 1), m.predict(0, 1), 0f);
  }

  @Test
  void theLearningRateDecaysEachEpoch() {
    // Three epochs with rates 0.1, 0.05, 0.025, replayed here step by step for user A and item X.
    BiasedMfOptions o = new BiasedMfOptions(1, 3, 0.1, 0.5, 0.1, 0.2, 0.1);
    BiasedMfModel m =
        new BiasedMfTrainer(o)
            .fit(
                disjointPair(),
                ctx(),
                new double[] {0.5, -0.3},
                new double[] {0.4, 0.2},
                new SplittableRandom(3));
    double b1 = 0;
    double b2 = 0;
    double p = 0.5;
    double q = 0.4;
    double g = 0.1;
    for (int epoch = 0; epoch < 3; epoch++) {
      double e = 5 - 4 - b1 - b2 - p * q;
      b1 += g * (e - 0.1 * b1);
      b2 += g * (e - 0.1 * b2);
      double p0 = p;
      p += g * (e * q - 0.2 * p);
      q += g * (e * p0 - 0.2 * q);
      g *= 0.5;
    }
    assertEquals(b1, m.userBias(0), EPS);
    assertEquals(b2, m.itemBias(0), EPS);
    assertEquals(p, m.userFactors(0)[0], EPS);
    assertEquals(q, m.itemFactors(0)[0], EPS);
  }

  @Test
  void learnsASyntheticLowRankMatrix() {
    Synthetic s = new Synthetic(60, 40, 0.5, 11);
    BiasedMfOptions o = new BiasedMfOptions(3, 150, 0.02, 0.99, 0.001, 0.001, 0.1);
    BiasedMfModel m = new BiasedMfTrainer(o).fit(s.train, TrainingContext.ofSeed(5));
    double mf = s.heldOutRmse(m);
    double baseline = s.heldOutRmse(new BiasedBaselineTrainer().fit(s.train, ctx()));
    // The factors hold nearly all the variance: the baseline misses it, the factorisation does not.
    assertTrue(baseline > 0.8, "baseline RMSE " + baseline);
    assertTrue(mf < 0.1, "biased-mf held-out RMSE " + mf + " (baseline " + baseline + ")");
  }

  @Test
  void sameSeedSameParametersOtherSeedOtherParameters() {
    Interactions d = Fixtures.random(30, 20, 6, 9);
    BiasedMfTrainer t = new BiasedMfTrainer(BiasedMfOptions.defaults().withFactors(3));
    BiasedMfModel a = t.fit(d, TrainingContext.ofSeed(8));
    BiasedMfModel b = t.fit(d, TrainingContext.ofSeed(8));
    BiasedMfModel c = t.fit(d, TrainingContext.ofSeed(9));
    assertArrayEquals(a.userFactorMatrix(), b.userFactorMatrix(), 0);
    assertArrayEquals(a.itemFactorMatrix(), b.itemFactorMatrix(), 0);
    assertArrayEquals(a.itemBiases(), b.itemBiases(), 0);
    assertFalse(java.util.Arrays.equals(a.itemFactorMatrix(), c.itemFactorMatrix()));
  }

  @Test
  void predictClampsToTheTrainingRangeButScoresDoNot() {
    IdIndex users = IdIndex.of(List.of("a"));
    IdIndex items = IdIndex.of(List.of("x", "y"));
    ModelCard card = new ModelCard("biased-mf", Map.of(), 1, "", Map.of(), null, null);
    BiasedMfModel m =
        new BiasedMfModel(
            card,
            users,
            items,
            1,
            new double[] {4, 1, 5},
            new double[] {0, 0},
            new double[] {0.5},
            new double[] {1, -5},
            new double[] {1},
            new double[] {1, 0.5});
    assertEquals(6.5, m.estimate(0, 0), EPS); // 4 + 0.5 + 1 + 1 * 1
    assertEquals(5f, m.predict(0, 0), 0f);
    assertEquals(1f, m.predict(0, 1), 0f); // 4 + 0.5 - 5 + 0.5 = 0 -> 1
    float[] s = new float[2];
    m.score(0, s);
    assertArrayEquals(new float[] {6.5f, 0f}, s, 0f);
  }

  @Test
  void usersAndItemsWithoutRatingsHaveZeroParameters() {
    Interactions d = Fixtures.withColdUser(Fixtures.random(20, 30, 4, 2));
    BiasedMfModel m = new BiasedMfTrainer(BiasedMfOptions.defaults().withFactors(3)).fit(d, ctx());
    int cold = d.numUsers() - 1;
    assertArrayEquals(new double[3], m.userFactors(cold), 0);
    assertEquals(0, m.userBias(cold), 0);
    boolean[] rated = new boolean[d.numItems()];
    for (int i : d.itemColumn()) {
      rated[i] = true;
    }
    int unrated = 0;
    for (int i = 0; i < d.numItems(); i++) {
      if (!rated[i]) {
        unrated++;
        assertArrayEquals(new double[3], m.itemFactors(i), 0);
        assertEquals(m.mean() + m.userBias(0), m.estimate(0, i), EPS);
      }
    }
    assertTrue(unrated > 0, "the fixture has unrated items");
  }

  @Test
  void foldInIsTheStationaryPointOfTheUpdate() {
    Interactions d = Fixtures.random(30, 20, 6, 4);
    BiasedMfOptions o = BiasedMfOptions.defaults().withFactors(3).withRegularisation(0.05, 0.1);
    BiasedMfModel m = new BiasedMfTrainer(o).fit(d, ctx());
    int[] items = {0, 3, 5, 7};
    float[] ratings = {5, 1, 4, 2};
    double[] bp = m.foldInUser(items, ratings);
    // The gradient is zero: sum_j e_j = n regBias b and sum_j e_j q_j = n regFactor p.
    double n = items.length;
    double sumE = 0;
    double[] sumEq = new double[3];
    for (int t = 0; t < items.length; t++) {
      double[] q = m.itemFactors(items[t]);
      double est = m.mean() + bp[0] + m.itemBias(items[t]);
      for (int f = 0; f < 3; f++) {
        est += bp[f + 1] * q[f];
      }
      double e = ratings[t] - est;
      sumE += e;
      for (int f = 0; f < 3; f++) {
        sumEq[f] += e * q[f];
      }
    }
    assertEquals(n * 0.05 * bp[0], sumE, 1e-9);
    for (int f = 0; f < 3; f++) {
      assertEquals(n * 0.1 * bp[f + 1], sumEq[f], 1e-9, "factor " + f);
    }
    float[] s = new float[d.numItems()];
    m.scoreItems(items, ratings, s);
    double[] q2 = m.itemFactors(2);
    double expected = m.mean() + bp[0] + m.itemBias(2);
    for (int f = 0; f < 3; f++) {
      expected += bp[f + 1] * q2[f];
    }
    assertEquals(expected, s[2], 1e-5);
    // Without ratings nothing is known about the user: mu + b_i.
    m.scoreItems(items, null, s);
    assertEquals(m.mean() + m.itemBias(2), s[2], 1e-5);
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {99}, new float[] {3}, s));
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {1}, new float[] {3, 4}, s));
    assertThrows(
        InputException.class, () -> m.scoreItems(new int[] {1}, new float[] {Float.NaN}, s));
  }

  @Test
  void similarItemsAreTheCosineOfItemFactors() {
    IdIndex users = IdIndex.of(List.of("a"));
    IdIndex items = IdIndex.of(List.of("w", "x", "y", "z"));
    ModelCard card = new ModelCard("biased-mf", Map.of(), 1, "", Map.of(), null, null);
    BiasedMfModel m =
        new BiasedMfModel(
            card,
            users,
            items,
            2,
            new double[] {3, 1, 5},
            new double[] {0, 0},
            new double[1],
            new double[4],
            new double[2],
            new double[] {1, 0, 1, 1, 0, 0, -2, 0});
    float[] s = new float[4];
    m.similarTo(0, s);
    assertArrayEquals(
        new float[] {Float.NEGATIVE_INFINITY, (float) (1 / Math.sqrt(2)), 0, -1}, s, 1e-6f);
  }

  @Test
  void implicitDataAndDivergenceAreReported() {
    Interactions implicit = new Interactions.Builder().add("a", "x").build();
    InputException e =
        assertThrows(InputException.class, () -> new BiasedMfTrainer().fit(implicit, ctx()));
    assertTrue(e.getMessage().contains("explicit ratings"), e.getMessage());
    BiasedMfOptions wild = new BiasedMfOptions(10, 50, 1, 1, 0, 0, 1);
    e =
        assertThrows(
            InputException.class,
            () -> new BiasedMfTrainer(wild).fit(Fixtures.random(30, 20, 6, 1), ctx()));
    assertTrue(e.getMessage().contains("learningRate=1.0"), e.getMessage());
  }

  @Test
  void badOptionsNameTheValue() {
    BiasedMfOptions d = BiasedMfOptions.defaults();
    InputException e = assertThrows(InputException.class, () -> d.withFactors(0));
    assertTrue(e.getMessage().contains("factors=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> d.withLearningRate(0, 1));
    assertTrue(e.getMessage().contains("learningRate=0.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> d.withLearningRate(0.01, 1.5));
    assertTrue(e.getMessage().contains("decay=1.5"), e.getMessage());
    e = assertThrows(InputException.class, () -> d.withRegularisation(-1, 0));
    assertTrue(e.getMessage().contains("regBias=-1.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> d.withInitStd(Double.NaN));
    assertTrue(e.getMessage().contains("initStd=NaN"), e.getMessage());
    assertEquals(
        d.withFactors(7).withEpochs(3),
        BiasedMfOptions.parse(Map.of("factors", "7", "epochs", "3")));
    assertEquals(d, BiasedMfOptions.parse(d.asMap()));
  }
}
