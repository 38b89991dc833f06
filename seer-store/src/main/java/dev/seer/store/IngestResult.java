package dev.seer.store;

import java.util.List;

/**
 * The outcome of an event batch; every event is either stored, a duplicate, or rejected.
 *
 * @param stored events newly stored
 * @param duplicates events whose id was already stored (nothing changed)
 * @param rejected event ids refused because their user was erased
 */
public record IngestResult(int stored, int duplicates, List<String> rejected) {}
