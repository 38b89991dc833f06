package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarsTest {
  /**
   * Between the forward and the backward pass the garbage collector runs and the freed memory is
   * reused; the gradient must still be the constant. With DJL's {@code x.mul(3f)} this test fails
   * (the backward pass reads the recycled buffer).
   */
  @Test
  void theConstantSurvivesGarbageCollectionBeforeBackward() {
    float[] expectTimes = {3f, 3f, 3f};
    float[] expectOver = {0.25f, 0.25f, 0.25f};
    for (int round = 0; round < 5; round++) {
      try (NDManager m = NeuralEngine.newManager()) {
        NDArray x = m.create(new float[] {1f, 2f, 3f});
        x.setRequiresGradient(true);
        NDArray y = m.create(new float[] {1f, 2f, 3f});
        y.setRequiresGradient(true);
        try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
          NDArray loss = Scalars.times(x, 3f).sum().add(Scalars.over(y, 4f).sum());
          churn();
          gc.backward(loss);
        }
        assertArrayEquals(expectTimes, x.getGradient().toFloatArray(), 0f, "round " + round);
        assertArrayEquals(expectOver, y.getGradient().toFloatArray(), 0f, "round " + round);
      }
    }
  }

  /** Frees unreachable direct buffers and fills reused memory with a recognisable value. */
  private static void churn() {
    for (int r = 0; r < 3; r++) {
      System.gc();
      List<ByteBuffer> keep = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        b.putFloat(0, 1e30f);
        keep.add(b);
      }
      keep.clear();
    }
  }
}
