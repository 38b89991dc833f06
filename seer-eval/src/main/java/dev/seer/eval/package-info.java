/**
 * Evaluation: ranking and rating metrics, the full-ranking protocol (sampled negatives only on
 * request, and labelled so), confidence intervals, significance tests, reports and top-N export.
 */
package dev.seer.eval;
