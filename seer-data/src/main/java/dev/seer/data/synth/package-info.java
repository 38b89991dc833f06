/**
 * A seeded generator of synthetic interaction data with power-law user activity and item popularity
 * and a latent topic structure that recommenders can learn, for tests and benchmarks at any size.
 * Large outputs are streamed to files in memory proportional to users plus items.
 */
package dev.seer.data.synth;
