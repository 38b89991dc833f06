package dev.seer.algorithms.ann;

import java.util.Arrays;

/**
 * A growable binary heap of (distance, node) pairs, ordered by distance and then by node index, so
 * that equal distances are resolved the same way everywhere. A min-queue has the closest pair at
 * the top, a max-queue the farthest. Not thread-safe.
 */
final class NodeQueue {
  private final boolean max;
  private float[] dist;
  private int[] node;
  private int size;

  NodeQueue(boolean max, int capacity) {
    this.max = max;
    int c = Math.max(4, capacity);
    this.dist = new float[c];
    this.node = new int[c];
  }

  /** True if (da, a) comes before (db, b): closer, or as close with a lower index. */
  static boolean closer(float da, int a, float db, int b) {
    return da < db || (da == db && a < b);
  }

  /** True if the first pair belongs above the second in this heap. */
  private boolean above(float da, int a, float db, int b) {
    return max ? closer(db, b, da, a) : closer(da, a, db, b);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  int topNode() {
    return node[0];
  }

  float topDist() {
    return dist[0];
  }

  void push(int n, float d) {
    if (size == dist.length) {
      dist = Arrays.copyOf(dist, size * 2);
      node = Arrays.copyOf(node, size * 2);
    }
    int k = size++;
    while (k > 0) {
      int p = (k - 1) >>> 1;
      if (!above(d, n, dist[p], node[p])) {
        break;
      }
      dist[k] = dist[p];
      node[k] = node[p];
      k = p;
    }
    dist[k] = d;
    node[k] = n;
  }

  /** Removes the top pair. */
  void pop() {
    int last = --size;
    if (last == 0) {
      return;
    }
    float d = dist[last];
    int n = node[last];
    int k = 0;
    int half = last >>> 1;
    while (k < half) {
      int c = 2 * k + 1;
      int r = c + 1;
      if (r < last && above(dist[r], node[r], dist[c], node[c])) {
        c = r;
      }
      if (!above(dist[c], node[c], d, n)) {
        break;
      }
      dist[k] = dist[c];
      node[k] = node[c];
      k = c;
    }
    dist[k] = d;
    node[k] = n;
  }
}
