package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of the two-tower model: a user tower (an MLP over the mean embedding of the last {@code
 * max-length} items) and an item tower (an id embedding plus a projection of fixed item feature
 * vectors, such as text embeddings), both L2-normalised, trained with in-batch negatives.
 *
 * @param dims output vector size
 * @param hidden the user tower's hidden layer size
 * @param maxLength the most recent items the user tower reads
 * @param temperature softmax temperature, greater than 0
 * @param samplesPerUser training examples (a random prefix and its next item) per user per epoch
 * @param idEmbeddings whether items have a trained id embedding; false leaves only features, so
 *     that every item's vector comes from its features
 * @param featureDims the width of the item feature vectors, 0 for none (set by {@link
 *     NeuralTrainer#withItemFeatures})
 */
public record TwoTowerOptions(
    int dims,
    int hidden,
    int maxLength,
    double temperature,
    int samplesPerUser,
    boolean idEmbeddings,
    int featureDims)
    implements NetworkConfig {
  /** The algorithm name. */
  public static final String ALGORITHM = "two-tower";

  /** Validates the options. */
  public TwoTowerOptions {
    Checks.atLeast("dims", dims, 1);
    Checks.atLeast("hidden", hidden, 1);
    Checks.atLeast("max-length", maxLength, 1);
    Checks.atLeast("samples-per-user", samplesPerUser, 1);
    Checks.atLeast("feature-dims", featureDims, 0);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new InputException(
          "temperature=" + temperature + " is not valid; give a number greater than 0.");
    }
  }

  /**
   * Returns the defaults: 64 dims, hidden 128, length 50, temperature 0.1, 4 samples per user, id
   * embeddings, no features.
   *
   * @return the defaults
   */
  public static TwoTowerOptions defaults() {
    return new TwoTowerOptions(64, 128, 50, 0.1, 4, true, 0);
  }

  /**
   * Returns a copy with another feature width.
   *
   * @param width feature vector width
   * @return the options
   */
  public TwoTowerOptions withFeatureDims(int width) {
    return new TwoTowerOptions(
        dims, hidden, maxLength, temperature, samplesPerUser, idEmbeddings, width);
  }

  static TwoTowerOptions parse(Opts r) {
    TwoTowerOptions d = defaults();
    return new TwoTowerOptions(
        r.intValue("dims", d.dims),
        r.intValue("hidden", d.hidden),
        r.intValue("max-length", d.maxLength),
        r.doubleValue("temperature", d.temperature),
        r.intValue("samples-per-user", d.samplesPerUser),
        r.booleanValue("id-embeddings", d.idEmbeddings),
        r.intValue("feature-dims", d.featureDims));
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dims", Integer.toString(dims));
    m.put("hidden", Integer.toString(hidden));
    m.put("max-length", Integer.toString(maxLength));
    m.put("temperature", Double.toString(temperature));
    m.put("samples-per-user", Integer.toString(samplesPerUser));
    m.put("id-embeddings", Boolean.toString(idEmbeddings));
    m.put("feature-dims", Integer.toString(featureDims));
    return m;
  }

  @Override
  public Network build(int numUsers, int numItems) {
    return new TwoTower(numUsers, numItems, this);
  }
}
