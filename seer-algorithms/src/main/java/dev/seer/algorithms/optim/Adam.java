package dev.seer.algorithms.optim;

import java.util.Arrays;

/**
 * {@link OptimizerKind#ADAM}, Algorithm 1 of Kingma and Ba (ICLR 2015), in a lazy per-row form.
 *
 * <p>Each row keeps its own step count {@code t}, incremented only when the row is updated, and its
 * own first and second moment estimates {@code m} and {@code v}, which decay only on those steps.
 * One update of a row is, per value:
 *
 * <pre>
 *   t <- t + 1
 *   m <- beta1 * m + (1 - beta1) * g
 *   v <- beta2 * v + (1 - beta2) * g^2
 *   x <- x - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 *
 * So every row follows the paper's dense Adam exactly on the subsequence of steps in which it
 * received a gradient, bias correction included. This differs from dense Adam, where the moments of
 * a row with zero gradient still decay and the bias correction uses the global step; it matches
 * what is often called "lazy" or "sparse" Adam, with the bias correction counted per row so that a
 * rarely seen row is not overcorrected on its first update.
 */
final class Adam extends RowOptimizer {
  private final double lr;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final float[] m;
  private final float[] v;
  private final long[] steps;
  private final double[] pow1;
  private final double[] pow2;

  Adam(int rows, int dim, double lr, double beta1, double beta2, double eps) {
    super(rows, dim);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new float[rows * dim];
    this.v = new float[rows * dim];
    this.steps = new long[rows];
    this.pow1 = new double[rows];
    this.pow2 = new double[rows];
    Arrays.fill(pow1, 1.0);
    Arrays.fill(pow2, 1.0);
  }

  @Override
  public void update(float[] params, int row, float[] grad, int gradOffset) {
    int d = dim();
    int base = row * d;
    steps[row]++;
    pow1[row] *= beta1;
    pow2[row] *= beta2;
    double step = lr / (1 - pow1[row]); // lr times the first-moment bias correction
    double invC2 = 1 / (1 - pow2[row]);
    double oneMinusB1 = 1 - beta1;
    double oneMinusB2 = 1 - beta2;
    for (int k = 0; k < d; k++) {
      double g = grad[gradOffset + k];
      double mk = beta1 * m[base + k] + oneMinusB1 * g;
      double vk = beta2 * v[base + k] + oneMinusB2 * g * g;
      m[base + k] = (float) mk;
      v[base + k] = (float) vk;
      params[base + k] = (float) (params[base + k] - step * mk / (Math.sqrt(vk * invC2) + eps));
    }
  }

  @Override
  public long steps(int row) {
    return steps[row];
  }
}
