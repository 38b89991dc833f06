package dev.seer.algorithms.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.ProgressListener;
import dev.seer.api.Reason;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for ALS, plus its row solvers against hand-computed and independently computed dense
 * solutions. Folding in a training user's items must give exactly their scores: both come from the
 * same exact solve against the final item factors.
 */
class AlsTrainerTest extends TrainerContract {
  /** Tolerance for solutions of well-conditioned 3x3 systems in double precision. */
  private static final double DOUBLE_TOL = 1e-9;

  /** Tolerance for solution vectors (entries of order 1) stored as float. */
  private static final double SOLUTION_TOL = 1e-6;

  /** Tolerance for scores and sums computed from float factors. */
  private static final double FLOAT_TOL = 1e-5;

  private static final AlsOptions SMALL =
      AlsOptions.defaults().withFactors(8).withIterations(6).withRegularization(1).withAlpha(4);

  @Override
  protected Trainer<?> trainer() {
    return new AlsTrainer(SMALL);
  }

  private static AlsModel fit(AlsOptions o, Interactions d, long seed) {
    return new AlsTrainer(o).fit(d, new TrainingContext(seed, Map.of(), ProgressListener.NONE, 2));
  }

  @Test
  void oneFactorSolveMatchesHandValue() {
    // k = 1, items y = (1, 2), λ = 1; the user has item 0 with confidence 3:
    // A = (1² + 2²) + (3 - 1) 1² + 1 = 8, b = 3 * 1 = 3, so x = 3 / 8.
    float[] y = {1, 2};
    double[] gram = {5};
    float[] out = new float[1];
    AlsSolver.exact(
        y,
        1,
        gram,
        1,
        new int[] {0},
        new float[] {3},
        0,
        1,
        out,
        0,
        false,
        new AlsSolver.Scratch(1));
    assertEquals(3.0 / 8, out[0], DOUBLE_TOL);
    float[] x = {0};
    AlsSolver.conjugateGradient(
        y, 1, gram, 1, new int[] {0}, new float[] {3}, 0, 1, x, 0, 1, new AlsSolver.Scratch(1));
    assertEquals(3.0 / 8, x[0], DOUBLE_TOL); // 0.375 is exact in float
  }

  /** A tiny problem: 3 factors, 5 items, a row with items 0, 2 and 3. */
  private static final float[] Y = {
    0.5f, -0.2f, 0.1f, //
    0.3f, 0.8f, -0.4f, //
    -0.6f, 0.1f, 0.9f, //
    0.2f, 0.2f, 0.2f, //
    0.7f, -0.5f, 0.3f
  };

  private static final int[] ROW = {0, 2, 3};
  private static final float[] CONF = {5, 2, 9};
  private static final double LAMBDA = 0.3;

