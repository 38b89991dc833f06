package dev.seer.algorithms.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Contract plus a hand-computed epoch, the implicit term, fold-in, explanations and similarity. */
class SvdppTrainerTest extends TrainerContract {
  private static final double EPS = 1e-12;

  @Override
  protected Trainer<?> trainer() {
    return new SvdppTrainer(SvdppOptions.defaults().withFactors(4).withEpochs(20));
  }

  /** The fold-in solves for the new user instead of replaying SGD, so it only approximates. */
  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }

  private static TrainingContext ctx() {
    return TrainingContext.ofSeed(1);
  }

  @Test
  void oneEpochMatchesHandComputedSteps() {
    // A-X 5 and B-Y 3 share neither user nor item, so the order of the users does not matter;
    // N(A) = {X}, N(B) = {Y}, so |N|^-1/2 = 1 and z_A = y_X, z_B = y_Y. The mean is 4.
    SvdppOptions o = new SvdppOptions(1, 1, 0.1, 1, 0.1, 0.2, 0.3, 0.1);
    SvdppModel m =
        new SvdppTrainer(o)
            .fit(
                BiasedMfTrainerTest.disjointPair(),
                ctx(),
                new double[] {0.5, -0.3},
                new double[] {0.4, 0.2},
                new double[] {0.1, 0.2},
                new SplittableRandom(3));
    // A-X: z = 0.1; e = 5 - 4 - 0.4 * (0.5 + 0.1) = 0.76; b_A = b_X = 0.076;
    // q_X = 0.4 + 0.1 (0.76 * 0.6 - 0.2 * 0.4) = 0.4376; p_A = 0.5 + 0.1 (0.76 * 0.4 - 0.1) =
    // 0.5204;
    // y_X = (1 - 0.1 * 0.3) * 0.1 + 0.1 * 1 * (0.76 * 0.4) = 0.1274.
    // B-Y: z = 0.2; e = 3 - 4 - 0.2 * (-0.3 + 0.2) = -0.98; b_B = b_Y = -0.098;
    // q_Y = 0.2 + 0.1 (-0.98 * -0.1 - 0.04) = 0.2058; p_B = -0.3 + 0.1 (-0.98 * 0.2 + 0.06) =
    // -0.3136;
    // y_Y = 0.97 * 0.2 + 0.1 * (-0.98 * 0.2) = 0.1744.
    assertEquals(0.076, m.userBias(0), EPS);
    assertEquals(0.076, m.itemBias(0), EPS);
    assertEquals(-0.098, m.userBias(1), EPS);
    assertEquals(-0.098, m.itemBias(1), EPS);
    assertArrayEquals(new double[] {0.4376}, m.itemFactors(0), EPS);
    assertArrayEquals(new double[] {0.5204}, m.userFactors(0), EPS);
    assertArrayEquals(new double[] {0.1274}, m.implicitFactors(0), EPS);
    assertArrayEquals(new double[] {0.2058}, m.itemFactors(1), EPS);
    assertArrayEquals(new double[] {-0.3136}, m.userFactors(1), EPS);
    assertArrayEquals(new double[] {0.1744}, m.implicitFactors(1), EPS);
    // The effective vector of A is p_A + y_X; A's estimate for Y uses it.
    assertArrayEquals(new double[] {0.5204 + 0.1274}, m.effectiveUserFactors(0), EPS);
    assertEquals(4 + 0.076 - 0.098 + 0.2058 * (0.5204 + 0.1274), m.estimate(0, 1), EPS);
  }

  @Test
  void theEffectiveVectorAddsTheScaledImplicitSum() {
    Interactions d = Fixtures.random(20, 15, 5, 3);
    SvdppModel m = new SvdppTrainer(SvdppOptions.defaults().withFactors(3)).fit(d, ctx());
    SparseMatrix n = m.implicitSets();
    for (int u = 0; u < d.numUsers(); u++) {
      int[] items = n.row(u);
      double[] expected = m.userFactors(u);
      for (int j : items) {
        double[] y = m.implicitFactors(j);
        for (int f = 0; f < 3; f++) {
          expected[f] += y[f] / Math.sqrt(items.length);
        }
      }
      assertArrayEquals(expected, m.effectiveUserFactors(u), 1e-12, "user " + u);
    }
  }

  @Test
  void learnsASyntheticLowRankMatrix() {
    Synthetic s = new Synthetic(60, 40, 0.5, 11);
    SvdppOptions o = new SvdppOptions(3, 150, 0.02, 0.99, 0.001, 0.001, 0.001, 0.1);
    SvdppModel m = new SvdppTrainer(o).fit(s.train, TrainingContext.ofSeed(5));
    double rmse = s.heldOutRmse(m);
    assertTrue(rmse < 0.1, "svdpp held-out RMSE " + rmse);
  }

  @Test
  void sameSeedSameParametersOtherSeedOtherParameters() {
    Interactions d = Fixtures.random(30, 20, 6, 9);
    SvdppTrainer t = new SvdppTrainer(SvdppOptions.defaults().withFactors(3));
    SvdppModel a = t.fit(d, TrainingContext.ofSeed(8));
    SvdppModel b = t.fit(d, TrainingContext.ofSeed(8));
    SvdppModel c = t.fit(d, TrainingContext.ofSeed(9));
    assertArrayEquals(a.userFactorMatrix(), b.userFactorMatrix(), 0);
    assertArrayEquals(a.itemFactorMatrix(), b.itemFactorMatrix(), 0);
    assertArrayEquals(a.implicitFactorMatrix(), b.implicitFactorMatrix(), 0);
    assertFalse(Arrays.equals(a.implicitFactorMatrix(), c.implicitFactorMatrix()));
  }

  @Test
  void predictClampsAndColdUsersGetMeanPlusItemBias() {
    Interactions d = Fixtures.withColdUser(Fixtures.random(20, 30, 4, 2));
    SvdppModel m = new SvdppTrainer(SvdppOptions.defaults().withFactors(3)).fit(d, ctx());
    int cold = d.numUsers() - 1;
    for (int i = 0; i < d.numItems(); i++) {
      assertEquals(m.mean() + m.itemBias(i), m.estimate(cold, i), EPS);
      float p = m.predict(0, i);
      assertTrue(p >= m.minRating() && p <= m.maxRating(), "clamped prediction " + p);
      assertEquals(
          (float) Math.min(m.maxRating(), Math.max(m.minRating(), m.estimate(0, i))), p, 0f);
    }
    assertEquals(1, m.minRating(), 0);
    assertEquals(5, m.maxRating(), 0);
  }

  @Test
  void foldInFitsTheExplicitPartAroundTheImplicitSum() {
    Interactions d = Fixtures.random(30, 20, 6, 4);
    SvdppOptions o = SvdppOptions.defaults().withFactors(3).withRegularisation(0.05, 0.1, 0.01);
    SvdppModel m = new SvdppTrainer(o).fit(d, ctx());
    int[] items = {0, 3, 5, 7};
    float[] ratings = {5, 1, 4, 2};
    double[] z = new double[3];
    for (int j : items) {
      double[] y = m.implicitFactors(j);
      for (int f = 0; f < 3; f++) {
        z[f] += y[f] / 2; // |N|^-1/2 = 1/2
      }
    }
    double[] bv = m.foldInUser(items, ratings);
    // Stationarity of the explicit part p = v - z: sum_j e_j = n regBias b, sum_j e_j q_j = n
    // regFactor p.
    double sumE = 0;
    double[] sumEq = new double[3];
    for (int t = 0; t < items.length; t++) {
      double[] q = m.itemFactors(items[t]);
      double est = m.mean() + bv[0] + m.itemBias(items[t]);
      for (int f = 0; f < 3; f++) {
        est += bv[f + 1] * q[f];
      }
      double e = ratings[t] - est;
      sumE += e;
      for (int f = 0; f < 3; f++) {
        sumEq[f] += e * q[f];
      }
    }
    assertEquals(4 * 0.05 * bv[0], sumE, 1e-9);
    for (int f = 0; f < 3; f++) {
      assertEquals(4 * 0.1 * (bv[f + 1] - z[f]), sumEq[f], 1e-9, "factor " + f);
    }
    // Without ratings only the implicit part is used.
    float[] s = new float[d.numItems()];
    m.scoreItems(items, null, s);
    for (int i = 0; i < d.numItems(); i++) {
      double[] q = m.itemFactors(i);
      double expected = m.mean() + m.itemBias(i);
      for (int f = 0; f < 3; f++) {
        expected += q[f] * z[f];
      }
      assertEquals(expected, s[i], 1e-5, "item " + i);
    }
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {-1}, null, s));
  }

  @Test
  void explanationsSplitTheImplicitPartAmongTheUsersItems() {
    Interactions d = Fixtures.random(30, 20, 6, 4);
    SvdppModel m = new SvdppTrainer(SvdppOptions.defaults().withFactors(3)).fit(d, ctx());
    int user = 2;
    int item = 11;
    List<Reason> all = m.explain(user, item, 100);
    int[] seen = m.implicitSets().row(user);
    assertEquals(seen.length, all.size());
    double sum = 0;
    for (int k = 0; k < all.size(); k++) {
      Reason r = all.get(k);
      assertEquals("item", r.kind());
      assertTrue(Arrays.binarySearch(seen, r.item()) >= 0, "reason item is the user's");
      if (k > 0) {
        assertTrue(all.get(k - 1).contribution() >= r.contribution(), "largest first");
      }
      sum += r.contribution();
    }
    double[] p = m.userFactors(user);
    double[] q = m.itemFactors(item);
    double explicit = m.mean() + m.userBias(user) + m.itemBias(item);
    for (int f = 0; f < 3; f++) {
      explicit += p[f] * q[f];
    }
    assertEquals(m.estimate(user, item) - explicit, sum, 1e-9);
    assertEquals(all.subList(0, 2), m.explain(user, item, 2));
    assertEquals(List.of(), m.explain(user, item, 0));
  }

  @Test
  void similarItemsAreTheCosineOfItemFactors() {
    Interactions d = Fixtures.random(30, 20, 6, 4);
    SvdppModel m = new SvdppTrainer(SvdppOptions.defaults().withFactors(3)).fit(d, ctx());
    float[] s = new float[d.numItems()];
    m.similarTo(1, s);
    double[] a = m.itemFactors(1);
    double[] b = m.itemFactors(4);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int f = 0; f < 3; f++) {
      dot += a[f] * b[f];
      na += a[f] * a[f];
      nb += b[f] * b[f];
    }
    assertEquals(dot / Math.sqrt(na * nb), s[4], 1e-6);
    assertEquals(Float.NEGATIVE_INFINITY, s[1], 0f);
  }

  @Test
  void badOptionsNameTheValue() {
    SvdppOptions d = SvdppOptions.defaults();
    InputException e = assertThrows(InputException.class, () -> d.withEpochs(0));
    assertTrue(e.getMessage().contains("epochs=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> d.withRegularisation(0, 0, -0.5));
    assertTrue(e.getMessage().contains("regImplicit=-0.5"), e.getMessage());
    e = assertThrows(InputException.class, () -> SvdppOptions.parse(Map.of("factors", "x")));
    assertTrue(e.getMessage().contains("factors=x"), e.getMessage());
    assertEquals(d, SvdppOptions.parse(d.asMap()));
    Interactions implicit = new Interactions.Builder().add("a", "x").build();
    e = assertThrows(InputException.class, () -> new SvdppTrainer().fit(implicit, ctx()));
    assertTrue(e.getMessage().contains("explicit ratings"), e.getMessage());
  }
}
