package dev.seer.store;

/**
 * A stored model version.
 *
 * @param appId application
 * @param version 1, 2, ... per application
 * @param algorithm algorithm name
 * @param card the model card as JSON
 * @param bytes size of the model file
 * @param snapshotAt epoch milliseconds when the training data was read
 * @param createdAt epoch milliseconds when the version was stored
 */
public record ModelVersion(
    String appId,
    int version,
    String algorithm,
    String card,
    long bytes,
    long snapshotAt,
    long createdAt) {}
