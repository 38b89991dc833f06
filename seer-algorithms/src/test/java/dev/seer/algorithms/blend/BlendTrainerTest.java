package dev.seer.algorithms.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.baseline.BiasedBaselineModel;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract plus the weight fit, the combination, option parsing and bad components. */
class BlendTrainerTest extends TrainerContract {
  private static BlendOptions small() {
    return BlendOptions.parse(
        Map.of("components", "svdpp(factors=2;epochs=5)+bias-baseline", "validation", "0.3"));
  }

  @Override
  protected Trainer<?> trainer() {
    return new BlendTrainer(small());
  }

  @Test
  void weightsRecoverAnExactLinearCombination() {
    // y = 0.5 + 2 x1 - x2 holds exactly, so with no ridge the fit returns these weights.
    double[][] x = {{1, 2, 3, 4, 5}, {2, 1, 0, 3, 1}};
    double[] y = new double[5];
    for (int k = 0; k < 5; k++) {
      y[k] = 0.5 + 2 * x[0][k] - x[1][k];
    }
    assertArrayEquals(new double[] {0.5, 2, -1}, BlendTrainer.fitWeights(x, y, 0), 1e-9);
    // Identical components make the system singular; their weight is split evenly.
    double[][] twice = {x[0], x[0]};
    double[] y2 = new double[5];
    for (int k = 0; k < 5; k++) {
      y2[k] = 1 + 3 * x[0][k];
    }
    double[] w = BlendTrainer.fitWeights(twice, y2, 0);
    assertEquals(1, w[0], 1e-6);
    assertEquals(1.5, w[1], 1e-6);
    assertEquals(1.5, w[2], 1e-6);
  }

  @Test
  void ridgeShrinksTheWeightsButNotTheIntercept() {
    // One component, x = (0, 1, 2, 3), y = 2 + x; minimising sum (y - a - b x)^2 + ridge n b^2
    // gives b = Sxy / (Sxx + ridge n) with centred sums Sxy = Sxx = 5, and a = mean(y) - b mean(x).
    double[][] x = {{0, 1, 2, 3}};
    double[] y = {2, 3, 4, 5};
    double[] w = BlendTrainer.fitWeights(x, y, 0.25);
    double b = 5 / (5 + 0.25 * 4);
    assertEquals(b, w[1], 1e-12);
    assertEquals(3.5 - b * 1.5, w[0], 1e-12);
  }

  @Test
  void predictionsAreTheClampedWeightedSumOfTheComponents() {
    Interactions d = Fixtures.random(40, 30, 8, 3);
    BlendModel m = new BlendTrainer(small()).fit(d, TrainingContext.ofSeed(4));
    List<Recommender> comps = m.components();
    assertEquals(2, comps.size());
    assertTrue(comps.get(1) instanceof BiasedBaselineModel);
    double[] w = m.weights();
    float[] s = new float[d.numItems()];
    m.score(5, s);
    for (int i = 0; i < d.numItems(); i++) {
      double expected = w[0];
      for (int c = 0; c < comps.size(); c++) {
        expected += w[c + 1] * ((RatingPredictor) comps.get(c)).predict(5, i);
      }
      assertEquals(expected, m.estimate(5, i), 1e-12);
      assertEquals((float) expected, s[i], 0f);
      assertEquals((float) Math.min(5, Math.max(1, expected)), m.predict(5, i), 0f);
    }
    // Components train with seeds seed + index on all training rows.
    assertEquals(4, comps.get(0).card().seed());
    assertEquals(5, comps.get(1).card().seed());
    assertEquals(d.fingerprint(), comps.get(0).card().dataFingerprint());
  }

  @Test
  void componentTextIsParsedAndWrittenBack() {
    List<BlendOptions.Component> c =
        BlendOptions.parseComponents("svdpp(factors=3;epochs=2) + bias-baseline+svdpp");
    assertEquals(3, c.size());
    assertEquals(
        new BlendOptions.Component("svdpp", Map.of("factors", "3", "epochs", "2")), c.get(0));
    assertEquals("bias-baseline", c.get(1).algorithm());
    BlendOptions o = new BlendOptions(c, 0.2, 0);
    assertEquals("svdpp(epochs=2;factors=3)+bias-baseline+svdpp", o.asMap().get("components"));
    assertEquals(o, BlendOptions.parse(o.asMap()));
  }

  @Test
  void badComponentsAreRejectedWithTheText() {
    for (String bad : new String[] {"svdpp(", "svdpp)+x", "+svdpp", "svdpp((a=1))", "(a=1)"}) {
      InputException e =
          assertThrows(InputException.class, () -> BlendOptions.parseComponents(bad), bad);
      assertTrue(e.getMessage().contains("components=" + bad), e.getMessage());
    }
    InputException e =
        assertThrows(
            InputException.class,
            () -> BlendOptions.parse(Map.of("components", "svdpp(factors=0)")));
    assertTrue(e.getMessage().contains("factors=0"), e.getMessage());
    e = assertThrows(InputException.class, () -> BlendOptions.parse(Map.of("components", "blend")));
    assertTrue(e.getMessage().contains("cannot contain a blend"), e.getMessage());
    e = assertThrows(InputException.class, () -> BlendOptions.parse(Map.of("components", "svd")));
    assertTrue(e.getMessage().contains("'svd'"), e.getMessage());
    e = assertThrows(InputException.class, () -> BlendOptions.parse(Map.of("validation", "1")));
    assertTrue(e.getMessage().contains("validation=1.0"), e.getMessage());
    BlendTrainer ranking =
        new BlendTrainer(BlendOptions.parse(Map.of("components", "popularity+bias-baseline")));
    e =
        assertThrows(
            InputException.class,
            () -> ranking.fit(Fixtures.random(20, 10, 4, 1), TrainingContext.ofSeed(1)));
    assertTrue(e.getMessage().contains("'popularity' does not predict ratings"), e.getMessage());
  }
}
