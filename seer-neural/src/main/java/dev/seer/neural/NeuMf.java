package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.seer.neural.ParamSpec.Init;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NeuMF: {@code σ(h · [p_u ⊙ q_i ; MLP(p'_u, q'_i)])}. Training units are single interactions, each
 * with {@code negatives} sampled items the user does not have. Not sequential: a user not in
 * training (fold-in of a list of items) gets fresh GMF and MLP user vectors, started at the mean of
 * the trained users' vectors and fitted by {@code fold-in-steps} Adam steps on the training loss
 * (each of the user's items against {@code negatives} sampled items the user does not have, a small
 * L2 penalty on the vectors), with every item-side parameter frozen. The samples come from a
 * generator seeded by the items, so the same items always give the same scores.
 */
final class NeuMf extends Network {
  private final NeuMfOptions o;
  private final int[] layers;

  NeuMf(int numUsers, int numItems, NeuMfOptions o) {
    super(numUsers, numItems);
    this.o = o;
    this.layers = NeuMfOptions.sizes(o.layers());
  }

  @Override
  String algorithm() {
    return NeuMfOptions.ALGORITHM;
  }

  @Override
  Map<String, String> options() {
    return o.asMap();
  }

  @Override
  int scoreBatch() {
    return 32;
  }

  @Override
  List<ParamSpec> specs() {
    List<ParamSpec> s = new ArrayList<>();
    int half = layers[0] / 2;
    s.add(ParamSpec.of("gmf.user", Init.EMBEDDING, numUsers, o.factors()));
    s.add(ParamSpec.of("gmf.item", Init.EMBEDDING, numItems, o.factors()));
    s.add(ParamSpec.of("mlp.user", Init.EMBEDDING, numUsers, half));
    s.add(ParamSpec.of("mlp.item", Init.EMBEDDING, numItems, half));
    for (int l = 1; l < layers.length; l++) {
      s.add(ParamSpec.of("mlp" + l + ".weight", Init.XAVIER, layers[l - 1], layers[l]));
      s.add(ParamSpec.of("mlp" + l + ".bias", Init.ZEROS, layers[l]));
    }
    s.add(ParamSpec.of("out.weight", Init.XAVIER, o.factors() + layers[layers.length - 1], 1));
    s.add(ParamSpec.of("out.bias", Init.ZEROS, 1));
    return s;
  }

  @Override
  int[] units(TrainData data) {
    int[] all = new int[data.pairUser.length];
    for (int k = 0; k < all.length; k++) {
      all[k] = k;
    }
    return all;
  }

  /** Logits for aligned (user vectors, item indices) pairs: user arrays (n, .), items (n). */
  private NDArray logits(Params p, NDArray gu, NDArray mu, NDArray items) {
    NDArray gi =
        Embedding.embedding(items, p.get("gmf.item"), SparseFormat.DENSE).singletonOrThrow();
    NDArray mi =
        Embedding.embedding(items, p.get("mlp.item"), SparseFormat.DENSE).singletonOrThrow();
    NDArray gmf = gu.mul(gi);
    NDArray h = mu.concat(mi, -1);
    for (int l = 1; l < layers.length; l++) {
      h = Activation.relu(h.matMul(p.get("mlp" + l + ".weight")).add(p.get("mlp" + l + ".bias")));
    }
    return gmf.concat(h, -1).matMul(p.get("out.weight")).add(p.get("out.bias")).squeeze(-1);
  }

  @Override
  NDArray loss(Params p, TrainData data, int[] units, SplittableRandom rng, NDManager m) {
    int k = o.negatives();
    int n = units.length * (1 + k);
    long[] users = new long[n];
    long[] items = new long[n];
    float[] labels = new float[n];
    int r = 0;
    for (int unit : units) {
      int u = data.pairUser[unit];
      users[r] = u;
      items[r] = data.pairItem[unit];
      labels[r++] = 1f;
      for (int j = 0; j < k; j++) {
        users[r] = u;
        items[r++] = data.negative(u, rng);
      }
    }
    NDArray ui = m.create(users, new Shape(n));
    NDArray gu = Embedding.embedding(ui, p.get("gmf.user"), SparseFormat.DENSE).singletonOrThrow();
    NDArray mu = Embedding.embedding(ui, p.get("mlp.user"), SparseFormat.DENSE).singletonOrThrow();
    NDArray z = logits(p, gu, mu, m.create(items, new Shape(n)));
    NDArray y = m.create(labels, new Shape(n));
    // BCE with logits: softplus(z) - y z
    return Activation.softPlus(z).sub(z.mul(y)).mean();
  }

  private static final float FOLD_IN_L2 = 1e-3f;

