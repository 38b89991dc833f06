package dev.seer.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.SeerException;

/**
 * The one place that starts DJL's PyTorch engine. It never downloads anything: Seer runs DJL with
 * {@code ai.djl.offline=true} and the native library comes from the {@code pytorch-native-cpu} jar
 * on the class path, extracted into DJL's cache directory ({@code DJL_CACHE_DIR}) on first use.
 *
 * <p>Before PyTorch starts, the native BLAS of {@link LinearAlgebra#best()} (OpenBLAS where it is
 * installed) is loaded. PyTorch's {@code libtorch_cpu.so} exports the Fortran BLAS symbols of the
 * MKL inside it ({@code sgemm_}, {@code sdot_}, ...), and netlib loads the system BLAS into the
 * process's global symbol scope, where it takes over PyTorch's own calls to those symbols. Whether
 * EASE (or anything else using native BLAS) had run earlier in the process then changed a neural
 * model trained with the same seed in its last bits after one epoch, and its NDCG@10 in the third
 * decimal after fifty. Loading the BLAS first makes it the same in every process on a machine.
 */
public final class NeuralEngine {
  /** The DJL engine name. */
  public static final String ENGINE = "PyTorch";

  private static volatile Engine engine;

  private static volatile String blas;

  private NeuralEngine() {}

  /**
   * Returns the started engine, starting it on first use.
   *
   * @return the PyTorch engine
   * @throws SeerException if the native library cannot be loaded
   */
  public static Engine get() {
    Engine e = engine;
    if (e == null) {
      synchronized (NeuralEngine.class) {
        e = engine;
        if (e == null) {
          blas = LinearAlgebra.best().description();
          if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
          }
          try {
            e = Engine.getEngine(ENGINE);
          } catch (RuntimeException | UnsatisfiedLinkError ex) {
            throw new SeerException(
                "The PyTorch engine could not start ("
                    + ex.getMessage()
                    + "); put ai.djl.pytorch:pytorch-native-cpu and pytorch-jni on the class path"
                    + " and make DJL_CACHE_DIR writable.",
                ex);
          }
          JniUtils.setGradMode(false);
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * Describes the native BLAS loaded before PyTorch started (see the class comment).
   *
   * @return {@link LinearAlgebra#description()} of the BLAS, starting the engine if needed
   */
  public static String blas() {
    get();
    return blas;
  }

  /**
   * Creates a new root memory manager on the CPU.
   *
   * @return a manager the caller must close
   */
  public static NDManager newManager() {
    return get().newBaseManager();
  }

  /**
   * Sets the number of threads PyTorch uses inside one operation (a process-wide setting).
   *
   * @param threads at least 1
   */
  public static void setThreads(int threads) {
    get();
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
  }

  /**
   * Seeds PyTorch's random generator (used by dropout).
   *
   * @param seed the seed
   */
  public static void seed(long seed) {
    get();
    JniUtils.setSeed(seed);
  }

  /**
   * Returns the PyTorch version in use, for model cards and benchmarks.
   *
   * @return for example {@code "2.7.1"}
   */
  public static String version() {
    return get().getVersion();
  }
}
