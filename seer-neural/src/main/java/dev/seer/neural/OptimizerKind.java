package dev.seer.neural;

/** The gradient optimisers of the training loop. */
public enum OptimizerKind {
  /** Adam (Kingma and Ba, 2015) with bias correction; weight decay is added to the gradient. */
  ADAM,
  /** Plain stochastic gradient descent with momentum 0.9. */
  SGD
}
