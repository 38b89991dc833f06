package dev.seer.algorithms.bpr;

import dev.seer.algorithms.OptionReader;
import dev.seer.algorithms.optim.OptimizerKind;
import dev.seer.algorithms.optim.OptimizerSpec;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link BprTrainer}.
 *
 * @param factors latent dimensions, 1 to 4096; default 64
 * @param epochs passes, each of as many sampled triples as there are distinct training pairs, 1 to
 *     10,000; default 100
 * @param optimizer the update rule: {@code sgd} (the paper's LearnBPR), {@code momentum} or {@code
 *     adam}; default adam (better than sgd on validation splits of MovieLens 100K and 1M, at about
 *     twice the time per pass)
 * @param learningRate step size, greater than 0; default 0.001 (for adam; 0.05 suits sgd)
 * @param momentum momentum coefficient for {@code optimizer=momentum}, in [0, 1); default 0.9
 * @param batchSize triples per update (1 is per-sample SGD), 1 to 1,000,000; default 1
 * @param regularization L2 weight on the user and item factors of each triple, 0 or more; default
 *     0.02
 * @param biasRegularization L2 weight on the item biases of each triple, 0 or more; default 0.01
 * @param itemBias learn an item bias {@code b_i} added to the score; default true
 * @param negatives how negative items are drawn; default {@link NegativeSampling#UNIFORM}
 * @param popularityExponent exponent of the item count for {@code negatives=popularity}, 0 to 10;
 *     default 0.75
 * @param initStd standard deviation of the normal initial factors, greater than 0; default 0.1
 * @param foldInEpochs passes over a new user's items when folding in, 1 to 10,000; default 40
 */
public record BprOptions(
    int factors,
    int epochs,
    OptimizerKind optimizer,
    double learningRate,
    double momentum,
    int batchSize,
    double regularization,
    double biasRegularization,
    boolean itemBias,
    NegativeSampling negatives,
    double popularityExponent,
    double initStd,
    int foldInEpochs) {
  /** Validates the options. */
  public BprOptions {
    if (factors < 1 || factors > 4096) {
      throw new InputException(
          "factors=" + factors + " is not valid; give a number from 1 to 4096.");
    }
    if (epochs < 1 || epochs > 10_000) {
      throw new InputException(
          "epochs=" + epochs + " is not valid; give a number from 1 to 10000.");
    }
    new OptimizerSpec(optimizer, learningRate, momentum, 0.9, 0.999, 1e-8);
    if (batchSize < 1 || batchSize > 1_000_000) {
      throw new InputException(
          "batchSize=" + batchSize + " is not valid; give a number from 1 to 1000000.");
    }
    requireNonNegative("regularization", regularization);
    requireNonNegative("biasRegularization", biasRegularization);
    if (negatives == null) {
      throw new InputException("negatives is missing; give uniform or popularity.");
    }
    if (!(popularityExponent >= 0 && popularityExponent <= 10)) {
      throw new InputException(
          "popularityExponent="
              + popularityExponent
              + " is not valid; give a number from 0 to 10.");
    }
    if (!(initStd > 0) || Double.isInfinite(initStd)) {
      throw new InputException(
          "initStd=" + initStd + " is not valid; give a finite number greater than 0.");
    }
    if (foldInEpochs < 1 || foldInEpochs > 10_000) {
      throw new InputException(
          "foldInEpochs=" + foldInEpochs + " is not valid; give a number from 1 to 10000.");
    }
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new InputException(
          name + "=" + v + " is not valid; give a finite number of 0 or more.");
    }
  }

  /**
   * Returns the defaults (see the record description).
   *
   * @return the defaults
   */
  public static BprOptions defaults() {
    return new BprOptions(
        64,
        100,
        OptimizerKind.ADAM,
        0.001,
        0.9,
        1,
        0.02,
        0.01,
        true,
        NegativeSampling.UNIFORM,
        0.75,
        0.1,
        40);
  }

  /**
   * Returns the optimiser configuration these options describe (Adam uses the paper's {@code beta1
   * = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}).
   *
   * @return the optimiser
   */
  public OptimizerSpec optimizerSpec() {
    return new OptimizerSpec(optimizer, learningRate, momentum, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns a copy with other dimensions.
   *
   * @param f latent dimensions
   * @return the new options
   */
  public BprOptions withFactors(int f) {
    return new BprOptions(
        f,
        epochs,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with another number of passes.
   *
   * @param e passes
   * @return the new options
   */
  public BprOptions withEpochs(int e) {
    return new BprOptions(
        factors,
        e,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with another optimiser and learning rate.
   *
   * @param kind the update rule
   * @param lr the step size
   * @return the new options
   */
  public BprOptions withOptimizer(OptimizerKind kind, double lr) {
    return new BprOptions(
        factors,
        epochs,
        kind,
        lr,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with another batch size.
   *
   * @param b triples per update
   * @return the new options
   */
  public BprOptions withBatchSize(int b) {
    return new BprOptions(
        factors,
        epochs,
        optimizer,
        learningRate,
        momentum,
        b,
        regularization,
        biasRegularization,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with other regularisation weights.
   *
   * @param factorsReg weight on factors
   * @param biasReg weight on biases
   * @return the new options
   */
  public BprOptions withRegularization(double factorsReg, double biasReg) {
    return new BprOptions(
        factors,
        epochs,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        factorsReg,
        biasReg,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with or without item biases.
   *
   * @param bias whether to learn item biases
   * @return the new options
   */
  public BprOptions withItemBias(boolean bias) {
    return new BprOptions(
        factors,
        epochs,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        bias,
        negatives,
        popularityExponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with another negative sampling.
   *
   * @param n the sampling
   * @param exponent the popularity exponent
   * @return the new options
   */
  public BprOptions withNegatives(NegativeSampling n, double exponent) {
    return new BprOptions(
        factors,
        epochs,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        itemBias,
        n,
        exponent,
        initStd,
        foldInEpochs);
  }

  /**
   * Returns a copy with another number of fold-in passes.
   *
   * @param e passes
   * @return the new options
   */
  public BprOptions withFoldInEpochs(int e) {
    return new BprOptions(
        factors,
        epochs,
        optimizer,
        learningRate,
        momentum,
        batchSize,
        regularization,
        biasRegularization,
        itemBias,
        negatives,
        popularityExponent,
        initStd,
        e);
  }

  /**
   * Parses options from text, for example {@code factors=32,optimizer=adam,learningRate=0.01}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static BprOptions parse(Map<String, String> options) {
    BprOptions d = defaults();
    OptionReader r = new OptionReader(BprTrainer.ALGORITHM, options);
    int f = r.intValue("factors", d.factors());
    int e = r.intValue("epochs", d.epochs());
    OptimizerKind o = r.enumValue("optimizer", OptimizerKind.class, d.optimizer());
    double lr = r.doubleValue("learningRate", d.learningRate());
    double mu = r.doubleValue("momentum", d.momentum());
    int b = r.intValue("batchSize", d.batchSize());
    double reg = r.doubleValue("regularization", d.regularization());
    double breg = r.doubleValue("biasRegularization", d.biasRegularization());
    boolean bias = r.booleanValue("itemBias", d.itemBias());
    NegativeSampling n = r.enumValue("negatives", NegativeSampling.class, d.negatives());
    double exp = r.doubleValue("popularityExponent", d.popularityExponent());
    double std = r.doubleValue("initStd", d.initStd());
    int fe = r.intValue("foldInEpochs", d.foldInEpochs());
    r.finish();
    return new BprOptions(f, e, o, lr, mu, b, reg, breg, bias, n, exp, std, fe);
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
    m.put("optimizer", OptionReader.display(optimizer));
    m.put("learningRate", Double.toString(learningRate));
    m.put("momentum", Double.toString(momentum));
    m.put("batchSize", Integer.toString(batchSize));
    m.put("regularization", Double.toString(regularization));
    m.put("biasRegularization", Double.toString(biasRegularization));
    m.put("itemBias", Boolean.toString(itemBias));
    m.put("negatives", OptionReader.display(negatives));
    m.put("popularityExponent", Double.toString(popularityExponent));
    m.put("initStd", Double.toString(initStd));
    m.put("foldInEpochs", Integer.toString(foldInEpochs));
    return m;
  }
}
