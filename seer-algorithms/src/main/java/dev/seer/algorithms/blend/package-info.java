/**
 * Linear blends of rating predictors whose weights are fitted on a validation part carved from the
 * training data, in the manner of the Netflix Prize blends (Koren, "The BellKor Solution to the
 * Netflix Grand Prize", 2009; Töscher, Jahrer and Bell, "The BigChaos Solution to the Netflix Grand
 * Prize", 2009).
 */
package dev.seer.algorithms.blend;
