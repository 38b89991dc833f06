package dev.seer.store;

/**
 * What a presented API key grants.
 *
 * @param keyId the key's public id
 * @param appId the application it belongs to
 * @param role its role
 */
public record KeyGrant(String keyId, String appId, Role role) {}
