package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import dev.seer.neural.ParamSpec.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NeuMF: {@code σ(h · [p_u ⊙ q_i ; MLP(p'_u, q'_i)])}. Training units are single interactions, each
 * with {@code negatives} sampled items the user does not have. Not sequential: an anonymous session
 * (fold-in) has no trained user vector, so it is scored with the mean of the trained users' vectors
 * (a popularity-like ranking that ignores the session's items).
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
      float[] isAnon = new float[b];
      for (int r = 0; r < b; r++) {
        isAnon[r] = users[r] < 0 || users[r] >= numUsers ? 1f : 0f;
      }
      NDArray a = m.create(isAnon, new Shape(b, 1));
      NDArray keepA = a.neg().add(1f);
      gu = gu.mul(keepA).add(a.mul(p.get("gmf.user").mean(new int[] {0}, true)));
      mu = mu.mul(keepA).add(a.mul(p.get("mlp.user").mean(new int[] {0}, true)));
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
