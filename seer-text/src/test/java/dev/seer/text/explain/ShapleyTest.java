package dev.seer.text.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Shapley values: exact for linear scores, sampled otherwise, always adding up to the score. */
class ShapleyTest {
  /** Rounding tolerance of sums of a few doubles. */
  private static final double ROUNDING = 1e-12;

  private static final double[] W = {2.0, -1.0, 0.5, 3.0};
  private static final double[] X = {1.0, 4.0, -2.0, 0.5};
  private static final double[] B = {0.5, 0.0, 0.0, 1.0};
  private static final ToDoubleFunction<double[]> LINEAR =
      z -> 7 + W[0] * z[0] + W[1] * z[1] + W[2] * z[2] + W[3] * z[3];

  /** A score with an interaction and a square: not additive. */
  private static final ToDoubleFunction<double[]> NONLINEAR =
      z -> z[0] * z[1] + z[2] * z[2] + Math.max(0, z[3] + z[0]);

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  @Test
  void linearContributionsByHand() {
    // w_k (x_k - b_k) = 2*0.5, -1*4, 0.5*-2, 3*-0.5
    assertArrayEquals(new double[] {1.0, -4.0, -1.0, -1.5}, Shapley.linear(W, X, B), ROUNDING);
    assertArrayEquals(Shapley.linear(W, X, B), Shapley.exact(LINEAR, X, B), ROUNDING);
  }

  @Test
  void onAnAdditiveModelTheSampledValuesAreTheExactContributions() {
    double[] exact = Shapley.linear(W, X, B);
    for (int m : new int[] {1, 10, 100}) {
      // every marginal of an additive score is its own term, so any sample gives the exact values
      assertArrayEquals(exact, Shapley.sampled(LINEAR, X, B, m, 42), 1e-9, "m=" + m);
    }
  }

  @Test
  void sampledValuesConvergeAndAlwaysAddUpToScoreMinusBaseline() {
    double[] exact = Shapley.exact(NONLINEAR, X, B);
    double gap = NONLINEAR.applyAsDouble(X) - NONLINEAR.applyAsDouble(B);
    assertEquals(gap, sum(exact), ROUNDING, "efficiency of the exact values");
    for (int m : new int[] {10, 200, 5000}) {
      double[] s = Shapley.sampled(NONLINEAR, X, B, m, 7);
      assertEquals(gap, sum(s), 1e-9, "efficiency holds for every sample size, m=" + m);
      double err = 0;
      for (int k = 0; k < s.length; k++) {
        err = Math.max(err, Math.abs(s[k] - exact[k]));
      }
      if (m == 5000) {
        // a mean of 5000 marginals that each lie within a few units: the error is far below 0.1
        assertTrue(err < 0.1, "error " + err + " at m=5000");
      }
    }
    // the same seed gives the same values
    assertArrayEquals(
        Shapley.sampled(NONLINEAR, X, B, 50, 3), Shapley.sampled(NONLINEAR, X, B, 50, 3), 0);
  }

  @Test
  void exactValuesOfAnInteractionByHand() {
    // f = z0 * z1 from (0,0) to (2,3): the interaction 6 is split equally
    double[] phi = Shapley.exact(z -> z[0] * z[1], new double[] {2, 3}, new double[] {0, 0});
    assertArrayEquals(new double[] {3, 3}, phi, ROUNDING);
    assertThrows(
        IllegalArgumentException.class, () -> Shapley.sampled(LINEAR, X, new double[3], 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Shapley.sampled(LINEAR, X, B, 0, 1));
  }
}
