package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import java.util.SplittableRandom;

/**
 * A sequence encoder trained to predict the next item at every position (SASRec, GRU4Rec, Caser).
 * Inputs are the last {@code maxLength} items, left-padded with the padding index {@code numItems};
 * an item's score is the dot product of the last position's hidden vector with the item's embedding
 * (shared between input and output, as in SASRec).
 */
abstract class NextItemNetwork extends Network {
  static final String ITEM = "item";

  final int dims;
  final int maxLength;
  final float dropout;
  final Loss loss;
  final int negatives;
  final double gbceT;

  NextItemNetwork(
      int numUsers,
      int numItems,
      int dims,
      int maxLength,
      double dropout,
      Loss loss,
      int negatives,
      double gbceT) {
    super(numUsers, numItems);
    this.dims = dims;
    this.maxLength = maxLength;
    this.dropout = (float) dropout;
    this.loss = loss;
    this.negatives = negatives;
    this.gbceT = gbceT;
  }

  int pad() {
    return numItems;
  }

  /**
   * Encodes padded input sequences.
   *
   * @param p parameters
   * @param input item indices of shape (batch, maxLength), int64
   * @param training whether dropout is active
   * @return hidden vectors of shape (batch, maxLength, dims)
   */
  abstract NDArray encode(Params p, NDArray input, boolean training);

  NDArray embed(Params p, NDArray input) {
    return Embedding.embedding(input, p.get(ITEM), SparseFormat.DENSE).singletonOrThrow();
  }

  NDArray outputItems(Params p) {
    return p.get(ITEM).get(new NDIndex("0:" + numItems));
  }

  /** Draws the sampled negatives of a training batch. */
  interface Negatives {
    /**
     * Draws one negative.
     *
     * @param row the batch row
     * @param slot the position in the batch's negative array ({@code row * length + position} with
     *     one negative per position, else {@code row * negatives + k})
     * @param user the row's user
     * @param rng the sampling generator
     * @return an item index
     */
    int draw(int row, int slot, int user, SplittableRandom rng);
  }

  /**
   * A training batch's loss and what a negative sampler needs to judge its negatives.
   *
   * @param loss the scalar loss
   * @param negLogits logits of the negatives, (batch, length, 1) with one negative per position,
   *     else (batch, length, negatives)
   * @param mask 1 at the (batch, length) positions that are trained, else 0
   * @param perPosition whether each position has its own negative
   * @param length the window length
   * @param negatives negatives per row when they are shared by the positions
   */
  record Batch(
      NDArray loss,
      NDArray negLogits,
      float[] mask,
      boolean perPosition,
      int length,
      int negatives) {}

  @Override
  NDArray loss(Params p, TrainData data, int[] units, SplittableRandom rng, NDManager m) {
    return batch(p, data, units, rng, m, (row, slot, user, r) -> data.negative(user, r)).loss();
  }

  /** Builds the loss of a batch with negatives from a sampler. */
  Batch batch(
      Params p, TrainData data, int[] units, SplittableRandom rng, NDManager m, Negatives sampler) {
    int b = units.length;
    int len = maxLength;
    long[] in = new long[b * len];
    long[] target = new long[b * len];
    float[] mask = new float[b * len];
    boolean perPosition = negatives == 1;
    long[] neg = new long[perPosition ? b * len : b * negatives];
    for (int r = 0; r < b; r++) {
      int u = units[r];
      int[] seq = data.sequences[u];
      int n = seq.length;
      // inputs seq[0..n-2], targets seq[1..n-1], aligned to the right end of the window
      int take = Math.min(len, n - 1);
      for (int j = 0; j < len; j++) {
        int q = j - (len - take); // position inside the taken part
        int base = r * len + j;
        if (q < 0) {
          in[base] = pad();
          target[base] = pad();
        } else {
          int src = n - 1 - take + q;
          in[base] = seq[src];
          target[base] = seq[src + 1];
          mask[base] = 1f;
          if (perPosition) {
            neg[base] = sampler.draw(r, base, u, rng);
          }
        }
      }
      if (!perPosition) {
        for (int k = 0; k < negatives; k++) {
          neg[r * negatives + k] = sampler.draw(r, r * negatives + k, u, rng);
        }
      }
    }
    NDArray input = m.create(in, new Shape(b, len));
    NDArray h = encode(p, input, true); // (b, len, d)
    NDArray items = p.get(ITEM);
    NDArray posEmb =
        Embedding.embedding(m.create(target, new Shape(b, len)), items, SparseFormat.DENSE)
            .singletonOrThrow();
    NDArray pos = h.mul(posEmb).sum(new int[] {2}); // (b, len)
    NDArray negLogits;
    if (perPosition) {
      NDArray negEmb =
          Embedding.embedding(m.create(neg, new Shape(b, len)), items, SparseFormat.DENSE)
              .singletonOrThrow();
      negLogits = h.mul(negEmb).sum(new int[] {2}).expandDims(2); // (b, len, 1)
    } else {
      NDArray negEmb =
          Embedding.embedding(m.create(neg, new Shape(b, negatives)), items, SparseFormat.DENSE)
              .singletonOrThrow(); // (b, k, d)
      negLogits = h.batchMatMul(negEmb.transpose(0, 2, 1)); // (b, len, k)
    }
    NDArray valid = m.create(mask, new Shape(b, len));
    NDArray perRow;
    if (loss == Loss.SAMPLED_SOFTMAX) {
      NDArray logits = pos.expandDims(2).concat(negLogits, 2); // (b, len, 1 + k)
      perRow = logits.logSoftmax(2).get(new NDIndex(":, :, 0")).neg();
    } else {
      double beta = loss == Loss.GBCE ? gbceBeta() : 1.0;
      NDArray posTerm = Scalars.times(Activation.softPlus(pos.neg()), (float) beta);
      NDArray negTerm = Activation.softPlus(negLogits).sum(new int[] {2});
      perRow = posTerm.add(negTerm);
    }
    float count = 0;
    for (float v : mask) {
      count += v;
    }
    NDArray total = Scalars.over(perRow.mul(valid).sum(), Math.max(1f, count));
    return new Batch(total, negLogits, mask, perPosition, len, negatives);
  }

  /** The gBCE exponent {@code β = α(t(1 - 1/α) + 1/α)} with {@code α = k / (items - 1)}. */
  double gbceBeta() {
    double alpha = (double) negatives / Math.max(1, numItems - 1);
    return alpha * (gbceT * (1 - 1 / alpha) + 1 / alpha);
  }

  @Override
  NDArray scores(Params p, int[] users, int[][] histories, NDManager m) {
    int b = histories.length;
    long[] in = new long[b * maxLength];
    for (int r = 0; r < b; r++) {
      int[] w = Sequences.window(histories[r], maxLength, pad());
      for (int j = 0; j < maxLength; j++) {
        in[r * maxLength + j] = w[j];
      }
    }
    NDArray h = encode(p, m.create(in, new Shape(b, maxLength)), false);
    NDArray last = h.get(new NDIndex(":, -1, :")); // (b, d)
    return last.matMul(outputItems(p).transpose());
  }

  /** Returns a (batch, len, 1) float mask that is 1 at real items and 0 at padding. */
  NDArray keepMask(NDArray input) {
    return input.neq(pad()).toType(DataType.FLOAT32, false).expandDims(2);
  }
}
