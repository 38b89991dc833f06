package dev.seer.algorithms.optim;

/**
 * {@link OptimizerKind#MOMENTUM}: {@code v <- mu * v + g; x <- x - lr * v}, with one velocity per
 * parameter. Lazy: a row's velocity decays only on the steps in which the row is updated.
 */
final class Momentum extends RowOptimizer {
  private final double lr;
  private final double mu;
  private final float[] velocity;
  private final long[] steps;

  Momentum(int rows, int dim, double lr, double mu) {
    super(rows, dim);
    this.lr = lr;
    this.mu = mu;
    this.velocity = new float[rows * dim];
    this.steps = new long[rows];
  }

  @Override
  public void update(float[] params, int row, float[] grad, int gradOffset) {
    int d = dim();
    int base = row * d;
    for (int k = 0; k < d; k++) {
      double v = mu * velocity[base + k] + grad[gradOffset + k];
      velocity[base + k] = (float) v;
      params[base + k] = (float) (params[base + k] - lr * v);
    }
    steps[row]++;
  }

  @Override
  public long steps(int row) {
    return steps[row];
  }
}
