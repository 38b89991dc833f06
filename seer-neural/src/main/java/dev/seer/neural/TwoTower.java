package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
 * The two-tower retrieval model. Each training example is a random prefix of a user's sequence and
 * the item that follows it; the other examples' next items in the batch are the negatives (the
 * user's own items and the same item are masked out). Feature vectors, when given, are a fixed
 * parameter, so an item without interactions still gets a vector from its features.
 */
final class TwoTower extends Network {
  private static final float NEG = -1e9f;
  private final TwoTowerOptions o;
  private float[] features;

  TwoTower(int numUsers, int numItems, TwoTowerOptions o) {
    super(numUsers, numItems);
    this.o = o;
    if (!o.idEmbeddings() && o.featureDims() == 0) {
      throw new dev.seer.api.InputException(
          "two-tower with id-embeddings=false needs item features; give them with"
              + " withItemFeatures or keep id-embeddings=true.");
    }
  }

  /** Sets the item features (row-major, numItems x featureDims) before training. */
  void features(float[][] byItem) {
    int f = o.featureDims();
    float[] flat = new float[numItems * f];
    for (int i = 0; i < numItems; i++) {
      System.arraycopy(byItem[i], 0, flat, i * f, f);
    }
    this.features = flat;
  }

  @Override
  String algorithm() {
    return TwoTowerOptions.ALGORITHM;
  }

  @Override
  Map<String, String> options() {
    return o.asMap();
  }

  @Override
  List<ParamSpec> specs() {
    int d = o.dims();
    List<ParamSpec> s = new ArrayList<>();
    s.add(ParamSpec.of("history", Init.EMBEDDING, numItems + 1L, d));
    s.add(ParamSpec.of("user1.weight", Init.XAVIER, d, o.hidden()));
    s.add(ParamSpec.of("user1.bias", Init.ZEROS, o.hidden()));
    s.add(ParamSpec.of("user2.weight", Init.XAVIER, o.hidden(), d));
    s.add(ParamSpec.of("user2.bias", Init.ZEROS, d));
    if (o.idEmbeddings()) {
      s.add(ParamSpec.of("item", Init.EMBEDDING, numItems, d));
    }
    if (o.featureDims() > 0) {
      s.add(ParamSpec.of("features", Init.FIXED, numItems, o.featureDims()));
      s.add(ParamSpec.of("itemf.weight", Init.XAVIER, o.featureDims(), d));
      s.add(ParamSpec.of("itemf.bias", Init.ZEROS, d));
    }
    return s;
  }

  @Override
  float[] initial(ParamSpec spec, SplittableRandom rng) {
    if (spec.init() == Init.FIXED) {
      if (features == null) {
        throw new dev.seer.api.InputException(
            "two-tower has feature-dims="
                + o.featureDims()
                + " but no item features were given; pass them with withItemFeatures.");
      }
      return features.clone();
    }
    return spec.initial(rng);
  }

  @Override
  int[] units(TrainData data) {
    int[] users = super.units(data);
    int s = o.samplesPerUser();
    int[] out = new int[users.length * s];
    for (int k = 0; k < out.length; k++) {
      out[k] = users[k / s];
    }
    return out;
  }

  private static NDArray normalize(NDArray x) {
    return x.div(x.norm(new int[] {-1}, true).add(1e-6f));
  }

  private NDArray userVectors(Params p, long[] windows, int b, NDManager m) {
    int len = o.maxLength();
    NDArray idx = m.create(windows, new Shape(b, len));
    NDArray keep = idx.neq(numItems).toType(DataType.FLOAT32, false).expandDims(2);
    NDArray e = Embedding.embedding(idx, p.get("history"), SparseFormat.DENSE).singletonOrThrow();
    NDArray mean = e.mul(keep).sum(new int[] {1}).div(keep.sum(new int[] {1}).maximum(1f));
    NDArray h = Activation.relu(mean.matMul(p.get("user1.weight")).add(p.get("user1.bias")));
    return normalize(h.matMul(p.get("user2.weight")).add(p.get("user2.bias")).add(mean));
  }

  private NDArray itemVectors(Params p, NDArray items) {
    NDArray v = null;
    if (o.idEmbeddings()) {
      v = Embedding.embedding(items, p.get("item"), SparseFormat.DENSE).singletonOrThrow();
    }
    if (o.featureDims() > 0) {
      NDArray f =
          Embedding.embedding(items, p.get("features"), SparseFormat.DENSE).singletonOrThrow();
      NDArray proj = f.matMul(p.get("itemf.weight")).add(p.get("itemf.bias"));
      v = v == null ? proj : v.add(proj);
    }
    return normalize(v);
  }

  private long[] windows(int[][] histories) {
    int len = o.maxLength();
    long[] w = new long[histories.length * len];
    for (int r = 0; r < histories.length; r++) {
      int[] win = Sequences.window(histories[r], len, numItems);
      for (int j = 0; j < len; j++) {
        w[r * len + j] = win[j];
      }
    }
    return w;
  }

  @Override
  NDArray loss(Params p, TrainData data, int[] units, SplittableRandom rng, NDManager m) {
    int b = units.length;
    int[][] prefixes = new int[b][];
    long[] targets = new long[b];
    for (int r = 0; r < b; r++) {
      int[] seq = data.sequences[units[r]];
      int t = 1 + rng.nextInt(seq.length - 1);
      prefixes[r] = java.util.Arrays.copyOf(seq, t);
      targets[r] = seq[t];
    }
    float[] mask = new float[b * b];
    for (int r = 0; r < b; r++) {
      for (int c = 0; c < b; c++) {
        if (c != r && (targets[c] == targets[r] || data.has(units[r], (int) targets[c]))) {
          mask[r * b + c] = NEG;
        }
      }
    }
    NDArray u = userVectors(p, windows(prefixes), b, m);
    NDArray v = itemVectors(p, m.create(targets, new Shape(b)));
    NDArray logits =
        Scalars.over(u.matMul(v.transpose()), (float) o.temperature())
            .add(m.create(mask, new Shape(b, b)));
    NDArray eye = m.eye(b);
    return Scalars.over(logits.logSoftmax(1).mul(eye).sum().neg(), b);
  }

  @Override
  NDArray scores(Params p, int[] users, int[][] histories, NDManager m) {
    NDArray u = userVectors(p, windows(histories), histories.length, m);
    long[] all = new long[numItems];
    for (int i = 0; i < numItems; i++) {
      all[i] = i;
    }
    NDArray v = itemVectors(p, m.create(all, new Shape(numItems)));
    return Scalars.over(u.matMul(v.transpose()), (float) o.temperature());
  }
}
