package dev.seer.algorithms.graph;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Parallel;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * Trains {@link Rp3BetaModel}s (algorithm {@value #ALGORITHM}): RP3beta from Paudel, Christoffel,
 * Bernstein et al., "Updatable, Accurate, Diverse, and Scalable Recommendations for Interactive
 * Applications" (ACM TiiS 7(1), 2017).
 *
 * <p>On the bipartite user-item graph of the (binary) training data a random walk moves from a user
 * to one of their items with probability {@code P_ui = 1 / deg(u)} and from an item to one of its
 * users with {@code P_iv = 1 / deg(i)}. A three-step walk {@code u → i → v → j} arrives at item
 * {@code j} with probability {@code Σ_i P_ui Σ_v P_iv P_vj}. RP3beta raises every transition
 * probability to the power {@code alpha} (as the P³α walk of Cooper et al., WWW 2014) and divides
 * the arrival probability by {@code deg(j)^beta} to favour less popular items. The item-to-item
 * part does not depend on the user, so it is precomputed:
 *
 * <pre>
 *   W_ij = P_iv^α P_vj^α summed over the users v of i, / deg(j)^β
 *        = deg(i)^-α  Σ_v deg(v)^-α  deg(j)^-β            (j ≠ i)
 * </pre>
 *
 * and each item {@code j} keeps the {@code neighbours} largest weights of the walks that arrive at
 * it (ties to the lower item index), as item-kNN keeps the nearest neighbours of the item it
 * scores. The paper does not prune; some implementations keep the largest weights per starting item
 * {@code i} instead, which on the ML-1M validation split (see {@code docs/benchmarks}) lowered
 * NDCG@10 from 0.249 to at most 0.221. The walk's return to the starting item ({@code j = i}) is
 * dropped: the user already has that item. A user's score is {@code deg(u)^-α Σ_(i in u) W_ij}; the
 * factor {@code deg(u)^-α} is the walk's first step and does not change the user's ranking.
 *
 * <p>For each item {@code j} the weights are accumulated sparsely over its users' items into a
 * per-thread dense array, so the cost is {@code Σ_v deg(v)²} and the memory {@code O(items)} per
 * thread plus the kept weights. Items are processed in fixed chunks; each item's weights depend
 * only on the data, so the model is the same for any thread count.
 */
public final class Rp3BetaTrainer implements Trainer<Rp3BetaModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "rp3beta";

  private static final int CHUNK = 64;

  private final Rp3BetaOptions options;

  /** Creates a trainer with the default options. */
  public Rp3BetaTrainer() {
    this(Rp3BetaOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public Rp3BetaTrainer(Rp3BetaOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public Rp3BetaOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public Rp3BetaModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    SparseMatrix byUser = train.byUser();
    SparseMatrix byItem = train.byItem();
    int nu = train.numUsers();
    int ni = train.numItems();
    double alpha = options.alpha();
    double[] userStep = new double[nu];
    for (int v = 0; v < nu; v++) {
      int d = byUser.rowNnz(v);
      userStep[v] = d == 0 ? 0 : StrictMath.pow(d, -alpha);
    }
    double[] itemStep = new double[ni];
    double[] penalty = new double[ni];
    for (int i = 0; i < ni; i++) {
      int d = byItem.rowNnz(i);
      itemStep[i] = d == 0 ? 0 : StrictMath.pow(d, -alpha);
      penalty[i] = d == 0 ? 0 : StrictMath.pow(d, -options.beta());
    }

    int[][] rowIdx = new int[ni][];
    float[][] rowVal = new float[ni][];
    int threads = options.threads() > 0 ? options.threads() : context.threads();
    ProgressListener progress = context.progress();
    Object lock = new Object();
    long[] done = new long[1];
    String task = ALGORITHM + ": item weights";
    progress.update(task, 0, ni);
    Parallel.forEachChunk(
        ni,
        CHUNK,
        threads,
        () -> new Scratch(ni),
        (from, to, s) -> {
          for (int j = from; j < to; j++) {
            computeRow(j, byUser, byItem, userStep, itemStep, penalty[j], s, rowIdx, rowVal);
          }
          synchronized (lock) {
            done[0] += to - from;
            progress.update(task, done[0], ni);
          }
        });

    int[] ptr = new int[ni + 1];
    for (int i = 0; i < ni; i++) {
      ptr[i + 1] = ptr[i] + rowIdx[i].length;
    }
    int[] idx = new int[ptr[ni]];
    float[] val = new float[ptr[ni]];
    for (int i = 0; i < ni; i++) {
      System.arraycopy(rowIdx[i], 0, idx, ptr[i], rowIdx[i].length);
      System.arraycopy(rowVal[i], 0, val, ptr[i], rowVal[i].length);
    }
    SparseMatrix incoming = new SparseMatrix(ni, ni, ptr, idx, val);
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new Rp3BetaModel(card, train.users(), train.items(), incoming, byUser, alpha);
  }

  /** Per-thread scratch: a dense accumulator and the list of touched items. */
  private static final class Scratch {
    final double[] acc;
    final boolean[] touched;
    final int[] list;
    long[] keys = new long[16];

    Scratch(int numItems) {
      acc = new double[numItems];
      touched = new boolean[numItems];
      list = new int[numItems];
    }
  }

  /**
   * Computes the weights {@code W_ij} of the walks from every item {@code i} to the target item
   * {@code j} and keeps the largest as row {@code j}.
   */
  private void computeRow(
      int j,
      SparseMatrix byUser,
      SparseMatrix byItem,
      double[] userStep,
      double[] itemStep,
      double penalty,
      Scratch s,
      int[][] rowIdx,
      float[][] rowVal) {
    double[] acc = s.acc;
    boolean[] touched = s.touched;
    int[] list = s.list;
    int n = 0;
    int[] iIdx = byItem.indices();
    int[] uPtr = byUser.indptr();
    int[] uIdx = byUser.indices();
    for (int q = byItem.rowStart(j); q < byItem.rowEnd(j); q++) {
      int v = iIdx[q];
      double w = userStep[v];
      for (int m = uPtr[v]; m < uPtr[v + 1]; m++) {
        int i = uIdx[m];
        if (!touched[i]) {
          touched[i] = true;
          list[n++] = i;
        }
        acc[i] += w;
      }
    }
    if (s.keys.length < n) {
      s.keys = new long[Math.max(n, s.keys.length * 2)];
    }
    long[] keys = s.keys;
    int c = 0;
    for (int t = 0; t < n; t++) {
      int i = list[t];
      double sum = acc[i];
      acc[i] = 0;
      touched[i] = false;
      if (i == j) {
        continue;
      }
      float v = (float) (itemStep[i] * sum * penalty);
      if (v > 0 && Float.isFinite(v)) {
        // Positive floats order like their bits; sort by weight descending, then index ascending.
        keys[c++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(v)) << 32) | i;
      }
    }
    int k = Math.min(c, options.neighbours());
    if (k < c) {
      Arrays.sort(keys, 0, c);
    }
    for (int t = 0; t < k; t++) {
      int i = (int) keys[t];
      int bits = Integer.MAX_VALUE - (int) (keys[t] >>> 32);
      keys[t] = ((long) i << 32) | (bits & 0xffffffffL);
    }
    Arrays.sort(keys, 0, k);
    int[] idx = new int[k];
    float[] val = new float[k];
    for (int t = 0; t < k; t++) {
      idx[t] = (int) (keys[t] >>> 32);
      val[t] = Float.intBitsToFloat((int) keys[t]);
    }
    rowIdx[j] = idx;
    rowVal[j] = val;
  }
}
