package dev.seer.algorithms.content;

import dev.seer.algorithms.optim.RowOptimizer;
import dev.seer.api.SparseMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits one user's preference vector {@code theta} by softmax regression over the items, with the
 * item features fixed. The loss is {@code L(theta) = -(1/|P|) sum over v in P of log softmax_v +
 * (lambda / 2) |theta|^2}, where {@code P} is the user's distinct items and {@code softmax_v =
 * exp(theta . phi_v) / sum over all items w of exp(theta . phi_w)}. Its gradient is {@code sum over
 * w of softmax_w phi_w - mean over v in P of phi_v + lambda theta}. Each step computes it on the
 * whole item list (full softmax) and hands it to the optimiser. Above {@code fullSoftmaxLimit}
 * items the normaliser is estimated from the user's items plus {@code negatives} other items drawn
 * uniformly with replacement, each weighted by {@code (items - |P|) / negatives} (a sampled
 * softmax). Immutable; the work space is per call or per thread.
 */
final class PreferenceFit {
  private final SparseMatrix phi;
  private final ContentOptions options;
  private final int numItems;
  private final int dim;
  private final boolean sampled;

  PreferenceFit(SparseMatrix phi, ContentOptions options) {
    this.phi = phi;
    this.options = options;
    this.numItems = phi.rows();
    this.dim = phi.cols();
    this.sampled = numItems > options.fullSoftmaxLimit();
  }

  /** Tells whether the sampled softmax is used. */
  boolean sampled() {
    return sampled;
  }

  /** Per-thread work space. */
  final class Scratch {
    double[] scores;
    int[] cand;
    double[] weight;
    final float[] grad = new float[dim];
    final double[] posMean = new double[dim];
    final double[] g = new double[dim];

    Scratch() {
      int n = sampled ? options.negatives() + 16 : numItems;
      scores = new double[n];
      cand = new int[n];
      weight = new double[n];
    }
  }

  Scratch scratch() {
    return new Scratch();
  }

  /**
   * Fits the vector of a user with at least one item.
   *
   * @param pos holds the user's distinct items, ascending
   * @param from where they start in {@code pos}
   * @param to one past where they end
   * @param seed seeds the negative draws of the sampled softmax (unused by the full softmax)
   * @param s work space
   * @param theta receives the vector, {@code dim} values from {@code off}
   * @param off where the vector starts
   */
  void fit(int[] pos, int from, int to, long seed, Scratch s, float[] theta, int off) {
    float[] t = new float[dim];
    RowOptimizer opt = options.optimizerSpec().create(1, dim);
    int np = to - from;
    int[] ptr = phi.indptr();
    int[] idx = phi.indices();
    float[] val = phi.values();
    double[] posMean = s.posMean;
    Arrays.fill(posMean, 0);
    for (int k = from; k < to; k++) {
      int v = pos[k];
      for (int m = ptr[v]; m < ptr[v + 1]; m++) {
        posMean[idx[m]] += val[m];
      }
    }
    for (int f = 0; f < dim; f++) {
      posMean[f] /= np;
    }
    SplittableRandom rnd = sampled ? new SplittableRandom(seed) : null;
    float lambda = (float) options.regularization();
    float[] grad = s.grad;
    for (int e = 0; e < options.epochs(); e++) {
      int nc = candidates(pos, from, to, rnd, s);
      gradient(t, posMean, lambda, nc, s, grad);
      opt.update(t, 0, grad, 0);
    }
    System.arraycopy(t, 0, theta, off, dim);
  }

  /** Fills the candidate list and weights; returns its size. */
  private int candidates(int[] pos, int from, int to, SplittableRandom rnd, Scratch s) {
    if (!sampled) {
      return numItems;
    }
    int np = to - from;
    int need = np + options.negatives();
    if (s.cand.length < need) {
      s.cand = new int[need];
      s.weight = new double[need];
      s.scores = new double[need];
    }
    int n = 0;
    for (int k = from; k < to; k++) {
      s.cand[n] = pos[k];
      s.weight[n++] = 1;
    }
    int others = numItems - np;
    if (others > 0) {
      double w = (double) others / options.negatives();
      for (int k = 0; k < options.negatives(); k++) {
        int v;
        do {
          v = rnd.nextInt(numItems);
        } while (Arrays.binarySearch(pos, from, to, v) >= 0);
        s.cand[n] = v;
        s.weight[n++] = w;
      }
    }
    return n;
  }

  /** Writes the gradient of the (possibly sampled) loss at {@code t} into {@code grad}. */
  private void gradient(
      float[] t, double[] posMean, float lambda, int nc, Scratch s, float[] grad) {
    int[] ptr = phi.indptr();
    int[] idx = phi.indices();
    float[] val = phi.values();
    double[] sc = s.scores;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < nc; c++) {
      int v = sampled ? s.cand[c] : c;
      double x = 0;
      for (int m = ptr[v]; m < ptr[v + 1]; m++) {
        x += t[idx[m]] * val[m];
      }
      sc[c] = x;
      max = Math.max(max, x);
    }
    double z = 0;
    for (int c = 0; c < nc; c++) {
      double e = Math.exp(sc[c] - max) * (sampled ? s.weight[c] : 1);
      sc[c] = e;
      z += e;
    }
    double[] g = s.g;
    for (int f = 0; f < dim; f++) {
      g[f] = lambda * t[f] - posMean[f];
    }
    for (int c = 0; c < nc; c++) {
      int v = sampled ? s.cand[c] : c;
      double p = sc[c] / z;
      for (int m = ptr[v]; m < ptr[v + 1]; m++) {
        g[idx[m]] += p * val[m];
      }
    }
    for (int f = 0; f < dim; f++) {
      grad[f] = (float) g[f];
    }
  }

  /**
   * Returns the full-softmax loss of a vector for a user (for tests and diagnostics).
   *
   * @param pos the user's distinct items
   * @param theta the vector
   * @return {@code L(theta)}
   */
  double loss(int[] pos, float[] theta) {
    double[] s = new double[numItems];
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < numItems; v++) {
      double x = 0;
      for (int m = phi.rowStart(v); m < phi.rowEnd(v); m++) {
        x += theta[phi.indices()[m]] * phi.values()[m];
      }
      s[v] = x;
      max = Math.max(max, x);
    }
    double z = 0;
    for (double x : s) {
      z += Math.exp(x - max);
    }
    double logZ = max + Math.log(z);
    double nll = 0;
    for (int v : pos) {
      nll += logZ - s[v];
    }
    double sq = 0;
    for (float x : theta) {
      sq += (double) x * x;
    }
    return nll / pos.length + options.regularization() / 2 * sq;
  }
}
