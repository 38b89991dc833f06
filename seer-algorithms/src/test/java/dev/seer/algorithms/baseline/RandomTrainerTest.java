package dev.seer.algorithms.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.Interactions;
import dev.seer.api.Reason;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomTrainerTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new RandomTrainer();
  }

  @Test
  void scoresLieInTheUnitIntervalAndMatchScoreOf() {
    RandomModel m = new RandomTrainer().fit(Fixtures.tiny(), TrainingContext.ofSeed(5));
    float[] s = new float[5];
    for (int u = 0; u < 4; u++) {
      m.score(u, s);
      for (int i = 0; i < 5; i++) {
        assertTrue(s[i] >= 0 && s[i] < 1, "score " + s[i]);
        assertEquals(m.scoreOf(u, i), s[i]);
      }
    }
  }

  @Test
  void differentSeedsGiveDifferentScores() {
    Interactions d = Fixtures.random(20, 50, 5, 1);
    float[] a = new float[50];
    float[] b = new float[50];
    new RandomTrainer().fit(d, TrainingContext.ofSeed(1)).score(0, a);
    new RandomTrainer().fit(d, TrainingContext.ofSeed(2)).score(0, b);
    assertFalse(Arrays.equals(a, b));
  }

  @Test
  void usersGetDifferentScores() {
    RandomModel m =
        new RandomTrainer().fit(Fixtures.random(20, 50, 5, 1), TrainingContext.ofSeed(9));
    float[] a = new float[50];
    float[] b = new float[50];
    m.score(0, a);
    m.score(1, b);
    assertFalse(Arrays.equals(a, b));
  }

  @Test
  void scoresAreRoughlyUniform() {
    // 100 users x 1000 items = 100,000 draws; each tenth of [0, 1) should hold 10% +- 1%
    // (the binomial standard deviation is about 0.1%, so this cannot fail by chance).
    RandomModel m =
        new RandomTrainer().fit(Fixtures.random(100, 1000, 1, 3), TrainingContext.ofSeed(4));
    int[] bins = new int[10];
    float[] s = new float[1000];
    for (int u = 0; u < 100; u++) {
      m.score(u, s);
      for (float v : s) {
        bins[(int) (v * 10)]++;
      }
    }
    for (int b : bins) {
      assertEquals(10_000, b, 1_000);
    }
  }

  @Test
  void explanationIsTheRandomScore() {
    RandomModel m = new RandomTrainer().fit(Fixtures.tiny(), TrainingContext.ofSeed(5));
    List<Reason> r = m.explain(1, 2, 3);
    assertEquals(1, r.size());
    assertEquals("random", r.get(0).kind());
    assertEquals(m.scoreOf(1, 2), r.get(0).contribution(), 0.0);
  }
}
