package dev.seer.algorithms.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Sampled Shapley values: exact on a linear game, close to enumeration otherwise, efficient. */
class SumShapleyTest {
  @Test
  void linearGameIsExactWithAnyNumberOfPermutations() {
    // g(s) = 2 s + 1: every marginal change of player k is 2 x_k, so phi = (2, -6, 1, 0).
    double[] x = {1, -3, 0.5, 0};
    DoubleUnaryOperator g = s -> 2 * s + 1;
    double[] want = {2, -6, 1, 0};
    for (int p : new int[] {1, 3, 50}) {
      assertArrayEquals(want, SumShapley.sampled(x, g, g.applyAsDouble(-1.5), p, 7), 1e-12);
    }
    assertArrayEquals(want, SumShapley.exact(x, g), 1e-12);
  }

  @Test
  void stepGameByHandAndByEnumeration() {
    // g(s) = 1 when s >= 2, else 0; players 1, 1, 2. Coalitions worth 1: {3}, {1,2}, {1,3},
    // {2,3}, {1,2,3}. Player 3 is pivotal in 4 of the 6 orders, players 1 and 2 in 1 each:
    // phi = (1/6, 1/6, 2/3).
    double[] x = {1, 1, 2};
    DoubleUnaryOperator g = s -> s >= 2 ? 1 : 0;
    assertArrayEquals(new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3}, SumShapley.exact(x, g), 1e-12);
    double[] phi = SumShapley.sampled(x, g, 1, 20_000, 3);
    assertArrayEquals(new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3}, phi, 0.01); // 3 sd of 0.0033
    assertEquals(1, phi[0] + phi[1] + phi[2], 1e-12, "efficiency: g(all) - g(0)");
  }

  @Test
  void sampledValuesAlwaysAddUpAndDependOnlyOnTheSeed() {
    double[] x = {0.3, -1.2, 2.5, 0.7, -0.1, 1.9};
    DoubleUnaryOperator g = s -> Math.floor(3 * s) / (1 + Math.abs(s));
    double full = g.applyAsDouble(4.1);
    for (int p = 1; p <= 5; p++) {
      double[] phi = SumShapley.sampled(x, g, full, p, 11);
      double sum = 0;
      for (double v : phi) {
        sum += v;
      }
      assertEquals(full - g.applyAsDouble(0), sum, 1e-12, p + " permutations");
      assertArrayEquals(phi, SumShapley.sampled(x, g, full, p, 11), 0);
    }
    assertThrows(IllegalArgumentException.class, () -> SumShapley.sampled(x, g, full, 0, 1));
  }
}
