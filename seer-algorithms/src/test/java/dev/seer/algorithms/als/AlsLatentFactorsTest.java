package dev.seer.algorithms.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.LatentFactors;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALS scores are exactly the dot products its LatentFactors view exposes. */
class AlsLatentFactorsTest {
  @Test
  void scoresAreDotProductsOfTheExposedVectors() {
    var data = Fixtures.random(30, 20, 5, 11);
    Recommender m =
        Algorithms.create("als", Map.of("factors", "4", "iterations", "3"))
            .fit(data, TrainingContext.ofSeed(5));
    LatentFactors f = (LatentFactors) m;
    float[] u = new float[f.factors()];
    float[] v = new float[f.factors()];
    float[] scores = new float[m.items().size()];
    for (int user = 0; user < 3; user++) {
      m.score(user, scores);
      f.userVector(user, u);
      for (int i = 0; i < scores.length; i++) {
        f.itemVector(i, v);
        float dot = 0;
        for (int a = 0; a < u.length; a++) {
          dot += u[a] * v[a];
        }
        assertEquals(scores[i], dot, 1e-5f);
      }
    }
    float[] folded = f.userVectorFromItems(new int[] {1, 2}, new float[] {1, 1});
    float[] viaFoldIn = new float[m.items().size()];
    ((dev.seer.api.FoldIn) m).scoreItems(new int[] {1, 2}, new float[] {1, 1}, viaFoldIn);
    f.itemVector(0, v);
    float dot = 0;
    for (int a = 0; a < folded.length; a++) {
      dot += folded[a] * v[a];
    }
    assertEquals(viaFoldIn[0], dot, 1e-5f);
    assertArrayEquals(folded, f.userVectorFromItems(new int[] {1, 2}, new float[] {1, 1}));
  }
}
