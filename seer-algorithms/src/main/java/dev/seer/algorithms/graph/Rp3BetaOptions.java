package dev.seer.algorithms.graph;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link Rp3BetaTrainer}. The defaults are the best of a search on a validation split of
 * MovieLens 1M ({@code docs/benchmarks/ml1m-implicit-tuning.tsv}).
 *
 * @param alpha exponent applied to every transition probability of the walk, 0 or more; default
 *     {@value Rp3BetaOptions#DEFAULT_ALPHA} (1 is the plain random walk)
 * @param beta popularity penalty: the walk's arrival probability at item {@code j} is divided by
 *     {@code deg(j)^beta}; 0 or more; default {@value Rp3BetaOptions#DEFAULT_BETA}
 * @param neighbours how many largest weights to keep per item, 1 to 1,000,000; default {@value
 *     Rp3BetaOptions#DEFAULT_NEIGHBOURS}
 * @param threads threads for training, or 0 (the default) for {@link
 *     dev.seer.api.TrainingContext#threads()}; results do not depend on it
 */
public record Rp3BetaOptions(double alpha, double beta, int neighbours, int threads) {
  /** The default {@code alpha}. */
  public static final double DEFAULT_ALPHA = 0.8;

  /** The default {@code beta}. */
  public static final double DEFAULT_BETA = 0.5;

  /** The default neighbour count. */
  public static final int DEFAULT_NEIGHBOURS = 200;

  /** Validates the options. */
  public Rp3BetaOptions {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new InputException(
          "alpha=" + alpha + " is not valid; give a finite number of 0 or more.");
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new InputException(
          "beta=" + beta + " is not valid; give a finite number of 0 or more.");
    }
    if (neighbours < 1 || neighbours > 1_000_000) {
      throw new InputException(
          "neighbours=" + neighbours + " is not valid; give a number from 1 to 1000000.");
    }
    if (threads < 0) {
      throw new InputException(
          "threads=" + threads + " is not valid; give 0 (use the default) or more.");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return the documented defaults
   */
  public static Rp3BetaOptions defaults() {
    return new Rp3BetaOptions(DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_NEIGHBOURS, 0);
  }

  /**
   * Returns a copy with another alpha.
   *
   * @param a alpha
   * @return the new options
   */
  public Rp3BetaOptions withAlpha(double a) {
    return new Rp3BetaOptions(a, beta, neighbours, threads);
  }

  /**
   * Returns a copy with another beta.
   *
   * @param b beta
   * @return the new options
   */
  public Rp3BetaOptions withBeta(double b) {
    return new Rp3BetaOptions(alpha, b, neighbours, threads);
  }

  /**
   * Returns a copy with another neighbour count.
   *
   * @param k neighbours per item
   * @return the new options
   */
  public Rp3BetaOptions withNeighbours(int k) {
    return new Rp3BetaOptions(alpha, beta, k, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param t threads, 0 for the context's
   * @return the new options
   */
  public Rp3BetaOptions withThreads(int t) {
    return new Rp3BetaOptions(alpha, beta, neighbours, t);
  }

  /**
   * Parses options from text, for example {@code alpha=0.8,beta=0.3}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static Rp3BetaOptions parse(Map<String, String> options) {
    Rp3BetaOptions d = defaults();
    OptionReader r = new OptionReader(Rp3BetaTrainer.ALGORITHM, options);
    double a = r.doubleValue("alpha", d.alpha());
    double b = r.doubleValue("beta", d.beta());
    int k = r.intValue("neighbours", d.neighbours());
    int threads = r.intValue("threads", d.threads());
    r.finish();
    return new Rp3BetaOptions(a, b, k, threads);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("alpha", Double.toString(alpha));
    m.put("beta", Double.toString(beta));
    m.put("neighbours", Integer.toString(neighbours));
    m.put("threads", Integer.toString(threads));
    return m;
  }
}
