package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import dev.seer.neural.ParamSpec.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Caser: at every position the embeddings of the last {@code window} items form a window x dims
 * "image"; vertical filters (window x 1) weight the rows, horizontal filters of every height h (h x
 * dims) are max-pooled over time; both feed a fully connected layer whose output is dotted with the
 * item embeddings. The user-embedding term of the paper is left out so that sessions of unknown
 * users fold in.
 */
final class Caser extends NextItemNetwork {
  private final CaserOptions o;

  Caser(int numUsers, int numItems, CaserOptions o) {
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
    return CaserOptions.ALGORITHM;
  }

  @Override
  Map<String, String> options() {
    return o.asMap();
  }

  private int features() {
    return o.vertical() * dims + o.horizontal() * o.window();
  }

  @Override
  List<ParamSpec> specs() {
    List<ParamSpec> s = new ArrayList<>();
    s.add(ParamSpec.of(ITEM, Init.EMBEDDING, numItems + 1L, dims));
    s.add(ParamSpec.of("vertical.weight", Init.XAVIER, o.vertical(), 1, o.window(), 1));
    s.add(ParamSpec.of("vertical.bias", Init.ZEROS, o.vertical()));
    for (int h = 1; h <= o.window(); h++) {
      s.add(ParamSpec.of("horizontal" + h + ".weight", Init.XAVIER, o.horizontal(), 1, h, dims));
      s.add(ParamSpec.of("horizontal" + h + ".bias", Init.ZEROS, o.horizontal()));
    }
    s.add(ParamSpec.of("fc.weight", Init.XAVIER, features(), dims));
    s.add(ParamSpec.of("fc.bias", Init.ZEROS, dims));
    return s;
  }

  @Override
  NDArray encode(Params p, NDArray input, boolean training) {
    long b = input.getShape().get(0);
    int len = maxLength;
    int w = o.window();
    // windows (b, len, w): the w items ending at each position, padded on the left
    NDArray padded =
        input
            .getManager()
            .full(new Shape(b, w - 1), (float) pad(), ai.djl.ndarray.types.DataType.INT64)
            .concat(input, 1);
    NDList shifted = new NDList();
    for (int s = 0; s < w; s++) {
      shifted.add(padded.get(new NDIndex(":, " + s + ":" + (s + len))));
    }
    NDArray windows = NDArrays.stack(shifted, 2);
    NDArray keep = windows.neq(pad()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    NDArray e = embed(p, windows).mul(keep.expandDims(3)); // (b, len, w, d)
    NDArray img = e.reshape(b * len, 1, w, dims);
    NDArray v =
        Conv2d.conv2d(img, p.get("vertical.weight"), p.get("vertical.bias"))
            .singletonOrThrow()
            .reshape(b * len, (long) o.vertical() * dims);
    NDList parts = new NDList(v);
    for (int h = 1; h <= w; h++) {
      NDArray c =
          Conv2d.conv2d(img, p.get("horizontal" + h + ".weight"), p.get("horizontal" + h + ".bias"))
              .singletonOrThrow(); // (b*len, nh, w-h+1, 1)
      parts.add(Activation.relu(c).squeeze(3).max(new int[] {2}));
    }
    NDArray z = NDArrays.concat(parts, 1);
    if (training && dropout > 0) {
      z = Dropout.dropout(z, dropout, true).singletonOrThrow();
    }
    z = Activation.relu(z.matMul(p.get("fc.weight")).add(p.get("fc.bias")));
    return z.reshape(b, len, dims);
  }
}
