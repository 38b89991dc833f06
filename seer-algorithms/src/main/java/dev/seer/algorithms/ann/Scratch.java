package dev.seer.algorithms.ann;

import java.util.Arrays;

/**
 * Working memory of one search or one build: visited marks (an epoch per node, so that clearing is
 * free), the two queues and buffers. One thread uses a scratch at a time.
 */
final class Scratch {
  private final int[] marks;
  private int epoch;

  /** Nodes marked since the last {@link #newEpoch()}. */
  int visited;

  final NodeQueue candidates;
  final NodeQueue results;

  /** Drained results, closest first. */
  int[] sortedNodes;

  float[] sortedDist;

  /** Entry points of a layer search. */
  int[] eps;

  float[] epDist;

  /** Distance of the node that {@link HnswGraph#greedy} returned. */
  float greedyDist;

  /** The query after preparation (for example scaled to unit length). */
  final float[] query;

  Scratch(int n, int ef, int stride) {
    this.marks = new int[n];
    this.candidates = new NodeQueue(false, ef * 4);
    this.results = new NodeQueue(true, ef + 1);
    this.sortedNodes = new int[ef + 1];
    this.sortedDist = new float[ef + 1];
    this.eps = new int[ef + 1];
    this.epDist = new float[ef + 1];
    this.query = new float[stride];
  }

  /** Starts a new search: every node counts as unvisited again. */
  void newEpoch() {
    if (epoch == Integer.MAX_VALUE) {
      Arrays.fill(marks, 0);
      epoch = 0;
    }
    epoch++;
    visited = 0;
  }

  /** Marks a node visited; returns false if it already was. */
  boolean visit(int node) {
    if (marks[node] == epoch) {
      return false;
    }
    marks[node] = epoch;
    visited++;
    return true;
  }

  /** Makes the sorted and entry buffers hold at least {@code n} entries. */
  void ensure(int n) {
    if (sortedNodes.length < n) {
      int c = Math.max(n, sortedNodes.length * 2);
      sortedNodes = new int[c];
      sortedDist = new float[c];
      eps = new int[c];
      epDist = new float[c];
    }
  }
}
