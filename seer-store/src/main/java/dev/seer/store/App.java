package dev.seer.store;

/**
 * An application: one tenant with its own catalogue, users, events, models and keys.
 *
 * @param id short id used in URLs
 * @param name display name
 * @param createdAt epoch milliseconds
 */
public record App(String id, String name, long createdAt) {}
