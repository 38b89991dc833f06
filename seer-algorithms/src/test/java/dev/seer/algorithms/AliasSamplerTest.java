package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasSamplerTest {
  @Test
  void drawsInProportionToTheWeights() {
    double[] w = {1, 3, 0, 6};
    AliasSampler s = new AliasSampler(w);
    SplittableRandom rnd = new SplittableRandom(1);
    int n = 200_000;
    int[] count = new int[4];
    for (int k = 0; k < n; k++) {
      count[s.next(rnd)]++;
    }
    // Binomial standard deviation is at most sqrt(0.25 / n) ~ 0.0011; allow 5 of them.
    assertEquals(0.1, count[0] / (double) n, 0.0056);
    assertEquals(0.3, count[1] / (double) n, 0.0056);
    assertEquals(0, count[2]);
    assertEquals(0.6, count[3] / (double) n, 0.0056);
  }

  @Test
  void sameGeneratorGivesTheSameDraws() {
    AliasSampler s = new AliasSampler(new double[] {2, 1, 1, 5, 0.5});
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    for (int k = 0; k < 1000; k++) {
      assertEquals(s.next(a), s.next(b));
    }
  }

  @Test
  void badWeightsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AliasSampler(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new AliasSampler(new double[] {1, -1}));
    assertThrows(
        IllegalArgumentException.class, () -> new AliasSampler(new double[] {1, Double.NaN}));
  }
}
