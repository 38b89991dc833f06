package dev.seer.algorithms.optim;

/** The update rules of {@link OptimizerSpec}. */
public enum OptimizerKind {
  /**
   * Gradient descent, {@code x <- x - lr * g}; stochastic gradient descent when the gradients come
   * from samples.
   */
  SGD,
  /**
   * Gradient descent with heavy-ball momentum (B. T. Polyak, "Some methods of speeding up the
   * convergence of iteration methods", USSR Comp. Math. and Math. Physics 4(5), 1964): {@code v <-
   * mu * v + g; x <- x - lr * v}.
   */
  MOMENTUM,
  /**
   * Adam (D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), with
   * bias-corrected first and second moment estimates.
   */
  ADAM
}
