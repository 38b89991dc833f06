/**
 * Train/test splitters (random per user, global temporal, leave-last-k, user hold-out, k-fold),
 * validation carving, split statistics and split files. Every splitter is deterministic for a given
 * seed, and all parts of a split share the input's {@link dev.seer.api.IdIndex} objects.
 */
package dev.seer.data.split;
