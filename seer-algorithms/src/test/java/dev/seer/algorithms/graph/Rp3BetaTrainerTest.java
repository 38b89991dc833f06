package dev.seer.algorithms.graph;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract for RP3beta plus walk probabilities computed by hand on {@link Fixtures#tiny()}.
 * Degrees: users u1 3, u2 3, u3 3, u4 2; items i1 3, i2..i5 2. From i1 (users u1, u2, u4, each
 * taken with probability 1/3) the walk reaches i2 via u1 (1/3 * 1/3), i3 via u1 and u2 (2/9), i4
 * via u2 (1/9), i5 via u4 (1/3 * 1/2) and returns to i1 with 1/3 (1/3 + 1/3 + 1/2) = 7/18; the six
 * add up to 1.
 */
class Rp3BetaTrainerTest extends TrainerContract {
  private static final float TOL = 1e-6f;

  @Override
  protected Trainer<?> trainer() {
    return new Rp3BetaTrainer(new Rp3BetaOptions(0.8, 0.3, 5, 0));
  }

  private static Rp3BetaModel fit(Rp3BetaOptions o, Interactions d) {
    return new Rp3BetaTrainer(o).fit(d, new TrainingContext(1, Map.of(), ProgressListener.NONE, 2));
  }

  @Test
  void plainWalkProbabilitiesMatchHandValues() {
    Rp3BetaModel m = fit(new Rp3BetaOptions(1, 0, 100, 0), Fixtures.tiny());
    assertEquals(0, m.weight(0, 0), 0f, "the return to the item is dropped");
    assertEquals(1.0 / 9, m.weight(0, 1), TOL);
    assertEquals(2.0 / 9, m.weight(0, 2), TOL);
    assertEquals(1.0 / 9, m.weight(0, 3), TOL);
    assertEquals(1.0 / 6, m.weight(0, 4), TOL);
    double row = 0;
    for (int j = 1; j < 5; j++) {
      row += m.weight(0, j);
    }
    assertEquals(1.0, row + 7.0 / 18, TOL, "probabilities from i1, with the return, sum to 1");
    // From i3 (users u1, u2, each 1/2): i1 via both (1/2 (1/3 + 1/3)), i2 via u1, i4 via u2.
    assertEquals(1.0 / 3, m.weight(2, 0), TOL);
    assertEquals(1.0 / 6, m.weight(2, 1), TOL);
    assertEquals(0, m.weight(2, 4), 0f, "no walk of length 2 from i3 reaches i5");
  }

  @Test
  void alphaAndBetaReshapeTheWeights() {
    // alpha = 2 squares every step: i1 -> u4 -> i5 is (1/3)^2 (1/2)^2 = 1/36; beta = 0.5 divides
    // by sqrt(deg(i5)) = sqrt(2).
    Rp3BetaModel m = fit(new Rp3BetaOptions(2, 0.5, 100, 0), Fixtures.tiny());
    assertEquals(1.0 / 36 / Math.sqrt(2), m.weight(0, 4), TOL);
    // i3 -> i1: (1/2)^2 ((1/3)^2 + (1/3)^2) / sqrt(3).
    assertEquals(0.25 * (2.0 / 9) / Math.sqrt(3), m.weight(2, 0), TOL);
  }

  @Test
  void scoresAreThreeStepWalksFromTheUser() {
    Rp3BetaModel m = fit(new Rp3BetaOptions(1, 0, 100, 0), Fixtures.tiny());
    // u4 has i1 and i5, each chosen with 1/2. From i5 (users u3 1/2, u4 1/2): i2 and i4 via u3
    // (1/2 * 1/3 each), i1 via u4 (1/2 * 1/2). So score(u4, i2) = 1/2 (1/9 + 1/6) = 5/36.
    float[] s = new float[5];
    m.score(3, s);
    assertEquals(5.0 / 36, s[1], TOL);
    assertEquals(0.5 * (2.0 / 9), s[2], TOL); // only via i1
    List<Reason> r = m.explain(3, 1, 5);
    assertEquals(List.of(Reason.ofItem(4, 0.5f * (1f / 6)), Reason.ofItem(0, 0.5f * (1f / 9))), r);
    assertEquals(s[1], r.get(0).contribution() + r.get(1).contribution(), TOL);
  }

  @Test
  void eachItemKeepsItsStrongestIncomingWalksWithTiesToTheLowerIndex() {
    // Walks arriving at i1: from i3 1/3 (via u1 and u2, 1/2 * 1/3 each), from i5 1/4 (via u4),
    // from i2 and i4 1/6 each (via u1 and u2).
    Rp3BetaModel m = fit(new Rp3BetaOptions(1, 0, 2, 0), Fixtures.tiny());
    assertArrayEquals(new int[] {2, 4}, m.incoming().row(0));
    assertEquals(0.25, m.weight(4, 0), TOL);
    assertEquals(0, m.weight(1, 0), 0f);
    // Pruning is per arriving item: into i2, i3, i4 and i5 send 1/6 each and i1 only 1/9, so
    // W(i1, i2) is dropped; into i3, i1 sends the most (2/9), so W(i1, i3) is kept.
    assertEquals(0, m.weight(0, 1), 0f);
    assertEquals(2.0 / 9, m.weight(0, 2), TOL);
    m = fit(new Rp3BetaOptions(1, 0, 3, 0), Fixtures.tiny());
    assertArrayEquals(new int[] {1, 2, 4}, m.incoming().row(0));
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Interactions d = Fixtures.random(300, 400, 20, 99);
    Rp3BetaOptions o = new Rp3BetaOptions(0.7, 0.4, 15, 0);
    Rp3BetaModel one = fit(o.withThreads(1), d);
    Rp3BetaModel three = fit(o.withThreads(3), d);
    assertArrayEquals(one.incoming().indptr(), three.incoming().indptr());
    assertArrayEquals(one.incoming().indices(), three.incoming().indices());
    assertArrayEquals(one.incoming().values(), three.incoming().values(), 0f);
    for (int i = 0; i < d.numItems(); i++) {
      assertTrue(one.incoming().rowNnz(i) <= 15);
    }
  }

  @Test
  void foldInAndSimilarItems() {
    Rp3BetaModel m = fit(new Rp3BetaOptions(1, 0, 100, 0), Fixtures.tiny());
    float[] s = new float[5];
    m.scoreItems(new int[] {2, 2}, null, s); // only i3, once: the walk's probabilities from i3
    assertArrayEquals(new float[] {1f / 3, 1f / 6, 0, 1f / 6, 0}, s, TOL);
    m.similarTo(2, s);
    assertArrayEquals(new float[] {1f / 3, 1f / 6, Float.NEGATIVE_INFINITY, 1f / 6, 0}, s, TOL);
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {-1}, null, new float[5]));
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e =
        assertThrows(InputException.class, () -> Rp3BetaOptions.defaults().withBeta(-0.5));
    assertTrue(e.getMessage().contains("beta=-0.5"), e.getMessage());
    e = assertThrows(InputException.class, () -> Rp3BetaOptions.defaults().withNeighbours(0));
    assertTrue(e.getMessage().contains("neighbours=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> Rp3BetaOptions.parse(Map.of("alpha", "x")));
    assertTrue(e.getMessage().contains("alpha=x"), e.getMessage());
    assertEquals(Rp3BetaOptions.defaults(), Rp3BetaOptions.parse(Map.of()));
  }
}
