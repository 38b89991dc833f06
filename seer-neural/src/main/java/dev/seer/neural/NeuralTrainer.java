package dev.seer.neural;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains any of the neural networks with the shared loop. With {@link TrainOptions#validate()} each
 * user's latest training item (by time) is held out for early stopping on NDCG@10; the final model
 * still reads the whole training sequence when it scores.
 */
public final class NeuralTrainer implements Trainer<NeuralModel> {
  private final NetworkConfig network;
  private final TrainOptions options;
  private final float[][] itemFeatures;
  private final AdversarialOptions adversarial;

  /**
   * Creates a trainer.
   *
   * @param network the architecture and its options
   * @param options the loop options
   */
  public NeuralTrainer(NetworkConfig network, TrainOptions options) {
    if (network == null || options == null) {
      throw new InputException("A neural trainer needs network and loop options.");
    }
    this.network = network;
    this.options = options;
    this.itemFeatures = null;
    this.adversarial = AdversarialOptions.defaults();
  }

  private NeuralTrainer(
      NetworkConfig network,
      TrainOptions options,
      float[][] features,
      AdversarialOptions adversarial) {
    this.network = network;
    this.options = options;
    this.itemFeatures = features;
    this.adversarial = adversarial;
    if (adversarial.enabled()) {
      if (!(network instanceof SasRecOptions
          || network instanceof Gru4RecOptions
          || network instanceof CaserOptions)) {
        throw new InputException(
            "adversarial=true trains the negatives of sasrec, gru4rec or caser, not of "
                + network.algorithm()
                + "; remove the option.");
      }
    }
  }

  /**
   * Returns a trainer that trains adversarially (IRGAN-style generated negatives) or not.
   *
   * @param adversarial the adversarial options
   * @return the trainer
   * @throws InputException if the network is not a next-item model
   */
  public NeuralTrainer withAdversarial(AdversarialOptions adversarial) {
    if (adversarial == null) {
      throw new InputException("Give adversarial options (AdversarialOptions.defaults()).");
    }
    return new NeuralTrainer(network, options, itemFeatures, adversarial);
  }

  /**
   * Returns the adversarial training options.
   *
   * @return the options (disabled by default)
   */
  public AdversarialOptions adversarial() {
    return adversarial;
  }

  /**
   * Returns a two-tower trainer whose item tower also reads fixed feature vectors (for example text
   * embeddings), one row per item index of the training data.
   *
   * @param features one vector per item, all of the same width
   * @return the trainer
   * @throws InputException if this is not a two-tower trainer or the rows differ in width
   */
  public NeuralTrainer withItemFeatures(float[][] features) {
    if (!(network instanceof TwoTowerOptions t)) {
      throw new InputException(
          "Item features are read by two-tower only, not by " + network.algorithm() + ".");
    }
    if (features == null || features.length == 0 || features[0].length == 0) {
      throw new InputException("Give at least one item feature vector with at least one value.");
    }
    int w = features[0].length;
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != w) {
        throw new InputException(
            "Item feature row "
                + i
                + " has "
                + features[i].length
                + " values, row 0 has "
                + w
                + "; give rows of one width.");
      }
    }
    return new NeuralTrainer(t.withFeatureDims(w), options, features, adversarial);
  }

  /**
   * Creates a trainer from text options (architecture and loop options together).
   *
   * @param algorithm one of {@link NeuralAlgorithms#names()}
   * @param options option values; absent ones take their defaults
   * @return the trainer
   */
  public static NeuralTrainer create(String algorithm, Map<String, String> options) {
    Opts r = new Opts(algorithm, options);
    NetworkConfig c = NeuralAlgorithms.parse(algorithm, r);
    TrainOptions t = TrainOptions.parse(r);
    AdversarialOptions a = AdversarialOptions.parse(r);
    r.finish();
    return new NeuralTrainer(c, t, null, a);
  }

  @Override
  public String algorithm() {
    return network.algorithm();
  }

  /**
   * Returns the architecture options.
   *
   * @return the network options
   */
  public NetworkConfig network() {
    return network;
  }

  /**
   * Returns the loop options.
   *
   * @return the options
   */
  public TrainOptions options() {
    return options;
  }

  /**
   * Returns every option as text, as in model cards.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>(network.asMap());
    m.putAll(options.asMap());
    m.putAll(adversarial.asMap());
    return m;
  }

  @Override
  public NeuralModel fit(Interactions train, TrainingContext context) {
    if (train.size() == 0) {
      throw new InputException(
          "The training data has no interactions; give " + algorithm() + " at least one row.");
    }
    NeuralEngine.setThreads(context.threads());
    int[][] all = Sequences.of(train);
    Network net = network.build(train.numUsers(), train.numItems());
    if (net instanceof TwoTower tt && itemFeatures != null) {
      if (itemFeatures.length != train.numItems()) {
        throw new InputException(
            "There are "
                + itemFeatures.length
                + " item feature rows but the data has "
                + train.numItems()
                + " items; give one row per item index.");
      }
      tt.features(itemFeatures);
    }
    int[][] seqs = all;
    int[] validation = null;
    if (options.validate()) {
      seqs = new int[all.length][];
      validation = new int[all.length];
      int held = 0;
      for (int u = 0; u < all.length; u++) {
        if (all[u].length >= 3) {
          seqs[u] = java.util.Arrays.copyOf(all[u], all[u].length - 1);
          validation[u] = all[u][all[u].length - 1];
          held++;
        } else {
          seqs[u] = all[u];
          validation[u] = -1;
        }
      }
      if (held == 0) {
        validation = null;
      }
    }
    TrainData data = new TrainData(train.numUsers(), train.numItems(), seqs, all);
    Map<String, String> opts = asMap();
    // A checkpoint may be resumed with more epochs or from another directory, nothing else.
    Map<String, String> fixed = new LinkedHashMap<>(opts);
    fixed.remove("epochs");
    fixed.remove("checkpoint");
    String fingerprint = algorithm() + fixed + context.seed() + train.fingerprint();
    NeuralLoop.Result r =
        NeuralLoop.train(
            net,
            data,
            validation,
            options,
            context.seed(),
            context.progress(),
            fingerprint,
            adversarial);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("epochs", (double) r.epochs());
    metrics.put("train-loss", r.lastLoss());
    if (!Double.isNaN(r.bestNdcg())) {
      metrics.put("validation-ndcg@10", r.bestNdcg());
      metrics.put("best-epoch", (double) r.bestEpoch());
    }
    if (!Double.isNaN(r.generatorReward())) {
      metrics.put("generator-mean-reward", r.generatorReward());
    }
    ModelCard card =
        ModelCard.create(algorithm(), opts, context.seed(), train).withMetrics(metrics);
    return new NeuralModel(card, train.users(), train.items(), net, r.values(), all);
  }
}
