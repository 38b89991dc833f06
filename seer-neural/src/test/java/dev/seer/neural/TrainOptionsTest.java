package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainOptionsTest {
  private static TrainOptions schedule(Schedule s) {
    return new TrainOptions(10, 8, 0.1, OptimizerKind.SGD, s, 3, 0.5, 0, false, 1, 1, "");
  }

  @Test
  void schedulesGiveTheHandComputedRates() {
    assertEquals(0.1, schedule(Schedule.CONSTANT).rate(7), 1e-12);
    // step: 0.1 * 0.5^(epoch / 3)
    assertEquals(0.1, schedule(Schedule.STEP).rate(2), 1e-12);
    assertEquals(0.05, schedule(Schedule.STEP).rate(3), 1e-12);
    assertEquals(0.025, schedule(Schedule.STEP).rate(8), 1e-12);
    // cosine over 10 epochs: 0.1 * (1 + cos(pi * 5 / 10)) / 2 = 0.05
    assertEquals(0.1, schedule(Schedule.COSINE).rate(0), 1e-12);
    assertEquals(0.05, schedule(Schedule.COSINE).rate(5), 1e-12);
  }

  @Test
  void gbceExponentMatchesThePaper() {
    // alpha = 256 / (1001 - 1) = 0.256; beta = alpha (t (1 - 1/alpha) + 1/alpha)
    SasRec t75 = new SasRec(1, 1001, new SasRecOptions(8, 1, 1, 4, 0, Loss.GBCE, 256, 0.75));
    assertEquals(0.256 * (0.75 * (1 - 1 / 0.256) + 1 / 0.256), t75.gbceBeta(), 1e-12);
    assertEquals(0.44200, t75.gbceBeta(), 1e-5);
    SasRec t0 = new SasRec(1, 1001, new SasRecOptions(8, 1, 1, 4, 0, Loss.GBCE, 256, 0.0));
    assertEquals(1.0, t0.gbceBeta(), 1e-12, "t = 0 is plain BCE");
  }

  @Test
  void textOptionsRoundTripAndBadValuesNameThemselves() {
    TrainOptions d = TrainOptions.defaults();
    assertEquals(d, TrainOptions.parse(d.asMap()));
    InputException e =
        assertThrows(
            InputException.class, () -> TrainOptions.parse(Map.of("optimizer", "rmsprop")));
    assertTrue(e.getMessage().contains("optimizer='rmsprop'"), e.getMessage());
    e = assertThrows(InputException.class, () -> TrainOptions.parse(Map.of("epochs", "0")));
    assertTrue(e.getMessage().contains("epochs=0"), e.getMessage());
    for (String name : NeuralAlgorithms.names()) {
      NeuralTrainer t = NeuralTrainer.create(name, Map.of());
      assertEquals(name, t.algorithm());
      assertEquals(t.asMap(), NeuralTrainer.create(name, t.asMap()).asMap(), name);
    }
  }
}
