/** Benchmark programs whose JSON output goes to {@code docs/benchmarks/}. */
package dev.seer.algorithms.bench;
