package dev.seer.algorithms.ease;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Parallel;
import dev.seer.algorithms.linalg.LinearAlgebra;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.netlib.util.intW;

/**
 * Trains {@link EaseModel}s (algorithm {@value #ALGORITHM}): Steck's "Embarrassingly Shallow
 * Autoencoders for Sparse Data" (WWW 2019).
 *
 * <p>EASE learns an item-item matrix {@code B} with a zero diagonal that minimises {@code |X - XB|²
 * + λ|B|²} for the binary user-item matrix {@code X}. The closed form is {@code P = (XᵀX + λI)⁻¹}
 * and {@code B = I - P diag(1 / diag(P))}, that is {@code B_ij = -P_ij / P_jj} off the diagonal.
 * Training runs three dense steps through {@link LinearAlgebra} (native BLAS/LAPACK when
 * available): the Gram matrix {@code XᵀX} by {@code dsyrk} over blocks of users (so the dense
 * user-item matrix never exists whole), the Cholesky factorisation {@code dpotrf} and the inverse
 * {@code dpotri}. The model keeps {@code B} in single precision.
 *
 * <p>Memory is dominated by the {@code n x n} matrices for {@code n} items: about {@code 12 n²}
 * bytes at the peak (the double-precision inverse and the float {@code B}), 165 MB for the 3,706
 * items of MovieLens 1M. Catalogues whose matrices would not fit into the heap, or above {@value
 * #MAX_ITEMS} items, are rejected before any work with a message that says what to do. Training is
 * deterministic; the native library's own threads do the heavy work.
 */
public final class EaseTrainer implements Trainer<EaseModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "ease";

  /** The largest catalogue EASE accepts ({@code n²} floats must fit into one Java array). */
  public static final int MAX_ITEMS = 32_768;

  private static final int BLOCK_DOUBLES = 1 << 22;
  private static final int CHUNK = 64;

  private final EaseOptions options;
  private final LinearAlgebra linalg;

  /** Creates a trainer with the default options. */
  public EaseTrainer() {
    this(EaseOptions.defaults());
  }

  /**
   * Creates a trainer that uses {@link LinearAlgebra#best()}.
   *
   * @param options the options
   */
  public EaseTrainer(EaseOptions options) {
    this(options, null);
  }

  /**
   * Creates a trainer with a given BLAS/LAPACK implementation.
   *
   * @param options the options
   * @param linalg the implementation, or {@code null} for {@link LinearAlgebra#best()} (chosen when
   *     training starts)
   */
  public EaseTrainer(EaseOptions options, LinearAlgebra linalg) {
    this.options = Objects.requireNonNull(options, "options");
    this.linalg = linalg;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public EaseOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public EaseModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    int n = train.numItems();
    requireFits(n, Runtime.getRuntime().maxMemory());
    LinearAlgebra la = linalg != null ? linalg : LinearAlgebra.best();
    ProgressListener progress = context.progress();
    SparseMatrix byUser = train.byUser();

    // G = XᵀX (lower triangle, column-major), accumulated over blocks of users.
    double[] g = gram(byUser, n, la, progress, BLOCK_DOUBLES);
    double lambda = options.regularization();
    for (int i = 0; i < n; i++) {
      g[i + i * n] += lambda;
    }

    String task = ALGORITHM + ": inverse (" + (la.isNative() ? "native" : "pure Java") + ")";
    progress.update(task, 0, 2);
    intW info = new intW(0);
    la.lapack().dpotrf("L", n, g, n, info);
    if (info.val != 0) {
      throw new InputException(
          String.format(
              Locale.ROOT,
              "EASE's Gram matrix plus regularization=%s is not positive definite (LAPACK dpotrf"
                  + " info %d); increase regularization.",
              lambda,
              info.val));
    }
    progress.update(task, 1, 2);
    la.lapack().dpotri("L", n, g, n, info);
    if (info.val != 0) {
      throw new IllegalStateException("dpotri failed with info " + info.val);
    }
    progress.update(task, 2, 2);

    // Mirror the lower triangle (i >= j at g[i + j n]) into the upper one: then g[i n + j] = P_ij.
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < j; i++) {
        g[i + j * n] = g[j + i * n];
      }
    }
    double[] diag = new double[n];
    for (int j = 0; j < n; j++) {
      diag[j] = g[j + j * n];
    }
    float[] b = new float[n * n];
    int threads = context.threads();
    String wtask = ALGORITHM + ": weights";
    progress.update(wtask, 0, n);
    Parallel.forEachChunk(
        n,
        CHUNK,
        threads,
        () -> null,
        (from, to, s) -> {
          for (int i = from; i < to; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) {
              b[o + j] = j == i ? 0f : (float) (-g[o + j] / diag[j]);
            }
          }
        });
    progress.update(wtask, n, n);
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new EaseModel(card, train.users(), train.items(), b, byUser);
  }

  /**
   * Rejects catalogues whose dense matrices cannot be held.
   *
   * @param n items
   * @param maxHeap the JVM's maximum heap in bytes
   * @throws InputException when {@code n} is too large
   */
  static void requireFits(int n, long maxHeap) {
    if (n > MAX_ITEMS) {
      throw new InputException(
          "EASE keeps a dense "
              + n
              + " x "
              + n
              + " item matrix, but it supports at most "
              + MAX_ITEMS
              + " items; reduce the catalogue (for example seer data clean --kcore) or use"
              + " rp3beta or item-knn.");
    }
    long need = 12L * n * n + 8L * BLOCK_DOUBLES;
    if (need > maxHeap) {
      throw new InputException(
          String.format(
              Locale.ROOT,
              "EASE on %d items needs about %d MiB of heap for its dense item x item matrices, but"
                  + " the JVM may use only %d MiB; raise the heap (for example"
                  + " SEER_JAVA_OPTS=-Xmx%dg), reduce the catalogue, or use rp3beta or item-knn.",
              n,
              need >> 20,
              maxHeap >> 20,
              Math.max(1, (need * 3 / 2 + (1L << 30) - 1) >> 30)));
    }
  }

  /**
   * {@code XᵀX} for binary {@code X}, lower triangle, column-major {@code n x n}, from dense blocks
   * of users of at most {@code blockDoubles} entries.
   */
  static double[] gram(
      SparseMatrix byUser, int n, LinearAlgebra la, ProgressListener progress, int blockDoubles) {
    double[] g = new double[n * n];
    int nu = byUser.rows();
    int block = Math.max(1, Math.min(nu, blockDoubles / Math.max(1, n)));
    double[] a = new double[block * n];
    int[] idx = byUser.indices();
    String task = ALGORITHM + ": gram matrix";
    progress.update(task, 0, nu);
    for (int from = 0; from < nu; from += block) {
      int rows = Math.min(block, nu - from);
      Arrays.fill(a, 0, rows * n, 0.0);
      // a is rows x n, column-major: a[r + j * rows] = X[from + r][j].
      for (int r = 0; r < rows; r++) {
        int u = from + r;
        for (int q = byUser.rowStart(u); q < byUser.rowEnd(u); q++) {
          a[r + idx[q] * rows] = 1.0;
        }
      }
      la.blas().dsyrk("L", "T", n, rows, 1.0, a, rows, 1.0, g, n);
      progress.update(task, from + rows, nu);
    }
    return g;
  }
}
