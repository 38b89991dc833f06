package dev.seer.store;

/**
 * A key just created. The secret is shown once; the store keeps only its SHA-256 hash.
 *
 * @param keyId public id (safe to log)
 * @param secret the secret to give to the client
 * @param grant what it grants
 */
public record NewKey(String keyId, String secret, KeyGrant grant) {}
