package dev.seer.algorithms.knn;

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
 * Trains {@link ItemKnnModel}s (algorithm {@value #ALGORITHM}): item-item similarities from the
 * users the items share, pruned to the top {@code neighbours} per item.
 *
 * <p>For each item {@code i}, co-occurrences are accumulated sparsely into a dense per-thread
 * array: for each user {@code u} of {@code i} and each item {@code j} of {@code u}, {@code acc[j]
 * += v(u,i) v(u,j)}. The cost is the sum over users of their item count squared, never items
 * squared memory. Items are processed in fixed chunks on several threads; each item's row depends
 * only on the data, so the model is the same for any thread count. Similarities that are 0 are not
 * kept; ties between equal similarities go to the lower item index.
 */
public final class ItemKnnTrainer implements Trainer<ItemKnnModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "item-knn";

  private static final int CHUNK = 64;

  private final ItemKnnOptions options;

  /** Creates a trainer with the default options. */
  public ItemKnnTrainer() {
    this(ItemKnnOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public ItemKnnTrainer(ItemKnnOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public ItemKnnOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public ItemKnnModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Similarity sim = options.similarity();
    if (sim == Similarity.ADJUSTED_COSINE) {
      Checks.requireRatings(train, "item-knn with similarity=adjusted-cosine");
    }
    SparseMatrix byUser = train.byUser();
    SparseMatrix byItem = train.byItem();
    int numItems = train.numItems();

    // The vector entries v(u, i) in both layouts.
    float[] userVals = vectorValues(byUser, byItem, true);
    float[] itemVals = vectorValues(byUser, byItem, false);
    double[] norms = new double[numItems];
    for (int i = 0; i < numItems; i++) {
      double s = 0;
      for (int k = byItem.rowStart(i); k < byItem.rowEnd(i); k++) {
        double v = itemVals[k];
        s += sim == Similarity.JACCARD ? 1 : v * v;
      }
      norms[i] = sim == Similarity.JACCARD ? s : Math.sqrt(s);
    }

    int[][] rowIdx = new int[numItems][];
    float[][] rowVal = new float[numItems][];
    int threads = options.threads() > 0 ? options.threads() : context.threads();
    ProgressListener progress = context.progress();
    Object lock = new Object();
    long[] done = new long[1];
    String task = ALGORITHM + ": similarities";
    progress.update(task, 0, numItems);
    Parallel.forEachChunk(
        numItems,
        CHUNK,
        threads,
        () -> new Scratch(numItems),
        (from, to, s) -> {
          for (int i = from; i < to; i++) {
            computeRow(i, byUser, byItem, userVals, itemVals, norms, s, rowIdx, rowVal);
          }
          synchronized (lock) {
            done[0] += to - from;
            progress.update(task, done[0], numItems);
          }
        });

    int[] ptr = new int[numItems + 1];
    for (int i = 0; i < numItems; i++) {
      ptr[i + 1] = ptr[i] + rowIdx[i].length;
    }
    int[] idx = new int[ptr[numItems]];
    float[] val = new float[ptr[numItems]];
    for (int i = 0; i < numItems; i++) {
      System.arraycopy(rowIdx[i], 0, idx, ptr[i], rowIdx[i].length);
      System.arraycopy(rowVal[i], 0, val, ptr[i], rowVal[i].length);
    }
    SparseMatrix neighbours = new SparseMatrix(numItems, numItems, ptr, idx, val);
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new ItemKnnModel(
        card, train.users(), train.items(), neighbours, byUser, options.useRatings());
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

  private float[] vectorValues(SparseMatrix byUser, SparseMatrix byItem, boolean userLayout) {
    SparseMatrix m = userLayout ? byUser : byItem;
    float[] out = new float[m.nnz()];
    switch (options.similarity()) {
      case JACCARD:
        Arrays.fill(out, 1f);
        return out;
      case COSINE:
        if (options.useRatings()) {
          System.arraycopy(m.values(), 0, out, 0, out.length);
        } else {
          Arrays.fill(out, 1f);
        }
        return out;
      case ADJUSTED_COSINE:
        double[] mean = new double[byUser.rows()];
        float[] uv = byUser.values();
        for (int u = 0; u < mean.length; u++) {
          double s = 0;
          for (int k = byUser.rowStart(u); k < byUser.rowEnd(u); k++) {
            s += uv[k];
          }
          int n = byUser.rowNnz(u);
          mean[u] = n == 0 ? 0 : s / n;
        }
        float[] mv = m.values();
        int[] mi = m.indices();
        for (int r = 0; r < m.rows(); r++) {
          for (int k = m.rowStart(r); k < m.rowEnd(r); k++) {
            int u = userLayout ? r : mi[k];
            out[k] = (float) (mv[k] - mean[u]);
          }
        }
        return out;
      default:
        throw new IllegalStateException("unknown similarity " + options.similarity());
    }
  }

  private void computeRow(
      int i,
      SparseMatrix byUser,
      SparseMatrix byItem,
      float[] userVals,
      float[] itemVals,
      double[] norms,
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
    for (int k = byItem.rowStart(i); k < byItem.rowEnd(i); k++) {
      int u = iIdx[k];
      double a = itemVals[k];
      if (a == 0) {
        continue;
      }
      for (int m = uPtr[u]; m < uPtr[u + 1]; m++) {
        int j = uIdx[m];
        if (!touched[j]) {
          touched[j] = true;
          list[n++] = j;
        }
        acc[j] += a * userVals[m];
      }
    }
    // Similarities of the touched items, as sortable keys: similarity descending, index ascending.
    if (s.keys.length < n) {
      s.keys = new long[Math.max(n, s.keys.length * 2)];
    }
    long[] keys = s.keys;
    int c = 0;
    double shrink = options.shrinkage();
    Similarity sim = options.similarity();
    for (int t = 0; t < n; t++) {
      int j = list[t];
      double dot = acc[j];
      acc[j] = 0;
      touched[j] = false;
      if (j == i || dot == 0) {
        continue;
      }
      double denom =
          sim == Similarity.JACCARD
              ? norms[i] + norms[j] - dot + shrink
              : norms[i] * norms[j] + shrink;
      float v = denom > 0 ? (float) (dot / denom) : 0f;
      if (v != 0 && Float.isFinite(v)) {
        keys[c++] = ((long) sortable(-v) << 32) | j;
      }
    }
    int k = Math.min(c, options.neighbours());
    if (k < c) {
      Arrays.sort(keys, 0, c);
    }
    // Re-key the kept neighbours by item index, keeping the similarity bits.
    for (int t = 0; t < k; t++) {
      int j = (int) keys[t];
      float v = -unsortable((int) (keys[t] >> 32));
      keys[t] = ((long) j << 32) | (Float.floatToRawIntBits(v) & 0xffffffffL);
    }
    Arrays.sort(keys, 0, k);
    int[] idx = new int[k];
    float[] val = new float[k];
    for (int t = 0; t < k; t++) {
      idx[t] = (int) (keys[t] >>> 32);
      val[t] = Float.intBitsToFloat((int) keys[t]);
    }
    rowIdx[i] = idx;
    rowVal[i] = val;
  }

  /** Maps a float to an int whose signed order is the float's order (for non-NaN values). */
  private static int sortable(float f) {
    int bits = Float.floatToRawIntBits(f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  private static float unsortable(int key) {
    return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
  }
}
