/**
 * Cleaning pipelines for interaction data: de-duplication, implicit thresholds, rating
 * normalisation, iterative k-core filtering, time ordering and index compaction. Every step reports
 * what it removed or changed (see {@link dev.seer.data.clean.StepReport}); nothing is dropped
 * silently.
 */
package dev.seer.data.clean;
