package dev.seer.algorithms.ann;

import java.util.function.IntPredicate;

/**
 * The layered graph and the searches over it (algorithms 2 and 5 of the paper). The arrays are
 * written only while {@link HnswBuilder} inserts items; afterwards they are read-only, so any
 * number of threads may search at once, each with its own {@link Scratch}.
 *
 * <p>Links are stored flat: node {@code i}'s bottom-layer list is {@code links0[i * (m0 + 1)]} (the
 * count) followed by up to {@code m0} node indices; a node of level {@code L > 0} also has {@code
 * upper[i]}, holding for each layer {@code 1..L} a block of {@code m + 1} ints laid out the same
 * way.
 */
final class HnswGraph {
  /** Highest level a node may get. */
  static final int MAX_LEVEL = 62;

  final boolean l2;
  final int stride;
  final int n;
  final int m;
  final int m0;
  final float[] vectors;
  final byte[] levels;
  final int[] links0;
  final int[][] upper;
  int entry;
  int maxLevel;

  /** Links the build added to connect unreachable items (not stored in files). */
  int repairLinks;

  HnswGraph(
      boolean l2,
      int stride,
      int n,
      int m,
      float[] vectors,
      byte[] levels,
      int[] links0,
      int[][] upper,
      int entry,
      int maxLevel) {
    this.l2 = l2;
    this.stride = stride;
    this.n = n;
    this.m = m;
    this.m0 = 2 * m;
    this.vectors = vectors;
    this.levels = levels;
    this.links0 = links0;
    this.upper = upper;
    this.entry = entry;
    this.maxLevel = maxLevel;
  }

  /** Distance from the query slice {@code q[qOff..qOff+len)} to a stored node. */
  float distance(float[] q, int qOff, int len, int node) {
    int off = node * stride;
    return l2
        ? Distances.squaredL2(q, qOff, vectors, off, len)
        : 0f - Distances.dot(q, qOff, vectors, off, len);
  }

  /** The array that holds a node's list on a layer. */
  int[] linkArray(int node, int layer) {
    return layer == 0 ? links0 : upper[node];
  }

  /** The offset of a node's list (its count) in {@link #linkArray}. */
  int linkBase(int node, int layer) {
    return layer == 0 ? node * (m0 + 1) : (layer - 1) * (m + 1);
  }

  /**
   * Greedy descent (a layer search with {@code ef = 1}) from layer {@code from} down to layer
   * {@code to}, both at least 1. Returns the closest node found; its distance is left in {@code
   * s.greedyDist}.
   */
  int greedy(float[] q, int qOff, int len, int ep, float epd, int from, int to, Scratch s) {
    int cur = ep;
    float cd = epd;
    for (int layer = from; layer >= to; layer--) {
      boolean moved = true;
      while (moved) {
        moved = false;
        int[] arr = upper[cur];
        int base = (layer - 1) * (m + 1);
        int cnt = arr[base];
        for (int j = 1; j <= cnt; j++) {
          int e = arr[base + j];
          float d = distance(q, qOff, len, e);
          if (NodeQueue.closer(d, e, cd, cur)) {
            cur = e;
            cd = d;
            moved = true;
          }
        }
      }
    }
    s.greedyDist = cd;
    return cur;
  }

  /**
   * Searches one layer from the entry points {@code s.eps[0..epCount)} (algorithm 2), and leaves
   * the {@code ef} closest nodes found that {@code exclude} allows in {@code s.results}. Excluded
   * nodes are still walked through, so exclusions do not cut the graph; the walk goes on until it
   * has {@code ef} allowed nodes and no candidate is closer than the farthest of them.
   */
  void searchLayer(
      float[] q,
      int qOff,
      int len,
      int epCount,
      int ef,
      int layer,
      IntPredicate exclude,
      Scratch s) {
    NodeQueue cand = s.candidates;
    NodeQueue res = s.results;
    cand.clear();
    res.clear();
    s.newEpoch();
    for (int i = 0; i < epCount; i++) {
      int e = s.eps[i];
      if (s.visit(e)) {
        float d = s.epDist[i];
        cand.push(e, d);
        if (exclude == null || !exclude.test(e)) {
          res.push(e, d);
          if (res.size() > ef) {
            res.pop();
          }
        }
      }
    }
    int width = layer == 0 ? m0 + 1 : m + 1;
    while (!cand.isEmpty()) {
      int c = cand.topNode();
      float dc = cand.topDist();
      if (res.size() >= ef && NodeQueue.closer(res.topDist(), res.topNode(), dc, c)) {
        break;
      }
      cand.pop();
      int[] arr = layer == 0 ? links0 : upper[c];
      int base = layer == 0 ? c * width : (layer - 1) * width;
      int cnt = arr[base];
      for (int j = 1; j <= cnt; j++) {
        int e = arr[base + j];
        if (!s.visit(e)) {
          continue;
        }
        float d = distance(q, qOff, len, e);
        if (res.size() < ef || NodeQueue.closer(d, e, res.topDist(), res.topNode())) {
          cand.push(e, d);
          if (exclude == null || !exclude.test(e)) {
            res.push(e, d);
            if (res.size() > ef) {
              res.pop();
            }
          }
        }
      }
    }
  }

  /**
   * Offers every node the last search did not visit to {@code s.results}: the fallback that keeps
   * results complete when the walk ran out of nodes (most items excluded, or nodes the walk could
   * not reach).
   */
  void scanUnvisited(float[] q, int len, int ef, IntPredicate exclude, Scratch s) {
    NodeQueue res = s.results;
    for (int e = 0; e < n; e++) {
      if (!s.visit(e) || (exclude != null && exclude.test(e))) {
        continue;
      }
      float d = distance(q, 0, len, e);
      if (res.size() < ef || NodeQueue.closer(d, e, res.topDist(), res.topNode())) {
        res.push(e, d);
        if (res.size() > ef) {
          res.pop();
        }
      }
    }
  }

  /** Empties {@code s.results} into {@code s.sortedNodes/sortedDist}, closest first. */
  int drain(Scratch s) {
    NodeQueue res = s.results;
    int c = res.size();
    s.ensure(c);
    for (int i = c - 1; i >= 0; i--) {
      s.sortedNodes[i] = res.topNode();
      s.sortedDist[i] = res.topDist();
      res.pop();
    }
    return c;
  }
}
