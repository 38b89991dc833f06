package dev.seer.neural;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication and division by a constant that is safe under autograd.
 *
 * <p>DJL's {@code x.mul(Number)} and {@code x.div(Number)} create the constant as a tensor over a
 * Java direct buffer and close it as soon as the operation returns. PyTorch's autograd keeps that
 * tensor for the backward pass ({@code d(x·c)/dx = c}), but it does not own the memory: once the
 * JVM frees the buffer, the backward pass reads freed memory and produces wrong gradients, or NaN.
 * Whether that happens depends on when the garbage collector runs, so training stopped being
 * reproducible for the same seed. Here the constant lives in {@code x}'s manager instead, which
 * closes only after the step's backward pass.
 */
final class Scalars {
  private Scalars() {}

  /** Returns {@code x · c} with {@code c} kept alive as long as {@code x}'s manager. */
  static NDArray times(NDArray x, float c) {
    return x.mul(x.getManager().create(c));
  }

  /** Returns {@code x / c} with {@code c} kept alive as long as {@code x}'s manager. */
  static NDArray over(NDArray x, float c) {
    return x.div(x.getManager().create(c));
  }
}
