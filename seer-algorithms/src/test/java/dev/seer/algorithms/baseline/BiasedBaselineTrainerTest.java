package dev.seer.algorithms.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BiasedBaselineTrainerTest extends TrainerContract {
  private static final double EPS = 1e-9;

  @Override
  protected Trainer<?> trainer() {
    return new BiasedBaselineTrainer();
  }

  /** Users A, B; items X, Y; A rates X 5 and Y 3, B rates X 4. */
  private static Interactions twoByTwo() {
    return new Interactions.Builder()
        .add("A", "X", 5, Interactions.NO_TIME)
        .add("A", "Y", 3, Interactions.NO_TIME)
        .add("B", "X", 4, Interactions.NO_TIME)
        .build();
  }

  @Test
  void onePassMatchesHandComputedBiases() {
    BiasedBaselineModel m =
        new BiasedBaselineTrainer(new BiasedBaselineOptions(1, 1, 1))
            .fit(twoByTwo(), TrainingContext.ofSeed(1));
    // mu = 12 / 3 = 4.
    // Items first, with user biases 0: bX = ((5-4) + (4-4)) / (1 + 2) = 1/3; bY = (3-4) / (1+1).
    // Then users: bA = ((5-4-1/3) + (3-4+1/2)) / (1 + 2) = 1/18; bB = (4-4-1/3) / (1 + 1) = -1/6.
    assertEquals(4.0, m.mean(), EPS);
    assertEquals(1.0 / 3, m.itemBias(0), EPS);
    assertEquals(-0.5, m.itemBias(1), EPS);
    assertEquals(1.0 / 18, m.userBias(0), EPS);
    assertEquals(-1.0 / 6, m.userBias(1), EPS);
    // B's prediction for Y: 4 - 1/6 - 1/2 = 10/3 (float precision).
    assertEquals(10.0 / 3, m.predict(1, 1), 1e-6);
    float[] s = new float[2];
    m.score(1, s);
    assertEquals(m.predict(1, 0), s[0], 0f);
    assertEquals(m.predict(1, 1), s[1], 0f);
  }

  @Test
  void manyPassesReachTheJointOptimum() {
    // At convergence every bias solves its own equation given the others.
    Interactions d = Fixtures.random(30, 20, 6, 5);
    BiasedBaselineOptions o = new BiasedBaselineOptions(2, 3, 300);
    BiasedBaselineModel m = new BiasedBaselineTrainer(o).fit(d, TrainingContext.ofSeed(1));
    SparseMatrix byItem = d.byItem();
    for (int i = 0; i < d.numItems(); i++) {
      double s = 0;
      for (int k = byItem.rowStart(i); k < byItem.rowEnd(i); k++) {
        s += byItem.values()[k] - m.mean() - m.userBias(byItem.indices()[k]);
      }
      int n = byItem.rowNnz(i);
      double expected = n == 0 ? 0 : s / (o.lambdaItem() + n);
      assertEquals(expected, m.itemBias(i), 1e-6, "item " + i);
    }
    SparseMatrix byUser = d.byUser();
    for (int u = 0; u < d.numUsers(); u++) {
      double s = 0;
      for (int k = byUser.rowStart(u); k < byUser.rowEnd(u); k++) {
        s += byUser.values()[k] - m.mean() - m.itemBias(byUser.indices()[k]);
      }
      assertEquals(s / (o.lambdaUser() + byUser.rowNnz(u)), m.userBias(u), 1e-6, "user " + u);
    }
  }

  @Test
  void implicitDataIsRejected() {
    Interactions implicit = new Interactions.Builder().add("a", "x").build();
    InputException e =
        assertThrows(
            InputException.class,
            () -> new BiasedBaselineTrainer().fit(implicit, TrainingContext.ofSeed(1)));
    assertTrue(e.getMessage().contains("explicit ratings"), e.getMessage());
  }

  @Test
  void badOptionsAreRejectedWithTheValue() {
    InputException e =
        assertThrows(InputException.class, () -> new BiasedBaselineOptions(-1, 1, 1));
    assertTrue(e.getMessage().contains("lambdaUser=-1"), e.getMessage());
    e = assertThrows(InputException.class, () -> new BiasedBaselineOptions(1, 1, 0));
    assertTrue(e.getMessage().contains("iterations=0"), e.getMessage());
    assertEquals(
        new BiasedBaselineOptions(5, 10, 20),
        BiasedBaselineOptions.parse(Map.of("lambdaUser", "5", "iterations", "20")));
  }
}
