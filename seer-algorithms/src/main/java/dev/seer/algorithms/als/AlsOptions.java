package dev.seer.algorithms.als;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link AlsTrainer}. The random initialisation takes its seed from {@link
 * dev.seer.api.TrainingContext#seed()}. The defaults of {@code regularization} and {@code alpha}
 * are the best of a search on a validation split of MovieLens 1M ({@code
 * docs/benchmarks/ml1m-implicit-tuning.tsv}); other data may need others.
 *
 * @param factors latent dimensions, 1 to 4096; default 64
 * @param regularization {@code λ}, the L2 penalty on every user and item vector, greater than 0;
 *     default {@value AlsOptions#DEFAULT_REGULARIZATION}
 * @param alpha confidence slope: an observed pair has confidence {@code 1 + alpha * r}, every other
 *     pair 1; 0 or more; default {@value AlsOptions#DEFAULT_ALPHA}
 * @param iterations alternating sweeps (users, then items), 1 to 10,000; default {@value
 *     AlsOptions#DEFAULT_ITERATIONS}
 * @param cgSteps conjugate-gradient steps per row and sweep, 1 to 1,000; default {@value
 *     AlsOptions#DEFAULT_CG_STEPS}
 * @param useRatings take {@code r} from the interaction values (which must then be 0 or more; pairs
 *     with value 0 count as unobserved, preference 0) instead of 1 per interaction; default false
 * @param threads threads for training, or 0 (the default) for {@link
 *     dev.seer.api.TrainingContext#threads()}; results do not depend on it
 * @param weightedRegularization penalise each row by {@code λ n} instead of {@code λ}, where {@code
 *     n} is the row's number of observed entries (at least 1): the weighted-λ of ALS-WR (Zhou,
 *     Wilkinson, Schreiber and Pan, AAIM 2008), which is what Spark MLlib's ALS does with its
 *     {@code regParam}. With it, {@code regularization} plays the part of MLlib's {@code regParam}
 *     (values near 0.01 to 1 instead of tens) and a model trained here and one trained by
 *     seer-spark with the same settings solve the same problem; default false. When it is on and no
 *     {@code regularization} is given, {@link #parse} takes {@value
 *     #DEFAULT_WEIGHTED_REGULARIZATION}
 */
public record AlsOptions(
    int factors,
    double regularization,
    double alpha,
    int iterations,
    int cgSteps,
    boolean useRatings,
    int threads,
    boolean weightedRegularization) {
  /** The default {@code λ}. */
  public static final double DEFAULT_REGULARIZATION = 80.0;

  /**
   * The default {@code λ} with {@code weightedRegularization} (the best of 0.1 to 1.6 on the same
   * MovieLens 1M validation split at α 6, validation NDCG@10 0.2526 against 0.2566 for the constant
   * λ 80; {@code docs/benchmarks/ml1m-als-regularization-tuning.tsv}).
   */
  public static final double DEFAULT_WEIGHTED_REGULARIZATION = 0.3;

  /** The default confidence slope. */
  public static final double DEFAULT_ALPHA = 6.0;

  /** The default number of sweeps. */
  public static final int DEFAULT_ITERATIONS = 15;

  /** The default number of conjugate-gradient steps. */
  public static final int DEFAULT_CG_STEPS = 3;

  /** Validates the options. */
  public AlsOptions {
    if (factors < 1 || factors > 4096) {
      throw new InputException(
          "factors=" + factors + " is not valid; give a number from 1 to 4096.");
    }
    if (!(regularization > 0) || Double.isInfinite(regularization)) {
      throw new InputException(
          "regularization="
              + regularization
              + " is not valid; give a finite number greater than 0.");
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new InputException(
          "alpha=" + alpha + " is not valid; give a finite number of 0 or more.");
    }
    if (iterations < 1 || iterations > 10_000) {
      throw new InputException(
          "iterations=" + iterations + " is not valid; give a number from 1 to 10000.");
    }
    if (cgSteps < 1 || cgSteps > 1000) {
      throw new InputException(
          "cgSteps=" + cgSteps + " is not valid; give a number from 1 to 1000.");
    }
    if (threads < 0) {
      throw new InputException(
          "threads=" + threads + " is not valid; give 0 (use the default) or more.");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return 64 factors and the documented defaults
   */
  public static AlsOptions defaults() {
    return new AlsOptions(
        64,
        DEFAULT_REGULARIZATION,
        DEFAULT_ALPHA,
        DEFAULT_ITERATIONS,
        DEFAULT_CG_STEPS,
        false,
        0,
        false);
  }

  /**
   * Returns a copy with another number of factors.
   *
   * @param f factors
   * @return the new options
   */
  public AlsOptions withFactors(int f) {
    return new AlsOptions(
        f, regularization, alpha, iterations, cgSteps, useRatings, threads, weightedRegularization);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param l {@code λ}
   * @return the new options
   */
  public AlsOptions withRegularization(double l) {
    return new AlsOptions(
        factors, l, alpha, iterations, cgSteps, useRatings, threads, weightedRegularization);
  }

  /**
   * Returns a copy with another confidence slope.
   *
   * @param a alpha
   * @return the new options
   */
  public AlsOptions withAlpha(double a) {
    return new AlsOptions(
        factors,
        regularization,
        a,
        iterations,
        cgSteps,
        useRatings,
        threads,
        weightedRegularization);
  }

  /**
   * Returns a copy with another number of sweeps.
   *
   * @param n iterations
   * @return the new options
   */
  public AlsOptions withIterations(int n) {
    return new AlsOptions(
        factors, regularization, alpha, n, cgSteps, useRatings, threads, weightedRegularization);
  }

  /**
   * Returns a copy with another number of conjugate-gradient steps.
   *
   * @param n steps per row
   * @return the new options
   */
  public AlsOptions withCgSteps(int n) {
    return new AlsOptions(
        factors, regularization, alpha, iterations, n, useRatings, threads, weightedRegularization);
  }

  /**
   * Returns a copy that does or does not use the interaction values.
   *
   * @param use whether to use them
   * @return the new options
   */
  public AlsOptions withUseRatings(boolean use) {
    return new AlsOptions(
        factors, regularization, alpha, iterations, cgSteps, use, threads, weightedRegularization);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param t threads, 0 for the context's
   * @return the new options
   */
  public AlsOptions withThreads(int t) {
    return new AlsOptions(
        factors, regularization, alpha, iterations, cgSteps, useRatings, t, weightedRegularization);
  }

  /**
   * Returns a copy with weighted-λ (ALS-WR) regularisation switched on or off.
   *
   * @param weighted whether each row's penalty is {@code λ} times its number of observed entries
   * @return the new options
   */
  public AlsOptions withWeightedRegularization(boolean weighted) {
    return new AlsOptions(
        factors, regularization, alpha, iterations, cgSteps, useRatings, threads, weighted);
  }

  /**
   * Parses options from text, for example {@code factors=32,alpha=10}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static AlsOptions parse(Map<String, String> options) {
    AlsOptions d = defaults();
    OptionReader r = new OptionReader(AlsTrainer.ALGORITHM, options);
    int f = r.intValue("factors", d.factors());
    boolean weighted = r.booleanValue("weightedRegularization", d.weightedRegularization());
    double l =
        r.doubleValue(
            "regularization", weighted ? DEFAULT_WEIGHTED_REGULARIZATION : d.regularization());
    double a = r.doubleValue("alpha", d.alpha());
    int it = r.intValue("iterations", d.iterations());
    int cg = r.intValue("cgSteps", d.cgSteps());
    boolean ratings = r.booleanValue("useRatings", d.useRatings());
    int threads = r.intValue("threads", d.threads());
    r.finish();
    return new AlsOptions(f, l, a, it, cg, ratings, threads, weighted);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("factors", Integer.toString(factors));
    m.put("regularization", Double.toString(regularization));
    m.put("alpha", Double.toString(alpha));
    m.put("iterations", Integer.toString(iterations));
    m.put("cgSteps", Integer.toString(cgSteps));
    m.put("useRatings", Boolean.toString(useRatings));
    m.put("threads", Integer.toString(threads));
    m.put("weightedRegularization", Boolean.toString(weightedRegularization));
    return m;
  }
}
