package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeuMfFoldInTest {
  /** The hand-written back-propagation of the fold-in loss against central differences. */
  private static void gradientMatchesFiniteDifferences(String layers) {
    NeuMf net = new NeuMf(4, 12, new NeuMfOptions(3, layers, 2));
    SplittableRandom rng = new SplittableRandom(9);
    float[][] init = new float[net.specs().size()][];
    for (int i = 0; i < init.length; i++) {
      init[i] = net.specs().get(i).initial(rng);
      for (int j = 0; j < init[i].length; j++) {
        init[i][j] += (float) (rng.nextDouble() - 0.5); // away from zero, so ReLUs are active
      }
    }
    try (NDManager m = NeuralEngine.newManager()) {
      NeuMf.Frozen fz = net.new Frozen(Params.create(m, net.specs(), init, false));
      int half = NeuMfOptions.sizes(layers)[0] / 2;
      double[] g = new double[3];
      double[] h = new double[half];
      for (int d = 0; d < g.length; d++) {
        g[d] = rng.nextDouble() - 0.5;
      }
      for (int d = 0; d < h.length; d++) {
        h[d] = rng.nextDouble() - 0.5;
      }
      int[] items = {0, 5, 7, 11, 3, 2};
      float[] labels = {1, 0, 0, 1, 0, 0};
      double[] dg = new double[g.length];
      double[] dh = new double[h.length];
      net.foldInLoss(fz, g, h, items, labels, dg, dh);
      double eps = 1e-6;
      double[] sg = new double[g.length];
      double[] sh = new double[h.length];
      for (int d = 0; d < g.length + h.length; d++) {
        double[] x = d < g.length ? g : h;
        int j = d < g.length ? d : d - g.length;
        double keep = x[j];
        x[j] = keep + eps;
        double up = net.foldInLoss(fz, g, h, items, labels, sg, sh);
        x[j] = keep - eps;
        double down = net.foldInLoss(fz, g, h, items, labels, sg, sh);
        x[j] = keep;
        double numeric = (up - down) / (2 * eps);
        double analytic = d < g.length ? dg[j] : dh[j];
        // float parameters, double arithmetic: central differences agree to about 1e-9
        assertEquals(numeric, analytic, 1e-6, layers + ", coordinate " + d);
      }
    }
  }

  @Test
  void gradientOfTheFoldInLossIsExactWithHiddenLayers() {
    gradientMatchesFiniteDifferences("8/6/4");
  }

  @Test
  void gradientOfTheFoldInLossIsExactWithoutHiddenLayers() {
    gradientMatchesFiniteDifferences("8");
  }
}
