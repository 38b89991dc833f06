package dev.seer.algorithms.bpr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.FoldIn;
import dev.seer.api.LatentFactors;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * BPR scores are exactly the dot products of its LatentFactors view (bias coordinate first), for
 * trained users, a user without rows and a folded-in list.
 */
class BprLatentFactorsTest {
  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  @Test
  void scoresAreDotProductsOfTheExposedVectors() {
    var data = Fixtures.withColdUser(Fixtures.random(30, 20, 5, 11));
    Recommender m =
        Algorithms.create("bpr", "factors=4,epochs=5").fit(data, TrainingContext.ofSeed(5));
    LatentFactors f = (LatentFactors) m;
    assertEquals(5, f.factors());
    float[] u = new float[5];
    float[] v = new float[5];
    float[] scores = new float[m.items().size()];
    for (int user : new int[] {0, 1, 2, data.numUsers() - 1}) {
      m.score(user, scores);
      f.userVector(user, u);
      assertEquals(1f, u[0]);
      for (int i = 0; i < scores.length; i++) {
        f.itemVector(i, v);
        assertEquals(scores[i], dot(u, v), 0f, "user " + user + ", item " + i);
      }
    }
    int[] list = {1, 2, 7};
    float[] folded = f.userVectorFromItems(list, null);
    ((FoldIn) m).scoreItems(list, null, scores);
    for (int i = 0; i < scores.length; i++) {
      f.itemVector(i, v);
      assertEquals(scores[i], dot(folded, v), 0f, "folded, item " + i);
    }
  }
}
