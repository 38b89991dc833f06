package dev.seer.algorithms.content;

import dev.seer.algorithms.OptionReader;
import dev.seer.algorithms.optim.OptimizerKind;
import dev.seer.algorithms.optim.OptimizerSpec;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link ContentTrainer}.
 *
 * @param epochs optimisation steps per user (each on the user's whole item list), 1 to 100,000;
 *     default 50
 * @param optimizer the update rule, {@code sgd}, {@code momentum} or {@code adam}; default adam
 * @param learningRate step size, greater than 0; default 0.1
 * @param momentum momentum coefficient for {@code optimizer=momentum}, in [0, 1); default 0.9
 * @param regularization L2 weight {@code lambda} on the preference vector, 0 or more; default 0.01
 * @param maxWords most word features (by the number of items that have the word), 0 to 1,000,000; 0
 *     uses categories only; default 1000
 * @param minWordCount fewest items a word must occur in to become a feature, at least 1; default 2
 * @param normalise scale each item's feature vector to unit length; default true
 * @param fullSoftmaxLimit the largest catalogue trained with the full softmax; larger ones use a
 *     sampled softmax, 1 or more; default 10,000
 * @param negatives items sampled per step for the sampled softmax, 1 to 1,000,000; default 1000
 * @param threads threads for training, or 0 (the default) for {@link
 *     dev.seer.api.TrainingContext#threads()}; results do not depend on it
 */
public record ContentOptions(
    int epochs,
    OptimizerKind optimizer,
    double learningRate,
    double momentum,
    double regularization,
    int maxWords,
    int minWordCount,
    boolean normalise,
    int fullSoftmaxLimit,
    int negatives,
    int threads) {
  /** Validates the options. */
  public ContentOptions {
    if (epochs < 1 || epochs > 100_000) {
      throw new InputException(
          "epochs=" + epochs + " is not valid; give a number from 1 to 100000.");
    }
    new OptimizerSpec(optimizer, learningRate, momentum, 0.9, 0.999, 1e-8);
    if (!(regularization >= 0) || Double.isInfinite(regularization)) {
      throw new InputException(
          "regularization=" + regularization + " is not valid; give a finite number of 0 or more.");
    }
    if (maxWords < 0 || maxWords > 1_000_000) {
      throw new InputException(
          "maxWords=" + maxWords + " is not valid; give a number from 0 to 1000000.");
    }
    if (minWordCount < 1) {
      throw new InputException(
          "minWordCount=" + minWordCount + " is not valid; give a number of 1 or more.");
    }
    if (fullSoftmaxLimit < 1) {
      throw new InputException(
          "fullSoftmaxLimit=" + fullSoftmaxLimit + " is not valid; give a number of 1 or more.");
    }
    if (negatives < 1 || negatives > 1_000_000) {
      throw new InputException(
          "negatives=" + negatives + " is not valid; give a number from 1 to 1000000.");
    }
    if (threads < 0) {
      throw new InputException(
          "threads=" + threads + " is not valid; give 0 (use the default) or more.");
    }
  }

  /**
   * Returns the defaults (see the record description).
   *
   * @return the defaults
   */
  public static ContentOptions defaults() {
    return new ContentOptions(
        50, OptimizerKind.ADAM, 0.1, 0.9, 0.01, 5000, 1, true, 10_000, 1000, 0);
  }

  /**
   * Returns the optimiser configuration these options describe.
   *
   * @return the optimiser
   */
  public OptimizerSpec optimizerSpec() {
    return new OptimizerSpec(optimizer, learningRate, momentum, 0.9, 0.999, 1e-8);
  }

  /**
   * Returns a copy with another number of steps, optimiser and learning rate.
   *
   * @param e steps per user
   * @param kind the update rule
   * @param lr the step size
   * @return the new options
   */
  public ContentOptions withTraining(int e, OptimizerKind kind, double lr) {
    return new ContentOptions(
        e,
        kind,
        lr,
        momentum,
        regularization,
        maxWords,
        minWordCount,
        normalise,
        fullSoftmaxLimit,
        negatives,
        threads);
  }

  /**
   * Returns a copy with another regularisation weight.
   *
   * @param lambda the L2 weight
   * @return the new options
   */
  public ContentOptions withRegularization(double lambda) {
    return new ContentOptions(
        epochs,
        optimizer,
        learningRate,
        momentum,
        lambda,
        maxWords,
        minWordCount,
        normalise,
        fullSoftmaxLimit,
        negatives,
        threads);
  }

  /**
   * Returns a copy with other feature settings.
   *
   * @param words most word features
   * @param minCount fewest items per word
   * @param unit whether to normalise item vectors
   * @return the new options
   */
  public ContentOptions withFeatures(int words, int minCount, boolean unit) {
    return new ContentOptions(
        epochs,
        optimizer,
        learningRate,
        momentum,
        regularization,
        words,
        minCount,
        unit,
        fullSoftmaxLimit,
        negatives,
        threads);
  }

  /**
   * Returns a copy with other softmax settings.
   *
   * @param limit the largest catalogue trained with the full softmax
   * @param sampled items sampled per step above it
   * @return the new options
   */
  public ContentOptions withSoftmax(int limit, int sampled) {
    return new ContentOptions(
        epochs,
        optimizer,
        learningRate,
        momentum,
        regularization,
        maxWords,
        minWordCount,
        normalise,
        limit,
        sampled,
        threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param t threads, 0 for the context's
   * @return the new options
   */
  public ContentOptions withThreads(int t) {
    return new ContentOptions(
        epochs,
        optimizer,
        learningRate,
        momentum,
        regularization,
        maxWords,
        minWordCount,
        normalise,
        fullSoftmaxLimit,
        negatives,
        t);
  }

  /**
   * Parses options from text, for example {@code maxWords=0,regularization=0.1}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static ContentOptions parse(Map<String, String> options) {
    ContentOptions d = defaults();
    OptionReader r = new OptionReader(ContentTrainer.ALGORITHM, options);
    int e = r.intValue("epochs", d.epochs());
    OptimizerKind o = r.enumValue("optimizer", OptimizerKind.class, d.optimizer());
    double lr = r.doubleValue("learningRate", d.learningRate());
    double mu = r.doubleValue("momentum", d.momentum());
    double reg = r.doubleValue("regularization", d.regularization());
    int words = r.intValue("maxWords", d.maxWords());
    int minCount = r.intValue("minWordCount", d.minWordCount());
    boolean unit = r.booleanValue("normalise", d.normalise());
    int limit = r.intValue("fullSoftmaxLimit", d.fullSoftmaxLimit());
    int neg = r.intValue("negatives", d.negatives());
    int threads = r.intValue("threads", d.threads());
    r.finish();
    return new ContentOptions(e, o, lr, mu, reg, words, minCount, unit, limit, neg, threads);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("epochs", Integer.toString(epochs));
    m.put("optimizer", OptionReader.display(optimizer));
    m.put("learningRate", Double.toString(learningRate));
    m.put("momentum", Double.toString(momentum));
    m.put("regularization", Double.toString(regularization));
    m.put("maxWords", Integer.toString(maxWords));
    m.put("minWordCount", Integer.toString(minWordCount));
    m.put("normalise", Boolean.toString(normalise));
    m.put("fullSoftmaxLimit", Integer.toString(fullSoftmaxLimit));
    m.put("negatives", Integer.toString(negatives));
    m.put("threads", Integer.toString(threads));
    return m;
  }
}
