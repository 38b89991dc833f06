package dev.seer.algorithms.ease;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Reason;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract for EASE plus a case inverted by hand. Users u1 {i1, i2} and u2 {i2, i3} give
 *
 * <pre>
 *   XᵀX + I = | 2 1 0 |      P = (XᵀX + I)⁻¹ = 1/8 |  5 -2  1 |
 *             | 1 3 1 |                            | -2  4 -2 |
 *             | 0 1 2 |                            |  1 -2  5 |
 * </pre>
 *
 * (determinant 8), so {@code B_ij = -P_ij / P_jj} is {@code [[0, .5, -.2], [.4, 0, .4], [-.2, .5,
 * 0]]}.
 */
class EaseTrainerTest extends TrainerContract {
  /** Float storage of B: values near 1 keep about 7 digits. */
  private static final float TOL = 1e-6f;

  private static final float[][] HAND_B = {{0, .5f, -.2f}, {.4f, 0, .4f}, {-.2f, .5f, 0}};

  @Override
  protected Trainer<?> trainer() {
    return new EaseTrainer(new EaseOptions(5));
  }

  private static Interactions handCase() {
    return new Interactions.Builder()
        .add("u1", "i1")
        .add("u1", "i2")
        .add("u2", "i2")
        .add("u2", "i3")
        .build();
  }

  private static EaseModel fit(EaseTrainer t, Interactions d) {
    return t.fit(d, new TrainingContext(1, Map.of(), ProgressListener.NONE, 2));
  }

  @Test
  void weightsMatchTheHandInverse() {
    EaseModel m = fit(new EaseTrainer(new EaseOptions(1)), handCase());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(HAND_B[i][j], m.weight(i, j), TOL, "B(i" + (i + 1) + ", i" + (j + 1) + ")");
      }
    }
    float[] s = new float[3];
    m.score(0, s); // u1: rows i1 + i2
    assertArrayEquals(new float[] {.4f, .5f, .2f}, s, TOL);
    m.score(1, s); // u2: rows i2 + i3
    assertArrayEquals(new float[] {.2f, .5f, .4f}, s, TOL);
  }

  @Test
  void pureJavaAndNativeAgree() {
    Interactions d = Fixtures.random(80, 50, 10, 12);
    EaseModel best = fit(new EaseTrainer(new EaseOptions(3), LinearAlgebra.best()), d);
    EaseModel java = fit(new EaseTrainer(new EaseOptions(3), LinearAlgebra.pureJava()), d);
    assertArrayEquals(java.weights(), best.weights(), 1e-6f);
    EaseModel hand = fit(new EaseTrainer(new EaseOptions(1), LinearAlgebra.pureJava()), handCase());
    assertEquals(.5f, hand.weight(0, 1), TOL);
  }

  @Test
  void blockedGramEqualsTheDirectProduct() {
    Interactions d = Fixtures.random(37, 11, 4, 3);
    SparseMatrix x = d.byUser();
    int n = d.numItems();
    for (int block : new int[] {1, 11 * 5, 11 * 1000}) {
      double[] g = EaseTrainer.gram(x, n, LinearAlgebra.best(), ProgressListener.NONE, block);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          int shared = 0;
          for (int u = 0; u < x.rows(); u++) {
            shared += x.contains(u, i) && x.contains(u, j) ? 1 : 0;
          }
          assertEquals(shared, g[i + j * n], 0.0, "block " + block + ", (" + i + ", " + j + ")");
        }
      }
    }
  }

  @Test
  void foldInIsTheSumOfWeightRows() {
    EaseModel m = fit(new EaseTrainer(new EaseOptions(1)), handCase());
    float[] s = new float[3];
    m.scoreItems(new int[] {2, 0, 2}, new float[] {9, 9, 9}, s); // binary: i1 and i3 once each
    assertArrayEquals(new float[] {-.2f, 1f, -.2f}, s, TOL);
    InputException e =
        assertThrows(InputException.class, () -> m.scoreItems(new int[] {3}, null, s));
    assertTrue(e.getMessage().contains("index 3"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> m.scoreItems(new int[] {1}, new float[] {1, 2}, s));
    assertTrue(e.getMessage().contains("one value per item"), e.getMessage());
  }

  @Test
  void explanationsAreThePositiveWeightsOfTheUsersItems() {
    EaseModel m = fit(new EaseTrainer(new EaseOptions(1)), handCase());
    // u1 has i1 and i2; for i3: B(i2, i3) = .4 and B(i1, i3) = -.2, so only i2 is a reason.
    List<Reason> r = m.explain(0, 2, 5);
    assertEquals(1, r.size());
    assertEquals(1, r.get(0).item());
    assertEquals(.4, r.get(0).contribution(), TOL);
  }

  @Test
  void similarItemsAreTheWeightRow() {
    EaseModel m = fit(new EaseTrainer(new EaseOptions(1)), handCase());
    float[] s = new float[3];
    m.similarTo(1, s);
    assertArrayEquals(new float[] {.4f, Float.NEGATIVE_INFINITY, .4f}, s, TOL);
  }

  @Test
  void tooLargeCataloguesAreRejectedBeforeAnyWork() {
    InputException e =
        assertThrows(InputException.class, () -> EaseTrainer.requireFits(40_000, 1L << 40));
    assertTrue(e.getMessage().contains("40000"), e.getMessage());
    assertTrue(e.getMessage().contains("rp3beta"), e.getMessage());
    e = assertThrows(InputException.class, () -> EaseTrainer.requireFits(10_000, 512L << 20));
    assertTrue(e.getMessage().contains("SEER_JAVA_OPTS=-Xmx2g"), e.getMessage());
    EaseTrainer.requireFits(3706, 2L << 30); // ML-1M fits into 2 GB
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      ids.add("i" + i);
    }
    Interactions wide =
        new Interactions(
            IdIndex.of(List.of("u")), IdIndex.of(ids), new int[] {0}, new int[] {0}, null, null);
    assertThrows(InputException.class, () -> fit(new EaseTrainer(), wide));
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e = assertThrows(InputException.class, () -> new EaseOptions(-1));
    assertTrue(e.getMessage().contains("regularization=-1.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> EaseOptions.parse(Map.of("lambda", "3")));
    assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    assertEquals(new EaseOptions(300), EaseOptions.parse(Map.of("regularization", "300")));
  }
}
