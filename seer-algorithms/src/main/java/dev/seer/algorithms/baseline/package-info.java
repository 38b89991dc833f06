/**
 * Baseline recommenders: random scores, popularity and a biased rating baseline (global mean plus
 * user and item biases).
 */
package dev.seer.algorithms.baseline;
