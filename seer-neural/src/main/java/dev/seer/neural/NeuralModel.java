package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seer.api.BatchScorer;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Recommender;

/**
 * A trained neural recommender. It keeps each training user's item sequence and scores a user from
 * it; {@link FoldIn} scores an anonymous session from its items in the order given (oldest first).
 * Parameters are plain float arrays, uploaded once into a native PyTorch memory pool that lives as
 * long as the model. Scoring is thread-safe: calls take turns on the network, and each call uses
 * PyTorch's intra-op threads.
 */
public final class NeuralModel implements Recommender, FoldIn, BatchScorer {
  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final Network network;
  private final float[][] values;
  private final int[][] histories;
  private final NDManager root;
  private final Params params;

  NeuralModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      Network network,
      float[][] values,
      int[][] histories) {
    this.card = card;
    this.users = users;
    this.items = items;
    this.network = network;
    this.values = values;
    this.histories = histories;
    this.root = NeuralEngine.newManager();
    this.params = Params.create(root, network.specs(), values, false);
    // DJL keeps every base manager as a child of its system manager, so the parameter tensors
    // would outlive the model: close them once the model is unreachable (a server swapping models).
    CLEANER.register(this, root::close);
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  Network network() {
    return network;
  }

  /** The parameter values (do not modify). */
  float[][] values() {
    return values;
  }

  /** The training users' item sequences, oldest first (do not modify). */
  int[][] histories() {
    return histories;
  }

  /**
   * Returns a user's training items in time order.
   *
   * @param user user index
   * @return the items, oldest first (do not modify)
   */
  public int[] history(int user) {
    return user < histories.length ? histories[user] : new int[0];
  }

  @Override
  public void score(int user, float[] out) {
    float[][] o = {out};
    scoreBatch(new int[] {user}, new int[][] {history(user)}, o);
  }

  @Override
  public void scoreItems(int[] items, float[] values, float[] out) {
    for (int i : items) {
      if (i < 0 || i >= this.items.size()) {
        throw new InputException(
            "Item index " + i + " is outside the model's " + this.items.size() + " items.");
      }
    }
    scoreBatch(new int[] {-1}, new int[][] {items.clone()}, new float[][] {out});
  }

  /**
   * Scores many users at once (faster than one by one).
   *
   * @param users user indices
   * @param out receives one row of scores per user
   */
  @Override
  public void scoreUsers(int[] users, float[][] out) {
    int[][] h = new int[users.length][];
    for (int k = 0; k < users.length; k++) {
      h[k] = history(users[k]);
    }
    int batch = network.scoreBatch();
    for (int from = 0; from < users.length; from += batch) {
      int to = Math.min(users.length, from + batch);
      int[] u = java.util.Arrays.copyOfRange(users, from, to);
      int[][] hh = java.util.Arrays.copyOfRange(h, from, to);
      float[][] oo = java.util.Arrays.copyOfRange(out, from, to);
      scoreBatch(u, hh, oo);
    }
  }

  @Override
  public int scoreBatchSize() {
    return network.scoreBatch();
  }

  private synchronized void scoreBatch(int[] users, int[][] hist, float[][] out) {
    int n = items.size();
    for (float[] o : out) {
      if (o.length != n) {
        throw new IllegalArgumentException("score array length " + o.length + ", expected " + n);
      }
    }
    // Grad mode is per thread in PyTorch and on in new threads; scoring never records gradients.
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    try (NDManager m = root.newSubManager()) {
      params.tempAttach(m);
      NDArray s = network.scores(params, users, hist, m);
      float[] flat = s.toFloatArray();
      for (int r = 0; r < out.length; r++) {
        System.arraycopy(flat, r * n, out[r], 0, n);
      }
    }
  }
}
