package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class NeuralEngineTest {
  @Test
  void startsOfflineAndMultipliesMatrices() {
    assertEquals("true", System.getProperty("ai.djl.offline"));
    try (NDManager m = NeuralEngine.newManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      NDArray b = m.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
      // [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50]
      assertArrayEquals(new float[] {19, 22, 43, 50}, a.matMul(b).toFloatArray(), 0f);
    }
    // The libtorch version of the active Maven profile (2.7.1 on CPU, 2.5.1 with -Pcuda).
    assertEquals(System.getProperty("seer.test.pytorchVersion", "2.7.1"), NeuralEngine.version());
    System.out.println(
        "PyTorch "
            + NeuralEngine.version()
            + ", default device "
            + NeuralEngine.get().defaultDevice());
  }
}
