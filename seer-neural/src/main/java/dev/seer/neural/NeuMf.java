package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
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

  private static final double FOLD_IN_L2 = 1e-3;

  /**
   * The frozen item side of the network as plain arrays, for fold-in: it is small (two item tables
   * and the MLP), and fitting one user vector on the JVM avoids a native call per operation.
   */
  final class Frozen {
    final float[] gmfItem;
    final float[] mlpItem;
    final float[][] weight;
    final float[][] bias;
    final float[] out;
    final float outBias;
    final float[] gmfUserMean;
    final float[] mlpUserMean;

    Frozen(Params p) {
      gmfItem = p.get("gmf.item").toFloatArray();
      mlpItem = p.get("mlp.item").toFloatArray();
      weight = new float[layers.length][];
      bias = new float[layers.length][];
      for (int l = 1; l < layers.length; l++) {
        weight[l] = p.get("mlp" + l + ".weight").toFloatArray();
        bias[l] = p.get("mlp" + l + ".bias").toFloatArray();
      }
      out = p.get("out.weight").toFloatArray();
      outBias = p.get("out.bias").toFloatArray()[0];
      gmfUserMean = p.get("gmf.user").mean(new int[] {0}).toFloatArray();
      mlpUserMean = p.get("mlp.user").mean(new int[] {0}).toFloatArray();
    }
  }

  /**
   * The fold-in loss of user vectors {@code g} (GMF) and {@code h} (MLP) on pairs: the mean BCE of
   * the logits plus {@code λ(|g|² + |h|²)}, with its gradient (manual back-propagation through the
   * frozen network).
   *
   * @param fz the frozen item side
   * @param g the GMF user vector
   * @param h the MLP user vector
   * @param items the pairs' items
   * @param labels 1 for the user's items, 0 for sampled negatives
   * @param dg receives the gradient with respect to {@code g}
   * @param dh receives the gradient with respect to {@code h}
   * @return the loss
   */
  double foldInLoss(
      Frozen fz, double[] g, double[] h, int[] items, float[] labels, double[] dg, double[] dh) {
    return foldInLoss(fz, g, h, items, labels, dg, dh, new double[numItems][]);
  }

  /** As above, with a cache of each item's part of the first MLP layer (item side and bias). */
  private double foldInLoss(
      Frozen fz,
      double[] g,
      double[] h,
      int[] items,
      float[] labels,
      double[] dg,
      double[] dh,
      double[][] itemPart) {
    int f = o.factors();
    int half = layers[0] / 2;
    int depth = layers.length;
    int n = items.length;
    Arrays.fill(dg, 0);
    Arrays.fill(dh, 0);
    double loss = 0;
    // the first layer splits into a user part (the same for every pair) and an item part
    double[] userPart = null;
    double[] sumPre1 = null;
    if (depth > 1) {
      int w = layers[1];
      userPart = new double[w];
      for (int a = 0; a < half; a++) {
        for (int b = 0; b < w; b++) {
          userPart[b] += h[a] * fz.weight[1][a * w + b];
        }
      }
      sumPre1 = new double[w];
    }
    double[][] pre = new double[depth][];
    double[][] act = new double[depth][];
    for (int l = 1; l < depth; l++) {
      pre[l] = new double[layers[l]];
      act[l] = new double[layers[l]];
    }
    for (int k = 0; k < n; k++) {
      int i = items[k];
      double z = fz.outBias;
      for (int d = 0; d < f; d++) {
        z += fz.out[d] * g[d] * fz.gmfItem[i * f + d];
      }
      if (depth == 1) {
        for (int a = 0; a < half; a++) {
          z += fz.out[f + a] * h[a] + fz.out[f + half + a] * fz.mlpItem[i * half + a];
        }
      } else {
        int w = layers[1];
        double[] part = itemPart[i];
        if (part == null) {
          part = new double[w];
          for (int b = 0; b < w; b++) {
            double v = fz.bias[1][b];
            for (int a = 0; a < half; a++) {
              v += fz.mlpItem[i * half + a] * fz.weight[1][(half + a) * w + b];
            }
            part[b] = v;
          }
          itemPart[i] = part;
        }
        for (int b = 0; b < w; b++) {
          double v = userPart[b] + part[b];
          pre[1][b] = v;
          act[1][b] = Math.max(0, v);
        }
        for (int l = 2; l < depth; l++) {
          int in = layers[l - 1];
          int outW = layers[l];
          for (int b = 0; b < outW; b++) {
            double v = fz.bias[l][b];
            for (int a = 0; a < in; a++) {
              v += act[l - 1][a] * fz.weight[l][a * outW + b];
            }
            pre[l][b] = v;
            act[l][b] = Math.max(0, v);
          }
        }
        double[] last = act[depth - 1];
        for (int b = 0; b < last.length; b++) {
          z += fz.out[f + b] * last[b];
        }
      }
      double y = labels[k];
      loss += (z > 30 ? z : Math.log1p(Math.exp(z))) - y * z;
      double dz = (1 / (1 + Math.exp(-z)) - y) / n;
      for (int d = 0; d < f; d++) {
        dg[d] += dz * fz.out[d] * fz.gmfItem[i * f + d];
      }
      if (depth == 1) {
        for (int a = 0; a < half; a++) {
          dh[a] += dz * fz.out[f + a];
        }
      } else {
        double[] up = new double[layers[depth - 1]];
        for (int b = 0; b < up.length; b++) {
          up[b] = dz * fz.out[f + b];
        }
        for (int l = depth - 1; l >= 2; l--) {
          int in = layers[l - 1];
          int outW = layers[l];
          double[] down = new double[in];
          for (int b = 0; b < outW; b++) {
            double dp = pre[l][b] > 0 ? up[b] : 0;
            if (dp != 0) {
              for (int a = 0; a < in; a++) {
                down[a] += fz.weight[l][a * outW + b] * dp;
              }
            }
          }
          up = down;
        }
        for (int b = 0; b < layers[1]; b++) {
          sumPre1[b] += pre[1][b] > 0 ? up[b] : 0;
        }
      }
    }
    if (depth > 1) {
      int w = layers[1];
      for (int a = 0; a < half; a++) {
        double v = 0;
        for (int b = 0; b < w; b++) {
          v += fz.weight[1][a * w + b] * sumPre1[b];
        }
        dh[a] += v;
      }
    }
    loss /= n;
    for (int d = 0; d < g.length; d++) {
      loss += FOLD_IN_L2 * g[d] * g[d];
      dg[d] += 2 * FOLD_IN_L2 * g[d];
    }
    for (int a = 0; a < h.length; a++) {
      loss += FOLD_IN_L2 * h[a] * h[a];
      dh[a] += 2 * FOLD_IN_L2 * h[a];
    }
    return loss;
  }

  /**
   * Fits GMF and MLP user vectors to a list of items with the item side frozen (see the class
   * comment).
   *
   * @param fz the frozen item side
   * @param items the user's items
   * @return the GMF vector and the MLP vector
   */
  float[][] foldIn(Frozen fz, int[] items) {
    double[][] v = {toDouble(fz.gmfUserMean), toDouble(fz.mlpUserMean)};
    int[] pos = Arrays.stream(items).filter(i -> i >= 0 && i < numItems).distinct().toArray();
    if (pos.length > 0 && pos.length < numItems) {
      boolean[] has = new boolean[numItems];
      for (int i : pos) {
        has[i] = true;
      }
      SplittableRandom rng =
          new SplittableRandom(NeuralLoop.mix(0x4E65754DL, Arrays.hashCode(pos), pos.length));
      int k = o.negatives();
      int n = pos.length * (1 + k);
      float[] labels = new float[n];
      int[] idx = new int[n];
      for (int r = 0; r < pos.length; r++) {
        labels[r * (1 + k)] = 1f;
        idx[r * (1 + k)] = pos[r];
      }
      double[][] grad = {new double[v[0].length], new double[v[1].length]};
      double[][] m1 = {new double[v[0].length], new double[v[1].length]};
      double[][] m2 = {new double[v[0].length], new double[v[1].length]};
      double lr = o.foldInRate();
      double[][] itemPart = new double[numItems][];
      for (int step = 1; step <= o.foldInSteps(); step++) {
        for (int r = 0; r < pos.length; r++) {
          for (int j = 1; j <= k; j++) {
            int i = rng.nextInt(numItems);
            for (int t = 0; t < 64 && has[i]; t++) {
              i = rng.nextInt(numItems);
            }
            idx[r * (1 + k) + j] = i;
          }
        }
        foldInLoss(fz, v[0], v[1], idx, labels, grad[0], grad[1], itemPart);
        double c1 = 1 - Math.pow(0.9, step);
        double c2 = 1 - Math.pow(0.999, step);
        for (int a = 0; a < 2; a++) {
          for (int d = 0; d < v[a].length; d++) {
            m1[a][d] = 0.9 * m1[a][d] + 0.1 * grad[a][d];
            m2[a][d] = 0.999 * m2[a][d] + 0.001 * grad[a][d] * grad[a][d];
            v[a][d] -= lr * (m1[a][d] / c1) / (Math.sqrt(m2[a][d] / c2) + 1e-8);
          }
        }
      }
    }
    float[][] out = new float[2][];
    for (int a = 0; a < 2; a++) {
      out[a] = new float[v[a].length];
      for (int d = 0; d < v[a].length; d++) {
        out[a][d] = (float) v[a][d];
      }
    }
    return out;
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
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
      Frozen fz = new Frozen(p);
      for (int r = 0; r < b; r++) {
        if (users[r] < 0 || users[r] >= numUsers) {
          float[][] v = foldIn(fz, histories[r]);
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
