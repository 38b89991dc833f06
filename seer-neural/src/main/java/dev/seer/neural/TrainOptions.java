package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the shared training loop ({@link NeuralLoop}).
 *
 * @param epochs the most epochs, at least 1
 * @param batchSize training units (users or interactions) per step, at least 1
 * @param learningRate the base learning rate, greater than 0
 * @param optimizer Adam or SGD
 * @param schedule how the rate changes over epochs
 * @param stepEpochs epochs between decays of the {@link Schedule#STEP} schedule, at least 1
 * @param gamma the decay factor of the {@link Schedule#STEP} schedule, in (0, 1]
 * @param weightDecay L2 penalty added to every gradient, 0 or more
 * @param validate whether to hold out each user's last training item and stop early on its NDCG@10
 *     (leave-one-out by time); the model keeps the best epoch's parameters
 * @param evalEvery epochs between validations, at least 1
 * @param patience validations without improvement before stopping, at least 1
 * @param checkpoint a directory for a checkpoint written after every epoch and resumed from when
 *     present, or empty for none
 */
public record TrainOptions(
    int epochs,
    int batchSize,
    double learningRate,
    OptimizerKind optimizer,
    Schedule schedule,
    int stepEpochs,
    double gamma,
    double weightDecay,
    boolean validate,
    int evalEvery,
    int patience,
    String checkpoint) {
  /** Validates the options. */
  public TrainOptions {
    positive("epochs", epochs);
    positive("batch-size", batchSize);
    positive("step-epochs", stepEpochs);
    positive("eval-every", evalEvery);
    positive("patience", patience);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new InputException(
          "learning-rate=" + learningRate + " is not valid; give a number greater than 0.");
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new InputException("gamma=" + gamma + " is not valid; give a number in (0, 1].");
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new InputException(
          "weight-decay=" + weightDecay + " is not valid; give a finite number of 0 or more.");
    }
    if (optimizer == null || schedule == null) {
      throw new InputException("optimizer and schedule must be given.");
    }
    checkpoint = checkpoint == null ? "" : checkpoint.trim();
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new InputException(name + "=" + v + " is not valid; give 1 or more.");
    }
  }

  /**
   * Returns the defaults: 200 epochs, batch 128, Adam at 0.001, constant rate, validation every 5
   * epochs with patience 4, no checkpoint.
   *
   * @return the defaults
   */
  public static TrainOptions defaults() {
    return new TrainOptions(
        200, 128, 1e-3, OptimizerKind.ADAM, Schedule.CONSTANT, 50, 0.5, 0, true, 5, 4, "");
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param n epochs
   * @return the options
   */
  public TrainOptions withEpochs(int n) {
    return new TrainOptions(
        n,
        batchSize,
        learningRate,
        optimizer,
        schedule,
        stepEpochs,
        gamma,
        weightDecay,
        validate,
        evalEvery,
        patience,
        checkpoint);
  }

  /**
   * Returns a copy with another checkpoint directory.
   *
   * @param dir the directory, or empty for none
   * @return the options
   */
  public TrainOptions withCheckpoint(String dir) {
    return new TrainOptions(
        epochs,
        batchSize,
        learningRate,
        optimizer,
        schedule,
        stepEpochs,
        gamma,
        weightDecay,
        validate,
        evalEvery,
        patience,
        dir);
  }

  /**
   * Returns a copy with validation and early stopping switched on or off.
   *
   * @param on whether to validate
   * @return the options
   */
  public TrainOptions withValidate(boolean on) {
    return new TrainOptions(
        epochs,
        batchSize,
        learningRate,
        optimizer,
        schedule,
        stepEpochs,
        gamma,
        weightDecay,
        on,
        evalEvery,
        patience,
        checkpoint);
  }

  /**
   * Returns the learning rate of an epoch.
   *
   * @param epoch zero-based epoch
   * @return the rate
   */
  public double rate(int epoch) {
    return switch (schedule) {
      case CONSTANT -> learningRate;
      case STEP -> learningRate * Math.pow(gamma, epoch / stepEpochs);
      case COSINE -> learningRate * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
    };
  }

  static TrainOptions parse(Opts r) {
    TrainOptions d = defaults();
    return new TrainOptions(
        r.intValue("epochs", d.epochs),
        r.intValue("batch-size", d.batchSize),
        r.doubleValue("learning-rate", d.learningRate),
        r.enumValue("optimizer", OptimizerKind.class, d.optimizer),
        r.enumValue("schedule", Schedule.class, d.schedule),
        r.intValue("step-epochs", d.stepEpochs),
        r.doubleValue("gamma", d.gamma),
        r.doubleValue("weight-decay", d.weightDecay),
        r.booleanValue("validate", d.validate),
        r.intValue("eval-every", d.evalEvery),
        r.intValue("patience", d.patience),
        r.text("checkpoint", d.checkpoint));
  }

  /**
   * Parses options from text; unknown names are rejected.
   *
   * @param options option values, for example {@code epochs=50}
   * @return the options
   */
  public static TrainOptions parse(Map<String, String> options) {
    Opts r = new Opts("the training loop", options);
    TrainOptions t = parse(r);
    r.finish();
    return t;
  }

  /**
   * Returns the options as text, as written to model cards.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("epochs", Integer.toString(epochs));
    m.put("batch-size", Integer.toString(batchSize));
    m.put("learning-rate", Double.toString(learningRate));
    m.put("optimizer", Opts.display(optimizer));
    m.put("schedule", Opts.display(schedule));
    m.put("step-epochs", Integer.toString(stepEpochs));
    m.put("gamma", Double.toString(gamma));
    m.put("weight-decay", Double.toString(weightDecay));
    m.put("validate", Boolean.toString(validate));
    m.put("eval-every", Integer.toString(evalEvery));
    m.put("patience", Integer.toString(patience));
    m.put("checkpoint", checkpoint);
    return m;
  }
}
