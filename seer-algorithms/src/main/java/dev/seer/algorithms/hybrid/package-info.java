/**
 * Combinations of trained models: the CF + content hybrid with per-user standardised scores and
 * alphas chosen on validation data per user-activity bucket, and ensembles by weighted standardised
 * scores (weights fitted on validation data) or reciprocal rank fusion (Cormack, Clarke and
 * Büttcher, SIGIR 2009).
 */
package dev.seer.algorithms.hybrid;
