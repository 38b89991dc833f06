package dev.seer.algorithms.optim;

/** {@link OptimizerKind#SGD}: {@code x <- x - lr * g}. Keeps only a step count per row. */
final class GradientDescent extends RowOptimizer {
  private final double lr;
  private final long[] steps;

  GradientDescent(int rows, int dim, double lr) {
    super(rows, dim);
    this.lr = lr;
    this.steps = new long[rows];
  }

  @Override
  public void update(float[] params, int row, float[] grad, int gradOffset) {
    int d = dim();
    int base = row * d;
    for (int k = 0; k < d; k++) {
      params[base + k] = (float) (params[base + k] - lr * grad[gradOffset + k]);
    }
    steps[row]++;
  }

  @Override
  public long steps(int row) {
    return steps[row];
  }
}
