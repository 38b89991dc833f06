package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of IRGAN-style adversarial training (Wang et al., "IRGAN: A Minimax Game for Unifying
 * Generative and Discriminative Information Retrieval Models", SIGIR 2017) for the next-item models
 * (SASRec, GRU4Rec, Caser): a generator, a softmax policy over the items a user does not have,
 * proposes the negatives of the recommender's loss, and learns by REINFORCE with the recommender's
 * score of its proposals as the reward. See {@link Adversary}.
 *
 * @param enabled whether to train adversarially; when false the other values are unused
 * @param dims the generator's embedding size, at least 1
 * @param window the user's most recent training items the generator reads, at least 1
 * @param mix the share of negatives drawn from the generator, in (0, 1]; the rest are uniform
 * @param temperature softmax temperature of the policy, greater than 0
 * @param learningRate the generator's Adam learning rate, greater than 0
 * @param warmup epochs that train the recommender on uniform negatives alone before the generator
 *     starts (IRGAN pre-trains the recommender), 0 or more
 */
public record AdversarialOptions(
    boolean enabled,
    int dims,
    int window,
    double mix,
    double temperature,
    double learningRate,
    int warmup) {
  /** Validates the options. */
  public AdversarialOptions {
    Checks.atLeast("generator-dims", dims, 1);
    Checks.atLeast("generator-window", window, 1);
    Checks.atLeast("generator-warmup", warmup, 0);
    if (!(mix > 0 && mix <= 1)) {
      throw new InputException(
          "generator-mix=" + mix + " is not valid; give the generator's share in (0, 1].");
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new InputException(
          "generator-temperature=" + temperature + " is not valid; give a number greater than 0.");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new InputException(
          "generator-learning-rate="
              + learningRate
              + " is not valid; give a number greater than 0.");
    }
  }

  /**
   * Returns the defaults: off; when switched on, 32 dims, window 20, half the negatives from the
   * generator, temperature 1, learning rate 0.005, 10 warm-up epochs.
   *
   * @return the defaults
   */
  public static AdversarialOptions defaults() {
    return new AdversarialOptions(false, 32, 20, 0.5, 1.0, 5e-3, 10);
  }

  /**
   * Returns a copy switched on or off.
   *
   * @param on whether to train adversarially
   * @return the options
   */
  public AdversarialOptions withEnabled(boolean on) {
    return new AdversarialOptions(on, dims, window, mix, temperature, learningRate, warmup);
  }

  static AdversarialOptions parse(Opts r) {
    AdversarialOptions d = defaults();
    return new AdversarialOptions(
        r.booleanValue("adversarial", d.enabled),
        r.intValue("generator-dims", d.dims),
        r.intValue("generator-window", d.window),
        r.doubleValue("generator-mix", d.mix),
        r.doubleValue("generator-temperature", d.temperature),
        r.doubleValue("generator-learning-rate", d.learningRate),
        r.intValue("generator-warmup", d.warmup));
  }

  /**
   * Returns the options as text, as written to model cards: nothing when adversarial training is
   * off (so cards and checkpoints of ordinary training are unchanged).
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    if (enabled) {
      m.put("adversarial", "true");
      m.put("generator-dims", Integer.toString(dims));
      m.put("generator-window", Integer.toString(window));
      m.put("generator-mix", Double.toString(mix));
      m.put("generator-temperature", Double.toString(temperature));
      m.put("generator-learning-rate", Double.toString(learningRate));
      m.put("generator-warmup", Integer.toString(warmup));
    }
    return m;
  }
}