  /**
   * Fits GMF and MLP user vectors to a list of items with the item side frozen (see the class
   * comment).
   *
   * @param p parameters
   * @param items the user's items
   * @param m owns the arrays
   * @return the GMF vector and the MLP vector
   */
  float[][] foldIn(Params p, int[] items, NDManager m) {
    float[] g = p.get("gmf.user").mean(new int[] {0}).toFloatArray();
    float[] h = p.get("mlp.user").mean(new int[] {0}).toFloatArray();
    int[] pos = Arrays.stream(items).filter(i -> i >= 0 && i < numItems).distinct().toArray();
    if (pos.length == 0 || pos.length == numItems) {
      return new float[][] {g, h};
    }
    boolean[] has = new boolean[numItems];
    for (int i : pos) {
      has[i] = true;
    }
    SplittableRandom rng =
        new SplittableRandom(NeuralLoop.mix(0x4E65754DL, Arrays.hashCode(pos), pos.length));
    int k = o.negatives();
    int n = pos.length * (1 + k);
    float[] labels = new float[n];
    for (int r = 0; r < pos.length; r++) {
      labels[r * (1 + k)] = 1f;
    }
    float[][] v = {g, h};
    float[][] m1 = {new float[g.length], new float[h.length]};
    float[][] m2 = {new float[g.length], new float[h.length]};
    float lr = (float) o.foldInRate();
    for (int step = 1; step <= o.foldInSteps(); step++) {
      long[] idx = new long[n];
      for (int r = 0; r < pos.length; r++) {
        idx[r * (1 + k)] = pos[r];
        for (int j = 1; j <= k; j++) {
          int i = rng.nextInt(numItems);
          for (int t = 0; t < 64 && has[i]; t++) {
            i = rng.nextInt(numItems);
          }
          idx[r * (1 + k) + j] = i;
        }
      }
      float[][] grad = new float[2][];
      try (NDManager s = m.newSubManager()) {
        NDArray gu = s.create(v[0], new Shape(1, v[0].length));
        NDArray mu = s.create(v[1], new Shape(1, v[1].length));
        gu.setRequiresGradient(true);
        mu.setRequiresGradient(true);
        try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
          NDArray z = logits(p, gu.repeat(0, n), mu.repeat(0, n), s.create(idx, new Shape(n)));
          NDArray y = s.create(labels, new Shape(n));
          NDArray penalty = Scalars.times(gu.square().sum().add(mu.square().sum()), FOLD_IN_L2);
          gc.backward(Activation.softPlus(z).sub(z.mul(y)).mean().add(penalty));
        }
        JniUtils.setGradMode(false);
        grad[0] = gu.getGradient().toFloatArray();
        grad[1] = mu.getGradient().toFloatArray();
      }
      double c1 = 1 - Math.pow(0.9, step);
      double c2 = 1 - Math.pow(0.999, step);
      for (int a = 0; a < 2; a++) {
        for (int d = 0; d < v[a].length; d++) {
          m1[a][d] = 0.9f * m1[a][d] + 0.1f * grad[a][d];
          m2[a][d] = 0.999f * m2[a][d] + 0.001f * grad[a][d] * grad[a][d];
          v[a][d] -= (float) (lr * (m1[a][d] / c1) / (Math.sqrt(m2[a][d] / c2) + 1e-8));
        }
      }
    }
    return v;
  }

  @Override
  NDArray scores(Params p, int[] users, int[][] histories, NDManager m) {
    int b = users.length;
    NDArray gu;
    NDArray mu;
    long[] known = new long[b];
    boolean anon = false;
    for (int r = 0; r < b; r++) {
      anon |= users[r] < 0 || users[r] >= numUsers;
      known[r] = Math.max(0, Math.min(numUsers - 1, users[r]));
    }
    NDArray ui = m.create(known, new Shape(b));
    gu = Embedding.embedding(ui, p.get("gmf.user"), SparseFormat.DENSE).singletonOrThrow();
    mu = Embedding.embedding(ui, p.get("mlp.user"), SparseFormat.DENSE).singletonOrThrow();
    if (anon) {
      float[] g = gu.toFloatArray();
      float[] h = mu.toFloatArray();
      int f = o.factors();
      int half = layers[0] / 2;
      for (int r = 0; r < b; r++) {
        if (users[r] < 0 || users[r] >= numUsers) {
          float[][] v = foldIn(p, histories[r], m);
          System.arraycopy(v[0], 0, g, r * f, f);
          System.arraycopy(v[1], 0, h, r * half, half);
        }
      }
      gu = m.create(g, new Shape(b, f));
      mu = m.create(h, new Shape(b, half));
    }
    // every (user, item) pair: repeat users over the items
    long f = gu.getShape().get(1);
    long h = mu.getShape().get(1);
    NDArray gAll = gu.expandDims(1).repeat(1, numItems).reshape(b * (long) numItems, f);
    NDArray mAll = mu.expandDims(1).repeat(1, numItems).reshape(b * (long) numItems, h);
    long[] items = new long[b * numItems];
    for (int r = 0; r < b; r++) {
      for (int i = 0; i < numItems; i++) {
        items[r * numItems + i] = i;
      }
    }
    return logits(p, gAll, mAll, m.create(items, new Shape(items.length))).reshape(b, numItems);
  }
}
