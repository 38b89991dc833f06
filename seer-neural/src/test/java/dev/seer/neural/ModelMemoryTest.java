package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.Interactions;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A model that nobody references any more gives its native memory back: a server that retrains and
 * swaps neural models every hour must not grow. 40 copies of a small SASRec are made and dropped;
 * afterwards the JVM's direct-buffer memory (where the parameter tensors live) must be back near
 * where it started.
 */
class ModelMemoryTest {
  private static long direct() {
    for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (b.getName().equals("direct")) {
        return b.getMemoryUsed();
      }
    }
    return 0;
  }

  @Test
  void droppedModelsReleaseTheirParameters() throws Exception {
    Interactions data = NextItemTesting.successors();
    NeuralTrainer tr =
        new NeuralTrainer(
            new SasRecOptions(64, 1, 1, 8, 0.2, Loss.BCE, 1, 0.75),
            new TrainOptions(
                1, 16, 1e-2, OptimizerKind.ADAM, Schedule.CONSTANT, 10, 0.5, 0, false, 5, 4, ""));
    NeuralModel m = tr.fit(data, NextItemTesting.oneThread(1));
    long size = 0;
    for (float[] v : m.values()) {
      size += 4L * v.length;
    }
    System.gc();
    Thread.sleep(200);
    long before = direct();
    for (int k = 0; k < 40; k++) {
      NeuralModel copy =
          new NeuralModel(m.card(), m.users(), m.items(), m.network(), m.values(), m.histories());
      float[] out = new float[m.items().size()];
      copy.scoreItems(new int[] {1, 2}, null, out);
    }
    long peak = direct();
    for (int k = 0; k < 20 && direct() > before + 4 * size; k++) {
      System.gc();
      Thread.sleep(100);
    }
    long after = direct();
    System.out.printf(
        "parameters %d bytes per model; direct memory before %d, after 40 models %d, after GC %d%n",
        size, before, peak, after);
    assertTrue(after < before + 4 * size, "direct memory grew by " + (after - before));
  }
}
