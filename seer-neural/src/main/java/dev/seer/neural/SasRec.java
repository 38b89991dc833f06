package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import dev.seer.neural.ParamSpec.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SASRec: item plus learned positional embeddings, then pre-norm blocks of causal multi-head
 * self-attention and a position-wise feed-forward layer, each with dropout and a residual
 * connection. Position {@code t} attends only to positions {@code <= t} (an explicit additive mask)
 * and never to padding.
 */
final class SasRec extends NextItemNetwork {
  private static final float NEG = -1e9f;
  private final SasRecOptions o;

  SasRec(int numUsers, int numItems, SasRecOptions o) {
    super(
        numUsers,
        numItems,
        o.dims(),
        o.maxLength(),
        o.dropout(),
        o.loss(),
        o.negatives(),
        o.gbceT());
    this.o = o;
  }

  @Override
  String algorithm() {
    return SasRecOptions.ALGORITHM;
  }

  @Override
  Map<String, String> options() {
    return o.asMap();
  }

  @Override
  List<ParamSpec> specs() {
    List<ParamSpec> s = new ArrayList<>();
    s.add(ParamSpec.of(ITEM, Init.EMBEDDING, numItems + 1L, dims));
    s.add(ParamSpec.of("position", Init.EMBEDDING, maxLength, dims));
    for (int b = 0; b < o.blocks(); b++) {
      String p = "block" + b + ".";
      s.add(ParamSpec.of(p + "ln1.gamma", Init.ONES, dims));
      s.add(ParamSpec.of(p + "ln1.beta", Init.ZEROS, dims));
      for (String w : new String[] {"query", "key", "value", "out"}) {
        s.add(ParamSpec.of(p + w + ".weight", Init.XAVIER, dims, dims));
        s.add(ParamSpec.of(p + w + ".bias", Init.ZEROS, dims));
      }
      s.add(ParamSpec.of(p + "ln2.gamma", Init.ONES, dims));
      s.add(ParamSpec.of(p + "ln2.beta", Init.ZEROS, dims));
      s.add(ParamSpec.of(p + "ff1.weight", Init.XAVIER, dims, dims));
      s.add(ParamSpec.of(p + "ff1.bias", Init.ZEROS, dims));
      s.add(ParamSpec.of(p + "ff2.weight", Init.XAVIER, dims, dims));
      s.add(ParamSpec.of(p + "ff2.bias", Init.ZEROS, dims));
    }
    s.add(ParamSpec.of("final.gamma", Init.ONES, dims));
    s.add(ParamSpec.of("final.beta", Init.ZEROS, dims));
    return s;
  }

  @Override
  NDArray encode(Params p, NDArray input, boolean training) {
    long b = input.getShape().get(0);
    int len = maxLength;
    NDArray keep = keepMask(input); // (b, len, 1)
    NDArray x = Scalars.times(embed(p, input), (float) Math.sqrt(dims)).add(p.get("position"));
    x = drop(x, training).mul(keep);
    // additive mask (b, 1, len, len): -1e9 where key j > query i (the future) or key j is padding
    float[] causal = new float[len * len];
    for (int i = 0; i < len; i++) {
      for (int j = i + 1; j < len; j++) {
        causal[i * len + j] = NEG;
      }
    }
    NDArray mask =
        input
            .getManager()
            .create(causal, new Shape(1, 1, len, len))
            .add(keep.squeeze(2).sub(1f).mul(-NEG).reshape(b, 1, 1, len));
    int heads = o.heads();
    int dh = dims / heads;
    for (int blk = 0; blk < o.blocks(); blk++) {
      String pre = "block" + blk + ".";
      NDArray y = norm(p, x, pre + "ln1");
      NDArray q = split(linear(p, y, pre + "query"), b, heads, dh);
      NDArray k = split(linear(p, y, pre + "key"), b, heads, dh);
      NDArray v = split(linear(p, y, pre + "value"), b, heads, dh);
      NDArray att =
          Scalars.over(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(dh))
              .add(mask)
              .softmax(3);
      att = drop(att, training);
      NDArray ctx = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, len, dims);
      x = x.add(drop(linear(p, ctx, pre + "out"), training));
      NDArray f = Activation.relu(linear(p, norm(p, x, pre + "ln2"), pre + "ff1"));
      f = linear(p, drop(f, training), pre + "ff2");
      x = x.add(drop(f, training)).mul(keep);
    }
    return norm(p, x, "final");
  }

  private NDArray split(NDArray x, long b, int heads, int dh) {
    return x.reshape(b, maxLength, heads, dh).transpose(0, 2, 1, 3);
  }

  private NDArray drop(NDArray x, boolean training) {
    return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
  }

  static NDArray linear(Params p, NDArray x, String name) {
    return x.matMul(p.get(name + ".weight")).add(p.get(name + ".bias"));
  }

  private NDArray norm(Params p, NDArray x, String name) {
    return LayerNorm.layerNorm(
            x, new Shape(dims), p.get(name + ".gamma"), p.get(name + ".beta"), 1e-8f)
        .singletonOrThrow();
  }
}
