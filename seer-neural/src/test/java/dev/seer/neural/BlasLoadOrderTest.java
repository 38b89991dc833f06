package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.Interactions;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same model whether or not native BLAS was loaded into the process before
 * PyTorch: two fresh JVMs train SASRec for one epoch on MovieLens 100K, one after loading Seer's
 * native BLAS itself, one without; their parameters must be bit-identical. Before {@link
 * NeuralEngine} loaded the BLAS first, the second JVM's PyTorch kept its own MKL routines and the
 * parameters differed after one epoch (where OpenBLAS is installed, as on CI).
 */
class BlasLoadOrderTest {
  /**
   * Trains one epoch and prints a hash of the parameters.
   *
   * @param args {@code blas-first} to load native BLAS before anything else
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("blas-first")) {
      LinearAlgebra.best();
    }
    Interactions all =
        DatasetReaders.read(SharedData.movieLens100k(), "ml-100k", null, null)
            .dataset()
            .interactions();
    Map<String, String> o =
        Map.of("epochs", "1", "eval-every", "10", "max-length", "50", "learning-rate", "0.002");
    float[][] v =
        NeuralTrainer.create("sasrec", o)
            .fit(all, new TrainingContext(42, Map.of(), null, 1))
            .values();
    System.out.println("parameters " + Arrays.deepHashCode(v));
  }

  private static String run(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BlasLoadOrderTest.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    return out.lines().filter(l -> l.startsWith("parameters ")).findFirst().orElse(out);
  }

  @Test
  void theModelDoesNotDependOnWhetherNativeBlasWasLoadedFirst() throws Exception {
    String first = run("blas-first");
    String plain = run("plain");
    assertTrue(first.startsWith("parameters "), first);
    assertEquals(first, plain);
    assertTrue(NeuralEngine.blas().startsWith("native") || NeuralEngine.blas().startsWith("pure"));
  }
}
