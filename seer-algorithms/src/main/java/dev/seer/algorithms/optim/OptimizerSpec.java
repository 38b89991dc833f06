package dev.seer.algorithms.optim;

import dev.seer.api.InputException;

/**
 * An immutable optimiser configuration that creates {@link RowOptimizer}s.
 *
 * @param kind the update rule
 * @param learningRate step size, finite and greater than 0
 * @param momentum momentum coefficient {@code mu} of {@link OptimizerKind#MOMENTUM}, in {@code [0,
 *     1)}; ignored by the other rules
 * @param beta1 Adam's decay of the first moment, in {@code [0, 1)}; ignored by the other rules
 * @param beta2 Adam's decay of the second moment, in {@code [0, 1)}; ignored by the other rules
 * @param epsilon Adam's denominator guard, greater than 0; ignored by the other rules
 */
public record OptimizerSpec(
    OptimizerKind kind,
    double learningRate,
    double momentum,
    double beta1,
    double beta2,
    double epsilon) {
  /** Validates the configuration. */
  public OptimizerSpec {
    if (kind == null) {
      throw new InputException("optimizer is missing; give one of sgd, momentum, adam.");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new InputException(
          "learningRate=" + learningRate + " is not valid; give a finite number greater than 0.");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new InputException(
          "momentum=" + momentum + " is not valid; give a number from 0 up to (not including) 1.");
    }
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new InputException(
          "beta1=" + beta1 + " is not valid; give a number from 0 up to (not including) 1.");
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new InputException(
          "beta2=" + beta2 + " is not valid; give a number from 0 up to (not including) 1.");
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new InputException(
          "epsilon=" + epsilon + " is not valid; give a finite number greater than 0.");
    }
  }

  /**
   * Returns plain gradient descent.
   *
   * @param learningRate the step size
   * @return the configuration
   */
  public static OptimizerSpec sgd(double learningRate) {
    return new OptimizerSpec(OptimizerKind.SGD, learningRate, 0.9, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns gradient descent with momentum.
   *
   * @param learningRate the step size
   * @param momentum the momentum coefficient
   * @return the configuration
   */
  public static OptimizerSpec momentum(double learningRate, double momentum) {
    return new OptimizerSpec(OptimizerKind.MOMENTUM, learningRate, momentum, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns Adam with the paper's defaults {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code
   * epsilon = 1e-8}.
   *
   * @param learningRate the step size (the paper's {@code alpha})
   * @return the configuration
   */
  public static OptimizerSpec adam(double learningRate) {
    return new OptimizerSpec(OptimizerKind.ADAM, learningRate, 0.9, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns the same rule of another kind or learning rate, keeping the other coefficients.
   *
   * @param k the rule
   * @param lr the step size
   * @return the configuration
   */
  public OptimizerSpec with(OptimizerKind k, double lr) {
    return new OptimizerSpec(k, lr, momentum, beta1, beta2, epsilon);
  }

  /**
   * Creates the optimiser state for a parameter block of {@code rows x dim} values.
   *
   * @param rows number of rows, at least 0
   * @param dim values per row, at least 1
   * @return a fresh optimiser with all state at zero
   */
  public RowOptimizer create(int rows, int dim) {
    if (rows < 0 || dim < 1 || (long) rows * dim > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("bad parameter block shape " + rows + " x " + dim);
    }
    switch (kind) {
      case SGD:
        return new GradientDescent(rows, dim, learningRate);
      case MOMENTUM:
        return new Momentum(rows, dim, learningRate, momentum);
      case ADAM:
        return new Adam(rows, dim, learningRate, beta1, beta2, epsilon);
      default:
        throw new IllegalStateException("unknown optimizer " + kind);
    }
  }
}
