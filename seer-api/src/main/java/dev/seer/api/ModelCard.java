package dev.seer.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance of a trained model: what algorithm with which options and seed, trained on which
 * data, with which results, by which Seer version.
 *
 * @param algorithm algorithm name, the same as the {@link ModelCodec#algorithm()} that stores it
 * @param options every option with its value, as text
 * @param seed the random seed used for training
 * @param dataFingerprint {@link Interactions#fingerprint()} of the training data
 * @param metrics measured metrics (name to value), possibly empty
 * @param seerVersion the Seer version that trained the model
 * @param createdAt when training finished
 */
public record ModelCard(
    String algorithm,
    Map<String, String> options,
    long seed,
    String dataFingerprint,
    Map<String, Double> metrics,
    String seerVersion,
    Instant createdAt) {
  /** Validates and copies the fields, keeping map order. */
  public ModelCard {
    if (algorithm == null || algorithm.isBlank()) {
      throw new IllegalArgumentException("algorithm");
    }
    options = Map.copyOf(options == null ? Map.of() : options);
    metrics = Map.copyOf(metrics == null ? Map.of() : metrics);
    dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
    seerVersion = seerVersion == null ? SeerVersion.get() : seerVersion;
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
  }

  /**
   * Creates a card for a model trained now.
   *
   * @param algorithm algorithm name
   * @param options options as text
   * @param seed seed
   * @param train training data
   * @return the card
   */
  public static ModelCard create(
      String algorithm, Map<String, String> options, long seed, Interactions train) {
    return new ModelCard(
        algorithm, options, seed, train.fingerprint(), Map.of(), SeerVersion.get(), Instant.now());
  }

  /**
   * Returns a copy with more metrics.
   *
   * @param more metrics to add or replace
   * @return the new card
   */
  public ModelCard withMetrics(Map<String, Double> more) {
    Map<String, Double> m = new LinkedHashMap<>(metrics);
    m.putAll(more);
    return new ModelCard(algorithm, options, seed, dataFingerprint, m, seerVersion, createdAt);
  }
}
