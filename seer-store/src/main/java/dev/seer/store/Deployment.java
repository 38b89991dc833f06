package dev.seer.store;

/**
 * Which model version serves an application.
 *
 * @param appId application
 * @param version the deployed version
 * @param previous the version deployed before (for rollback), or 0
 * @param deployedAt epoch milliseconds
 */
public record Deployment(String appId, int version, int previous, long deployedAt) {}
