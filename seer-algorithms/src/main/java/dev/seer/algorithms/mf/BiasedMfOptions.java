package dev.seer.algorithms.mf;

import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link BiasedMfTrainer}. The random seed is not an option: it is the training
 * context's seed ({@link dev.seer.api.TrainingContext#seed()}), recorded in the model card.
 *
 * @param factors latent dimensions, 1 to 4096; default 100
 * @param epochs passes over the training ratings, 1 to 10000; default 100
 * @param learningRate SGD step size in the first epoch, above 0 and at most 1; default 0.01
 * @param decay factor applied to the step size after each epoch (epoch {@code t} uses {@code
 *     learningRate * decay^t}), above 0 and at most 1 (1 = constant); default 0.98
 * @param regBias L2 regularisation of the user and item biases, 0 or more; default 0.02
 * @param regFactor L2 regularisation of the user and item factors, 0 or more; default 0.1
 * @param initStd standard deviation of the normal initial factors, above 0 and at most 10; default
 *     0.03
 */
public record BiasedMfOptions(
    int factors,
    int epochs,
    double learningRate,
    double decay,
    double regBias,
    double regFactor,
    double initStd) {
  /** Validates the options. */
  public BiasedMfOptions {
    Valid.range("factors", factors, 1, 4096);
    Valid.range("epochs", epochs, 1, 10_000);
    Valid.positive("learningRate", learningRate, 1);
    Valid.positive("decay", decay, 1);
    Valid.nonNegative("regBias", regBias);
    Valid.nonNegative("regFactor", regFactor);
    Valid.positive("initStd", initStd, 10);
  }

  /**
   * Returns the defaults, chosen on a validation part of MovieLens 100K's {@code u1.base} (see
   * {@code docs/benchmarks/ml100k-rmse.json}).
   *
   * @return the defaults
   */
  public static BiasedMfOptions defaults() {
    return new BiasedMfOptions(100, 100, 0.01, 0.98, 0.02, 0.1, 0.03);
  }

  /**
   * Returns a copy with another number of factors.
   *
   * @param k factors
   * @return the new options
   */
  public BiasedMfOptions withFactors(int k) {
    return new BiasedMfOptions(k, epochs, learningRate, decay, regBias, regFactor, initStd);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param n epochs
   * @return the new options
   */
  public BiasedMfOptions withEpochs(int n) {
    return new BiasedMfOptions(factors, n, learningRate, decay, regBias, regFactor, initStd);
  }

  /**
   * Returns a copy with another learning rate and decay.
   *
   * @param rate the first epoch's step size
   * @param perEpoch the decay factor per epoch
   * @return the new options
   */
  public BiasedMfOptions withLearningRate(double rate, double perEpoch) {
    return new BiasedMfOptions(factors, epochs, rate, perEpoch, regBias, regFactor, initStd);
  }

  /**
   * Returns a copy with other regularisation.
   *
   * @param bias regularisation of biases
   * @param factor regularisation of factors
   * @return the new options
   */
  public BiasedMfOptions withRegularisation(double bias, double factor) {
    return new BiasedMfOptions(factors, epochs, learningRate, decay, bias, factor, initStd);
  }

  /**
   * Returns a copy with another initial standard deviation.
   *
   * @param std the standard deviation
   * @return the new options
   */
  public BiasedMfOptions withInitStd(double std) {
    return new BiasedMfOptions(factors, epochs, learningRate, decay, regBias, regFactor, std);
  }

  /**
   * Parses options from text, for example {@code factors=50,regFactor=0.1}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static BiasedMfOptions parse(Map<String, String> options) {
    BiasedMfOptions d = defaults();
    OptionReader r = new OptionReader(BiasedMfTrainer.ALGORITHM, options);
    int k = r.intValue("factors", d.factors());
    int n = r.intValue("epochs", d.epochs());
    double lr = r.doubleValue("learningRate", d.learningRate());
    double dec = r.doubleValue("decay", d.decay());
    double rb = r.doubleValue("regBias", d.regBias());
    double rf = r.doubleValue("regFactor", d.regFactor());
    double std = r.doubleValue("initStd", d.initStd());
    r.finish();
    return new BiasedMfOptions(k, n, lr, dec, rb, rf, std);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("factors", Integer.toString(factors));
    m.put("epochs", Integer.toString(epochs));
    m.put("learningRate", Double.toString(learningRate));
    m.put("decay", Double.toString(decay));
    m.put("regBias", Double.toString(regBias));
    m.put("regFactor", Double.toString(regFactor));
    m.put("initStd", Double.toString(initStd));
    return m;
  }
}
