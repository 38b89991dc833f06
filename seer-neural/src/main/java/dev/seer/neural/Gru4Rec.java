package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import dev.seer.neural.ParamSpec.Init;
import java.util.List;
import java.util.Map;

/**
 * GRU4Rec: item embeddings through one GRU (or LSTM) layer (PyTorch's fused kernel); the hidden
 * state at each position predicts the next item. Padding positions feed zero vectors.
 */
final class Gru4Rec extends NextItemNetwork {
  private final Gru4RecOptions o;
  private final int gates;

  Gru4Rec(int numUsers, int numItems, Gru4RecOptions o) {
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
    this.gates = o.cell() == Gru4RecOptions.Cell.GRU ? 3 : 4;
  }

  @Override
  String algorithm() {
    return Gru4RecOptions.ALGORITHM;
  }

  @Override
  Map<String, String> options() {
    return o.asMap();
  }

  @Override
  List<ParamSpec> specs() {
    long h = (long) gates * dims;
    return List.of(
        ParamSpec.of(ITEM, Init.EMBEDDING, numItems + 1L, dims),
        ParamSpec.of("rnn.w_ih", Init.XAVIER, h, dims),
        ParamSpec.of("rnn.w_hh", Init.XAVIER, h, dims),
        ParamSpec.of("rnn.b_ih", Init.ZEROS, h),
        ParamSpec.of("rnn.b_hh", Init.ZEROS, h));
  }

  @Override
  NDArray encode(Params p, NDArray input, boolean training) {
    long b = input.getShape().get(0);
    NDArray x = embed(p, input).mul(keepMask(input));
    x = drop(x, training);
    NDList weights =
        new NDList(p.get("rnn.w_ih"), p.get("rnn.w_hh"), p.get("rnn.b_ih"), p.get("rnn.b_hh"));
    NDArray h0 = x.getManager().zeros(new Shape(1, b, dims));
    NDList out;
    if (gates == 3) {
      out = x.getNDArrayInternal().gru(x, h0, weights, true, 1, 0, training, false, true);
    } else {
      NDArray c0 = x.getManager().zeros(new Shape(1, b, dims));
      out =
          x.getNDArrayInternal()
              .lstm(x, new NDList(h0, c0), weights, true, 1, 0, training, false, true);
    }
    return drop(out.get(0), training);
  }

  private NDArray drop(NDArray x, boolean training) {
    return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
  }
}
