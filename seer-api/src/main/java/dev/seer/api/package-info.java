/**
 * Seer's public API: dense id indices, columnar interaction data, the {@link
 * dev.seer.api.Recommender} and {@link dev.seer.api.Trainer} contracts, the shared {@link
 * dev.seer.api.Ranker}, model cards and the versioned model file format.
 *
 * <p>This module depends on the JDK only. Every other Seer module talks through it.
 */
package dev.seer.api;
