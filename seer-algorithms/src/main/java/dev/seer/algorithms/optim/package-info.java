/**
 * Gradient-based optimisers for the factor and linear models: plain gradient descent, SGD with
 * momentum, and Adam, working on {@code float[]} parameter blocks laid out as rows of equal width
 * and updated one row at a time, so that a minibatch only touches the rows it has gradients for
 * ({@link dev.seer.algorithms.optim.SparseGradient} collects those rows).
 */
package dev.seer.algorithms.optim;
