package dev.seer.algorithms.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule on problems whose optimum is known: a convex quadratic {@code f(x) = x'Ax/2 - b'x} with
 * optimum {@code A^-1 b = (16, -31, 24) / 17}, and a least-squares problem per row of a block, fed
 * by sparse minibatches, whose data are noise-free so the optimum is the generating weights. Plus
 * single steps of momentum and Adam checked by hand.
 */
class OptimizersTest {
  /** Converged parameters must be this close to the optimum (absolute, per value). */
  private static final double TOL = 1e-4;

  private static final double[][] A = {{3, 1, 0}, {1, 2, 0.5}, {0, 0.5, 1}};
  private static final double[] B = {1, -2, 0.5};
  private static final double[] OPT = {16.0 / 17, -31.0 / 17, 24.0 / 17};

  private static OptimizerSpec spec(OptimizerKind kind) {
    switch (kind) {
      case SGD:
        return OptimizerSpec.sgd(0.2);
      case MOMENTUM:
        return OptimizerSpec.momentum(0.05, 0.9);
      default:
        return OptimizerSpec.adam(0.01);
    }
  }

  @Test
  void theStatedOptimumSolvesTheQuadratic() {
    for (int r = 0; r < 3; r++) {
      double s = 0;
      for (int c = 0; c < 3; c++) {
        s += A[r][c] * OPT[c];
      }
      assertEquals(B[r], s, 1e-12);
    }
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void convexQuadraticConvergesToItsOptimum(OptimizerKind kind) {
    RowOptimizer opt = spec(kind).create(1, 3);
    float[] x = {2, 2, -2};
    float[] g = new float[3];
    for (int step = 0; step < 5000; step++) {
      for (int r = 0; r < 3; r++) {
        double s = -B[r];
        for (int c = 0; c < 3; c++) {
          s += A[r][c] * x[c];
        }
        g[r] = (float) s;
      }
      opt.update(x, 0, g, 0);
    }
    for (int c = 0; c < 3; c++) {
      assertEquals(OPT[c], x[c], TOL, kind + " x[" + c + "]");
    }
    assertEquals(5000, opt.steps(0));
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void leastSquaresWithSparseMinibatchesConvergesRowByRow(OptimizerKind kind) {
    int rows = 20;
    int dim = 3;
    SplittableRandom rnd = new SplittableRandom(5);
    double[][] truth = new double[rows][dim];
    for (double[] w : truth) {
      for (int f = 0; f < dim; f++) {
        w[f] = rnd.nextDouble(-2, 2);
      }
    }
    OptimizerSpec s =
        kind == OptimizerKind.SGD
            ? OptimizerSpec.sgd(0.05)
            : kind == OptimizerKind.MOMENTUM
                ? OptimizerSpec.momentum(0.01, 0.9)
                : OptimizerSpec.adam(0.01);
    RowOptimizer opt = s.create(rows, dim);
    SparseGradient grad = new SparseGradient(rows, dim);
    float[] w = new float[rows * dim];
    float[] x = new float[dim];
    for (int batch = 0; batch < 6000; batch++) {
      // A minibatch of 4 samples touches at most 4 of the 20 rows.
      for (int k = 0; k < 4; k++) {
        int r = rnd.nextInt(rows);
        double y = 0;
        double pred = 0;
        for (int f = 0; f < dim; f++) {
          x[f] = (float) rnd.nextDouble(-1, 1);
          y += truth[r][f] * x[f];
          pred += w[r * dim + f] * x[f];
        }
        // d/dw (pred - y)^2 / 2 = (pred - y) x
        grad.add(r, (float) (pred - y), x, 0);
      }
      assertTrue(grad.size() <= 4);
      grad.apply(opt, w);
    }
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < dim; f++) {
        assertEquals(truth[r][f], w[r * dim + f], 1e-3, kind + " row " + r + " value " + f);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void onlyUpdatedRowsChangeAndUntouchedRowsKeepTheirState(OptimizerKind kind) {
    RowOptimizer opt = spec(kind).create(3, 2);
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] g = {0.5f, -1};
    opt.update(x, 1, g, 0);
    assertEquals(1, x[0]);
    assertEquals(2, x[1]);
    assertEquals(5, x[4]);
    assertEquals(6, x[5]);
    assertEquals(0, opt.steps(0));
    assertEquals(1, opt.steps(1));
    // Row 0's first update is a first step, whatever row 1 did before.
    RowOptimizer fresh = spec(kind).create(3, 2);
    float[] y = {1, 2, 3, 4, 5, 6};
    opt.update(x, 0, g, 0);
    fresh.update(y, 0, g, 0);
    assertEquals(y[0], x[0]);
    assertEquals(y[1], x[1]);
  }

  @Test
  void gradientDescentStepByHand() {
    RowOptimizer opt = OptimizerSpec.sgd(0.1).create(1, 2);
    float[] x = {1, -1};
    opt.update(x, 0, new float[] {2, -3}, 0);
    assertArrayEquals(new float[] {0.8f, -0.7f}, x, 1e-7f);
  }

  @Test
  void momentumStepsByHand() {
    // v1 = g1 = (1, -2); x1 = x0 - 0.1 v1 = (-0.1, 0.2).
    // v2 = 0.9 v1 + g2 = (0.9 + 1, -1.8 + 0) = (1.9, -1.8); x2 = x1 - 0.1 v2 = (-0.29, 0.38).
    RowOptimizer opt = OptimizerSpec.momentum(0.1, 0.9).create(1, 2);
    float[] x = {0, 0};
    opt.update(x, 0, new float[] {1, -2}, 0);
    assertArrayEquals(new float[] {-0.1f, 0.2f}, x, 1e-7f);
    opt.update(x, 0, new float[] {1, 0}, 0);
    assertArrayEquals(new float[] {-0.29f, 0.38f}, x, 1e-6f);
  }

  @Test
  void adamStepsByHand() {
    // lr 0.1, beta1 0.9, beta2 0.999, eps 1e-8, x0 = (1, 1), g1 = (0.5, -2).
    // t = 1: m = 0.1 g1 = (0.05, -0.2), v = 0.001 g1^2 = (0.00025, 0.004);
    //   mHat = m / 0.1 = g1, vHat = v / 0.001 = g1^2, so each value moves by lr * sign(g1)
    //   (up to eps): x1 = (0.9, 1.1).
    // t = 2 with g2 = (0.5, 0): m = 0.9 m + 0.1 g2 = (0.095, -0.18), v = 0.999 v + 0.001 g2^2 =
    //   (0.0004997500, 0.003996); bias corrections 1 - 0.81 = 0.19 and 1 - 0.998001 = 0.001999:
    //   mHat = (0.5, -0.947368...), vHat = (0.25, 1.998999...), step = lr mHat / (sqrt(vHat) +
    //   eps) = (0.1, -0.0670058...), x2 = (0.8, 1.1670058...).
    RowOptimizer opt = OptimizerSpec.adam(0.1).create(1, 2);
    float[] x = {1, 1};
    opt.update(x, 0, new float[] {0.5f, -2}, 0);
    assertArrayEquals(new float[] {0.9f, 1.1f}, x, 1e-6f);
    opt.update(x, 0, new float[] {0.5f, 0}, 0);
    double mHat = -0.18 / 0.19;
    double vHat = 0.003996 / 0.001999;
    assertEquals(0.8, x[0], 1e-6);
    assertEquals(1.1 - 0.1 * mHat / Math.sqrt(vHat), x[1], 1e-6);
    assertEquals(1.1670058, x[1], 1e-6);
  }

  @Test
  void sparseGradientSumsRepeatedRowsAndClears() {
    SparseGradient g = new SparseGradient(5, 2);
    g.add(3, 1, new float[] {1, 2}, 0);
    g.add(1, 2, new float[] {0, 1, 1}, 1);
    g.add(3, -1, new float[] {0.5f, 0.5f}, 0);
    assertEquals(2, g.size());
    assertEquals(3, g.row(0));
    assertEquals(1, g.row(1));
    assertEquals(0.5f, g.values()[g.offset(3)]);
    assertEquals(1.5f, g.values()[g.offset(3) + 1]);
    assertEquals(2f, g.values()[g.offset(1)]);
    RowOptimizer sgd = OptimizerSpec.sgd(1).create(5, 2);
    float[] x = new float[10];
    g.apply(sgd, x);
    assertArrayEquals(new float[] {0, 0, -2, -2, 0, 0, -0.5f, -1.5f, 0, 0}, x);
    assertEquals(0, g.size());
    g.add(0, 1, new float[] {1, 1}, 0);
    assertEquals(1f, g.values()[g.offset(0)]);
    // Growing past the initial capacity keeps earlier rows.
    SparseGradient big = new SparseGradient(100, 3);
    for (int r = 0; r < 100; r++) {
      big.add(r, r, new float[] {1, 1, 1}, 0);
    }
    assertEquals(100, big.size());
    assertEquals(57f, big.values()[big.offset(57) + 2]);
  }

  @Test
  void badSettingsNameTheValue() {
    InputException e = assertThrows(InputException.class, () -> OptimizerSpec.sgd(0));
    assertTrue(e.getMessage().contains("learningRate=0.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> OptimizerSpec.momentum(0.1, 1));
    assertTrue(e.getMessage().contains("momentum=1.0"), e.getMessage());
    e =
        assertThrows(
            InputException.class,
            () -> new OptimizerSpec(OptimizerKind.ADAM, 0.1, 0.9, 0.9, 1.5, 1e-8));
    assertTrue(e.getMessage().contains("beta2=1.5"), e.getMessage());
    e = assertThrows(InputException.class, () -> OptimizerSpec.sgd(Double.NaN));
    assertTrue(e.getMessage().contains("learningRate=NaN"), e.getMessage());
  }
}