  /** A and b of the tiny problem built term by term, and x = A⁻¹ b by Gaussian elimination. */
  private static double[] denseSolution() {
    int k = 3;
    double[][] a = new double[k][k + 1];
    for (int i = 0; i < 5; i++) {
      int pos = Arrays.binarySearch(ROW, i);
      double c = pos >= 0 ? CONF[pos] : 1;
      double p = pos >= 0 ? 1 : 0;
      for (int r = 0; r < k; r++) {
        for (int s = 0; s < k; s++) {
          a[r][s] += c * (double) Y[i * k + r] * Y[i * k + s];
        }
        a[r][k] += c * p * (double) Y[i * k + r];
      }
    }
    for (int r = 0; r < k; r++) {
      a[r][r] += LAMBDA;
    }
    for (int col = 0; col < k; col++) {
      for (int r = col + 1; r < k; r++) {
        double f = a[r][col] / a[col][col];
        for (int s = col; s <= k; s++) {
          a[r][s] -= f * a[col][s];
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = a[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  private static double[] gramOfY() {
    double[] g = new double[9];
    for (int i = 0; i < 5; i++) {
      for (int r = 0; r < 3; r++) {
        for (int s = 0; s < 3; s++) {
          g[r * 3 + s] += (double) Y[i * 3 + r] * Y[i * 3 + s];
        }
      }
    }
    return g;
  }

  @Test
  void conjugateGradientReachesTheDenseSolutionInKSteps() {
    double[] expected = denseSolution();
    double[] gram = gramOfY();
    // In exact arithmetic CG solves a k x k system in k steps, from any start; the result is
    // stored as float.
    for (float[] start : new float[][] {{0, 0, 0}, {1, -2, 0.5f}}) {
      float[] x = start.clone();
      AlsSolver.conjugateGradient(
          Y, 3, gram, LAMBDA, ROW, CONF, 0, 3, x, 0, 3, new AlsSolver.Scratch(3));
      for (int a = 0; a < 3; a++) {
        assertEquals(expected[a], x[a], SOLUTION_TOL, "CG from " + Arrays.toString(start));
      }
    }
    float[] exact = new float[3];
    AlsSolver.exact(Y, 3, gram, LAMBDA, ROW, CONF, 0, 3, exact, 0, false, new AlsSolver.Scratch(3));
    for (int a = 0; a < 3; a++) {
      assertEquals(expected[a], exact[a], SOLUTION_TOL);
    }
  }

  @Test
  void fewerStepsReduceTheRowObjectiveMonotonically() {
    double[] gram = gramOfY();
    double[] expected = denseSolution();
    double last = Double.POSITIVE_INFINITY;
    for (int steps = 1; steps <= 3; steps++) {
      float[] x = {0, 0, 0};
      AlsSolver.conjugateGradient(
          Y, 3, gram, LAMBDA, ROW, CONF, 0, 3, x, 0, steps, new AlsSolver.Scratch(3));
      double err = 0;
      for (int a = 0; a < 3; a++) {
        err += (x[a] - expected[a]) * (x[a] - expected[a]);
      }
      assertTrue(
          err <= last + SOLUTION_TOL * SOLUTION_TOL, "error after " + steps + " steps: " + err);
      last = err;
    }
  }

  @Test
  void lossFallsEverySweep() {
    List<Double> losses = new ArrayList<>();
    ProgressListener p =
        (task, done, total) -> {
          int at = task.indexOf("(loss ");
          if (at >= 0) {
            losses.add(Double.parseDouble(task.substring(at + 6, task.length() - 1)));
          }
        };
    Interactions d = Fixtures.random(60, 40, 8, 5);
    new AlsTrainer(SMALL.withIterations(8)).fit(d, new TrainingContext(3, Map.of(), p, 2));
    assertEquals(8, losses.size());
    for (int k = 1; k < losses.size(); k++) {
      // Each CG step from a warm start lowers each row's objective; allow print rounding.
      assertTrue(losses.get(k) <= losses.get(k - 1) * (1 + 1e-5), "losses " + losses);
    }
  }

  /** {@code Σ_all c (p - xᵀy)²} of a trained model, pair by pair. */
  private static double dataTerm(AlsModel m, Interactions d, int k, double alpha) {
    SparseMatrix byUser = d.byUser();
    double sum = 0;
    for (int u = 0; u < d.numUsers(); u++) {
      for (int i = 0; i < d.numItems(); i++) {
        double s = 0;
        for (int a = 0; a < k; a++) {
          s += (double) m.userFactors()[u * k + a] * m.itemFactors()[i * k + a];
        }
        boolean seen = byUser.contains(u, i);
        double c = seen ? 1 + alpha : 1;
        double e = (seen ? 1 : 0) - s;
        sum += c * e * e;
      }
    }
    return sum;
  }

  @Test
  void lossMatchesTheObjectiveSummedOverAllPairs() {
    Interactions d = Fixtures.random(12, 9, 3, 8);
    AlsModel m = fit(SMALL.withFactors(3), d, 4);
    double brute = dataTerm(m, d, 3, SMALL.alpha());
    for (float f : m.userFactors()) {
      brute += SMALL.regularization() * f * f;
    }
    for (float f : m.itemFactors()) {
      brute += SMALL.regularization() * f * f;
    }
    assertEquals(brute, m.card().metrics().get("trainingLoss"), 1e-9 * brute);
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Interactions d = Fixtures.random(300, 150, 12, 21);
    AlsOptions o = SMALL.withFactors(16).withIterations(3);
    AlsModel one = fit(o.withThreads(1), d, 9);
    AlsModel three = fit(o.withThreads(3), d, 9);
    assertArrayEquals(one.itemFactors(), three.itemFactors(), 0f);
    assertArrayEquals(one.userFactors(), three.userFactors(), 0f);
  }

  @Test
  void differentSeedsGiveDifferentFactors() {
    Interactions d = Fixtures.random(40, 30, 6, 2);
    AlsModel a = fit(SMALL, d, 1);
    AlsModel b = fit(SMALL, d, 2);
    assertTrue(!Arrays.equals(a.itemFactors(), b.itemFactors()));
  }

  @Test
  void foldInOfATrainingUserReproducesTheirVector() {
    Interactions d = Fixtures.random(40, 30, 6, 2);
    AlsModel m = fit(SMALL, d, 1);
    SparseMatrix byUser = d.byUser();
    for (int u = 0; u < d.numUsers(); u++) {
      float[] x = m.foldInVector(byUser.row(u), null);
      float[] trained = Arrays.copyOfRange(m.userFactors(), u * 8, (u + 1) * 8);
      assertArrayEquals(trained, x, 0f, "user " + u);
    }
    // Order and repetition do not matter without ratings.
    int[] row = byUser.row(0);
    int[] shuffled = new int[row.length + 1];
    for (int q = 0; q < row.length; q++) {
      shuffled[q] = row[row.length - 1 - q];
    }
    shuffled[row.length] = row[0];
    assertArrayEquals(m.foldInVector(row, null), m.foldInVector(shuffled, null), 0f);
    InputException e =
        assertThrows(InputException.class, () -> m.foldInVector(new int[] {30}, null));
    assertTrue(e.getMessage().contains("30"), e.getMessage());
  }

  @Test
  void ratingsSetTheConfidences() {
    Interactions d = Fixtures.tiny();
    AlsOptions o = SMALL.withFactors(3).withUseRatings(true).withAlpha(0.5);
    AlsModel m = fit(o, d, 6);
    SparseMatrix byUser = d.byUser();
    float[] values = Arrays.copyOfRange(byUser.values(), byUser.rowStart(1), byUser.rowEnd(1));
    float[] x = m.foldInVector(byUser.row(1), values);
    assertArrayEquals(Arrays.copyOfRange(m.userFactors(), 3, 6), x, 0f);
    float[] other = m.foldInVector(byUser.row(1), null);
    assertTrue(!Arrays.equals(x, other), "values change the fold-in vector");
    Interactions negative = d.withRatings(new float[] {1, 2, 3, 4, 5, -1, 1, 2, 3, 4, 5});
    InputException e = assertThrows(InputException.class, () -> fit(o, negative, 1));
    assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    assertTrue(e.getMessage().contains("useRatings"), e.getMessage());
  }

  @Test
  void zeroValuesAreUnobservedPairsWithRatings() {
    Interactions d = Fixtures.tiny();
    float[] r = d.ratingColumn().clone();
    r[4] = 0; // u2, i3
    AlsOptions o = SMALL.withFactors(3).withUseRatings(true);
    AlsModel withZero = fit(o, d.withRatings(r), 5);
    Interactions without = d.select(new int[] {0, 1, 2, 3, 5, 6, 7, 8, 9, 10});
    AlsModel dropped = fit(o, without, 5);
    assertArrayEquals(dropped.itemFactors(), withZero.itemFactors(), 0f);
    assertArrayEquals(dropped.userFactors(), withZero.userFactors(), 0f);
    assertEquals(10, withZero.train().nnz());
    float[] x = withZero.foldInVector(new int[] {0, 2, 3}, new float[] {4, 0, 2});
    assertArrayEquals(Arrays.copyOfRange(withZero.userFactors(), 3, 6), x, 0f);
  }

  @Test
  void explanationTermsSumToTheScore() {
    Interactions d = Fixtures.random(40, 30, 6, 2);
    AlsModel m = fit(SMALL, d, 1);
    float[] s = new float[d.numItems()];
    for (int u = 0; u < 5; u++) {
      m.score(u, s);
      for (int i = 0; i < d.numItems(); i += 7) {
        List<Reason> terms = m.contributions(u, i);
        double sum = 0;
        for (Reason r : terms) {
          sum += r.contribution();
        }
        assertEquals(s[i], sum, FLOAT_TOL, "user " + u + ", item " + i);
        List<Reason> top = m.explain(u, i, 3);
        assertTrue(top.size() <= 3);
        for (int q = 0; q < top.size(); q++) {
          assertTrue(top.get(q).contribution() > 0);
          if (q > 0) {
            assertTrue(top.get(q).contribution() <= top.get(q - 1).contribution());
          }
        }
      }
    }
  }

  @Test
  void similarItemsAreFactorCosines() {
    Interactions d = Fixtures.random(40, 30, 6, 2);
    AlsModel m = fit(SMALL, d, 1);
    float[] s = new float[d.numItems()];
    m.similarTo(2, s);
    float[] y = m.itemFactors();
    int k = m.factors();
    for (int j = 0; j < d.numItems(); j++) {
      if (j == 2) {
        assertEquals(Float.NEGATIVE_INFINITY, s[j]);
        continue;
      }
      double dot = 0;
      double n2 = 0;
      double nj = 0;
      for (int a = 0; a < k; a++) {
        dot += y[2 * k + a] * y[j * k + a];
        n2 += y[2 * k + a] * y[2 * k + a];
        nj += y[j * k + a] * y[j * k + a];
      }
      double cos = n2 == 0 || nj == 0 ? 0 : dot / Math.sqrt(n2 * nj);
      assertEquals(cos, s[j], FLOAT_TOL, "item " + j);
    }
  }

  /** Users {@code u} rate items {@code u, u+1, u+2 (mod n)}: every row and column has 3 entries. */
  private static Interactions circulant(int n) {
    int[] u = new int[3 * n];
    int[] it = new int[3 * n];
    for (int q = 0; q < 3 * n; q++) {
      u[q] = q / 3;
      it[q] = (q / 3 + q % 3) % n;
    }
    List<String> ids = new ArrayList<>();
    for (int q = 0; q < n; q++) {
      ids.add(Integer.toString(q));
    }
    IdIndex index = IdIndex.of(ids);
    return new Interactions(index, index, u, it, null, null);
  }

  @Test
  void weightedLambdaOnARegularGraphIsTheConstantLambdaTimesTheDegree() {
    // With 3 entries in every row, λ_w = 0.5 penalises each row by 1.5: the same problem as the
    // constant λ 1.5, so the same factors bit for bit. Other λ_w give other factors.
    Interactions d = circulant(12);
    AlsOptions constant = SMALL.withFactors(4).withRegularization(1.5);
    AlsOptions weighted = constant.withRegularization(0.5).withWeightedRegularization(true);
    AlsModel a = fit(constant, d, 5);
    AlsModel b = fit(weighted, d, 5);
    assertArrayEquals(a.userFactors(), b.userFactors(), 0f);
    assertArrayEquals(a.itemFactors(), b.itemFactors(), 0f);
    AlsModel c = fit(weighted.withRegularization(1.5), d, 5);
    assertTrue(!Arrays.equals(a.itemFactors(), c.itemFactors()));
  }

  @Test
  void weightedRegularizationSurvivesSaveAndLoad(@TempDir Path dir) {
    Interactions d = Fixtures.random(14, 9, 4, 8);
    AlsModel m = fit(SMALL.withRegularization(0.2).withWeightedRegularization(true), d, 4);
    Path file = dir.resolve("w.seer");
    ModelFiles.save(file, m, d.byUser());
    AlsModel back = (AlsModel) ModelFiles.load(file).model();
    assertTrue(back.weightedRegularization());
    int[] items = {1, 4, 6};
    assertArrayEquals(m.foldInVector(items, null), back.foldInVector(items, null), 0f);
    // A constant λ of the same value folds in a different vector.
    AlsModel constant =
        AlsModel.fromFactors(
            m.card(),
            m.users(),
            m.items(),
            8,
            0.2,
            false,
            m.alpha(),
            false,
            m.userFactors(),
            m.itemFactors(),
            m.train());
    assertTrue(!Arrays.equals(m.foldInVector(items, null), constant.foldInVector(items, null)));
  }

  @Test
  void weightedLossMatchesTheObjectiveAndFoldInReproducesUsers() {
    Interactions d = Fixtures.random(14, 9, 4, 8);
    AlsOptions o = SMALL.withFactors(3).withRegularization(0.2).withWeightedRegularization(true);
    AlsModel m = fit(o, d, 4);
    int k = 3;
    SparseMatrix byUser = d.byUser();
    SparseMatrix byItem = d.byItem();
    double brute = dataTerm(m, d, k, o.alpha());
    for (int u = 0; u < d.numUsers(); u++) {
      int n = Math.max(1, byUser.rowEnd(u) - byUser.rowStart(u));
      for (int a = 0; a < k; a++) {
        brute += 0.2 * n * m.userFactors()[u * k + a] * m.userFactors()[u * k + a];
      }
    }
    for (int i = 0; i < d.numItems(); i++) {
      int n = Math.max(1, byItem.rowEnd(i) - byItem.rowStart(i));
      for (int a = 0; a < k; a++) {
        brute += 0.2 * n * m.itemFactors()[i * k + a] * m.itemFactors()[i * k + a];
      }
    }
    assertEquals(brute, m.card().metrics().get("trainingLoss"), 1e-9 * brute);
    assertTrue(m.weightedRegularization());
    for (int u = 0; u < d.numUsers(); u++) {
      float[] x = m.foldInVector(byUser.row(u), null);
      assertArrayEquals(
          Arrays.copyOfRange(m.userFactors(), u * k, (u + 1) * k), x, 0f, "user " + u);
    }
  }

  @Test
  void anExplicitModelFoldsInByRidgeRegressionOnTheRatings(@TempDir Path dir) {
    // 2 users, 5 items, 3 factors; user 0 rated items 0, 2, 4 with 4, 1, 5.
    Interactions d =
        new Interactions.Builder()
            .add("a", "i0", 4f, 1)
            .add("a", "i2", 1f, 2)
            .add("a", "i4", 5f, 3)
            .add("b", "i1", 3f, 4)
            .add("b", "i3", 2f, 5)
            .build();
    float[] y = {
      0.3f, -0.2f, 0.5f, 0.1f, 0.4f, -0.3f, -0.6f, 0.2f, 0.1f, 0.2f, 0.2f, 0.2f, 0.5f, -0.1f, 0.3f
    };
    float[] x = new float[6];
    AlsModel m =
        AlsModel.fromExplicitFactors(
            ModelCard.create("als", Map.of(), 1, d),
            d.users(),
            d.items(),
            3,
            0.5,
            true,
            x,
            y,
            d.byUser());
    assertTrue(m.explicit());
    int[] rated = {d.items().index("i0"), d.items().index("i2"), d.items().index("i4")};
    float[] r = {4, 1, 5};
    float[] v = m.foldInVector(rated, r);
    // A v = b with A = Σ y yᵀ + 0.5·3 I and b = Σ r y over the rated items only.
    for (int a = 0; a < 3; a++) {
      double av = 1.5 * v[a];
      double b = 0;
      for (int q = 0; q < 3; q++) {
        int o = rated[q] * 3;
        double dot = 0;
        for (int c = 0; c < 3; c++) {
          dot += y[o + c] * v[c];
        }
        av += y[o + a] * dot;
        b += r[q] * y[o + a];
      }
      assertEquals(b, av, 1e-5, "row " + a);
    }
    // It survives save and load, and explains a score by the rated items' terms.
    Path file = dir.resolve("explicit.seer");
    ModelFiles.save(file, m, d.byUser());
    AlsModel back = (AlsModel) ModelFiles.load(file).model();
    assertTrue(back.explicit());
    assertArrayEquals(v, back.foldInVector(rated, r), 0f);
  }

  @Test
  void weightedRegularizationHasItsOwnDefaultLambda() {
    AlsOptions w = AlsOptions.parse(Map.of("weightedRegularization", "true"));
    assertTrue(w.weightedRegularization());
    assertEquals(AlsOptions.DEFAULT_WEIGHTED_REGULARIZATION, w.regularization());
    assertEquals(
        0.7,
        AlsOptions.parse(Map.of("weightedRegularization", "true", "regularization", "0.7"))
            .regularization());
    assertEquals(w, AlsOptions.parse(w.asMap()));
    assertEquals(AlsOptions.DEFAULT_REGULARIZATION, AlsOptions.parse(Map.of()).regularization());
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e =
        assertThrows(InputException.class, () -> AlsOptions.defaults().withFactors(0));
    assertTrue(e.getMessage().contains("factors=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> AlsOptions.defaults().withRegularization(0));
    assertTrue(e.getMessage().contains("regularization=0.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> AlsOptions.defaults().withAlpha(-1));
    assertTrue(e.getMessage().contains("alpha=-1.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> AlsOptions.defaults().withCgSteps(0));
    assertTrue(e.getMessage().contains("cgSteps=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> AlsOptions.parse(Map.of("iterations", "-3")));
    assertTrue(e.getMessage().contains("iterations=-3"), e.getMessage());
    assertEquals(AlsOptions.defaults(), AlsOptions.parse(AlsOptions.defaults().asMap()));
  }
}
