package dev.seer.algorithms.ann;

import dev.seer.api.ProgressListener;
import java.util.SplittableRandom;

/**
 * Inserts items in index order into a new graph (algorithms 1 and 4 of the paper), one by one or in
 * batches whose searches run in parallel ({@link #build}). Either way the graph depends only on the
 * stored vectors, the options and the batch size, not on threads (the seed draws every item's level
 * before the first insertion).
 *
 * <p>Every distance the builder computes is from the <em>base point</em> of a node to a stored
 * vector. For L2 and cosine the base point is the stored vector itself. For inner product it is, by
 * default, the node's query form {@code (x, 0)} in the reduced space of {@link
 * Metric#INNER_PRODUCT}, which is the first {@code dimension} floats of the stored vector: the
 * builder then compares exactly as a user query does. With {@code itemSide} the base point is the
 * stored vector {@code x'}, which builds the plain nearest-neighbour graph of the reduced items.
 */
final class HnswBuilder {
  /** Candidate list size of the searches that connect unreachable items. */
  static final int REPAIR_EF = 16;

  private final HnswGraph g;
  private final int efConstruction;

  /** Floats of a base point: the stride, or the dimension for query-side inner product. */
  private final int len;

  private final Scratch s;
  private final Batch single;
  private final int[] selNodes;
  private final float[] selDist;
  private final int[] tmpNodes;
  private final float[] tmpDist;
  private final int[] tmpSel;
  private final float[] tmpSelDist;

  private HnswBuilder(HnswGraph g, int efConstruction, int len) {
    this.g = g;
    this.efConstruction = efConstruction;
    this.len = len;
    this.s = new Scratch(g.n, efConstruction, g.stride);
    this.single = new Batch(1, efConstruction);
    this.selNodes = new int[g.m0 + 1];
    this.selDist = new float[g.m0 + 1];
    this.tmpNodes = new int[g.m0 + 1];
    this.tmpDist = new float[g.m0 + 1];
    this.tmpSel = new int[g.m0 + 1];
    this.tmpSelDist = new float[g.m0 + 1];
  }

  /** Items inserted one by one before batched insertion starts, so that batches find structure. */
  static final int SEQUENTIAL_PREFIX = 2048;

  /**
   * Builds the graph; with {@code batch > 1}, after the first {@link #SEQUENTIAL_PREFIX} items,
   * items are inserted in batches: every item of a batch searches the graph as it was before the
   * batch (in parallel, on up to {@code threads} threads), then the batch is linked in index order,
   * each item also considering the earlier items of its own batch as candidates. The graph depends
   * on the batch size and the options, never on the thread count.
   *
   * @param stored {@code n * stride} floats, already transformed for the metric
   * @param metric the metric
   * @param dimension floats per item before the transform
   * @param n number of items
   * @param o the options
   * @param itemSide for inner product, build from the reduced item vectors instead of their query
   *     forms (see the class comment); ignored for other metrics
   * @param progress receives one update per percent of items inserted
   * @param batch items per batch; 1 inserts every item one by one (the classic algorithm)
   * @param threads most threads for the searches
   * @return the graph
   */
  static HnswGraph build(
      float[] stored,
      Metric metric,
      int dimension,
      int n,
      HnswOptions o,
      boolean itemSide,
      ProgressListener progress,
      int batch,
      int threads) {
    int stride = metric == Metric.INNER_PRODUCT ? dimension + 1 : dimension;
    int len = metric == Metric.INNER_PRODUCT && !itemSide ? dimension : stride;
    int m = o.m();
    byte[] levels = drawLevels(n, m, o.seed());
    int[][] upper = new int[n][];
    for (int i = 0; i < n; i++) {
      if (levels[i] > 0) {
        upper[i] = new int[levels[i] * (m + 1)];
      }
    }
    int[] links0 = new int[n * (2 * m + 1)];
    HnswGraph g =
        new HnswGraph(metric == Metric.L2, stride, n, m, stored, levels, links0, upper, -1, -1);
    HnswBuilder b = new HnswBuilder(g, o.efConstruction(), len);
    String task = "hnsw: build";
    progress.update(task, 0, n);
    int step = Math.max(1, n / 100);
    int sequential = batch <= 1 ? n : Math.min(n, SEQUENTIAL_PREFIX);
    for (int i = 0; i < sequential; i++) {
      b.insert(i);
      if ((i + 1) % step == 0 || i + 1 == n) {
        progress.update(task, i + 1, n);
      }
    }
    if (sequential < n) {
      Batch work = new Batch(batch, o.efConstruction());
      int workers = Math.max(1, Math.min(threads, batch));
      java.util.concurrent.ExecutorService pool =
          workers == 1
              ? null
              : java.util.concurrent.Executors.newFixedThreadPool(
                  workers,
                  r -> {
                    Thread t = new Thread(r, "seer-hnsw-build");
                    t.setDaemon(true);
                    return t;
                  });
      ThreadLocal<Scratch> scratch =
          ThreadLocal.withInitial(() -> new Scratch(g.n, o.efConstruction(), g.stride));
      try {
        for (int b0 = sequential; b0 < n; b0 += batch) {
          int b1 = Math.min(n, b0 + batch);
          int from = b0;
          if (pool == null) {
            for (int q = b0; q < b1; q++) {
              b.search(q, work, q - b0, b.s);
            }
          } else {
            java.util.List<java.util.concurrent.Callable<Void>> tasks = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
              int first = w;
              tasks.add(
                  () -> {
                    Scratch ts = scratch.get();
                    for (int k = first; k < b1 - from; k += workers) {
                      b.search(from + k, work, k, ts);
                    }
                    return null;
                  });
            }
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(tasks)) {
              f.get();
            }
          }
          for (int q = b0; q < b1; q++) {
            b.linkBatched(q, b0, work);
          }
          if (b1 / step != b0 / step || b1 == n) {
            progress.update(task, b1, n);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while building the HNSW index", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
    }
    b.connect();
    return g;
  }

  /** Candidate lists found for the items of one batch, per item and layer. */
  private static final class Batch {
    final int[][][] nodes;
    final float[][][] dist;
    final int[][] count;
    final int[] mergedNodes;
    final float[] mergedDist;

    Batch(int size, int ef) {
      nodes = new int[size][][];
      dist = new float[size][][];
      count = new int[size][];
      mergedNodes = new int[ef + size + 1];
      mergedDist = new float[ef + size + 1];
    }
  }

  /**
   * The search half of an insertion, on the graph as it is (read only): stores item q's candidate
   * lists for layers {@code min(level, maxLevel)..0} in slot {@code k} of the batch.
   */
  private void search(int q, Batch work, int k, Scratch ts) {
    int level = g.levels[q];
    int top = Math.min(level, g.maxLevel);
    work.nodes[k] = new int[top + 1][];
    work.dist[k] = new float[top + 1][];
    work.count[k] = new int[top + 1];
    float[] v = g.vectors;
    int qOff = q * g.stride;
    int ep = g.entry;
    float epd = dist(q, ep);
    if (g.maxLevel > level) {
      ep = g.greedy(v, qOff, len, ep, epd, g.maxLevel, level + 1, ts);
      epd = ts.greedyDist;
    }
    ts.eps[0] = ep;
    ts.epDist[0] = epd;
    int epCount = 1;
    for (int layer = top; layer >= 0; layer--) {
      g.searchLayer(v, qOff, len, epCount, efConstruction, layer, null, ts);
      int w = g.drain(ts);
      work.nodes[k][layer] = java.util.Arrays.copyOf(ts.sortedNodes, w);
      work.dist[k][layer] = java.util.Arrays.copyOf(ts.sortedDist, w);
      work.count[k][layer] = w;
      System.arraycopy(ts.sortedNodes, 0, ts.eps, 0, w);
      System.arraycopy(ts.sortedDist, 0, ts.epDist, 0, w);
      epCount = w;
    }
  }

  /**
   * The linking half of a batched insertion: merges item q's searched candidates with the earlier
   * items of its batch, keeps the closest {@code efConstruction}, and links as {@link #insert}
   * does.
   */
  private void linkBatched(int q, int b0, Batch work) {
    int k = q - b0;
    int level = g.levels[q];
    int searched = work.count[k].length - 1;
    int[] mn = work.mergedNodes;
    float[] md = work.mergedDist;
    for (int layer = Math.min(level, g.maxLevel); layer >= 0; layer--) {
      int c = 0;
      if (layer <= searched) {
        c = work.count[k][layer];
        System.arraycopy(work.nodes[k][layer], 0, mn, 0, c);
        System.arraycopy(work.dist[k][layer], 0, md, 0, c);
      }
      for (int p = b0; p < q; p++) {
        if (g.levels[p] < layer) {
          continue;
        }
        insertSorted(mn, md, c++, p, dist(q, p));
      }
      int w = Math.min(c, efConstruction);
      int r = select(mn, md, w, g.m, selNodes, selDist);
      int[] arr = g.linkArray(q, layer);
      int base = g.linkBase(q, layer);
      arr[base] = r;
      System.arraycopy(selNodes, 0, arr, base + 1, r);
      for (int j = 0; j < r; j++) {
        link(selNodes[j], q, layer);
      }
    }
    if (level > g.maxLevel) {
      g.entry = q;
      g.maxLevel = level;
    }
  }

  /**
   * Gives items that a bottom-layer walk from the entry point cannot reach an in-link, so that
   * every item can be found. Pruning can drop every link to an item; with inner product this is the
   * rule for short items, which are nobody's best match: on the one million
   * matrix-factorisation-shaped factors of {@link AnnBenchmark} over 90% of the items had no path
   * from the entry point (the repair added 912,860 links), and after linking from neighbourhoods
   * alone a third still had none. Each such item, in index order, gets a link from a reachable node
   * with room: first from its own neighbourhood ({@link #source}), and when no pass over the
   * neighbourhoods connects anything more, from a short search around the item ({@link
   * #searchSource}); whatever the new link leads to becomes reachable too. Items still unreachable
   * at the end are left to the exhaustive fallback of a search.
   *
   * @return how many items remain unreachable
   */
  private int connect() {
    int n = g.n;
    if (n == 0) {
      return 0;
    }
    int width = g.m0 + 1;
    int[] links = g.links0;
    boolean[] reach = new boolean[n];
    int[] stack = new int[n];
    int remaining = n - flood(g.entry, reach, stack);
    boolean changed = true;
    boolean local = true;
    while ((changed || local) && remaining > 0) {
      if (!changed) {
        local = false; // the neighbourhoods are exhausted: one last pass that searches
      }
      changed = false;
      for (int u = 0; u < n && remaining > 0; u++) {
        if (reach[u]) {
          continue;
        }
        int src = source(u, reach);
        if (src < 0 && !local) {
          src = searchSource(u, reach);
        }
        if (src >= 0) {
          int vb = src * width;
          links[vb + 1 + links[vb]] = u;
          links[vb]++;
          g.repairLinks++;
          remaining -= flood(u, reach, stack);
          changed = true;
        }
      }
    }
    return remaining;
  }

  /**
   * Picks the node to link to unreachable item u: the first of u's neighbours (closest first) that
   * is reachable and has room, else the reachable neighbour of a neighbour with room that is
   * closest to u (ties to the lower index), else -1.
   */
  private int source(int u, boolean[] reach) {
    int width = g.m0 + 1;
    int[] links = g.links0;
    int base = u * width;
    for (int j = 1; j <= links[base]; j++) {
      int v = links[base + j];
      if (reach[v] && links[v * width] < g.m0) {
        return v;
      }
    }
    int best = -1;
    float bestDist = 0;
    for (int j = 1; j <= links[base]; j++) {
      int vb = links[base + j] * width;
      for (int i = 1; i <= links[vb]; i++) {
        int w = links[vb + i];
        if (w != u && reach[w] && links[w * width] < g.m0) {
          float d = dist(u, w);
          if (best < 0 || NodeQueue.closer(d, w, bestDist, best)) {
            best = w;
            bestDist = d;
          }
        }
      }
    }
    return best;
  }

  /**
   * Searches the bottom layer from the entry point for the reachable node with room closest to item
   * u's stored vector, among the {@link #REPAIR_EF} closest found; returns -1 if none has room.
   */
  private int searchSource(int u, boolean[] reach) {
    float[] v = g.vectors;
    int off = u * g.stride;
    int ep = g.entry;
    float epd = g.distance(v, off, g.stride, ep);
    if (g.maxLevel > 0) {
      ep = g.greedy(v, off, g.stride, ep, epd, g.maxLevel, 1, s);
      epd = s.greedyDist;
    }
    s.eps[0] = ep;
    s.epDist[0] = epd;
    g.searchLayer(v, off, g.stride, 1, REPAIR_EF, 0, null, s);
    int w = g.drain(s);
    int width = g.m0 + 1;
    for (int i = 0; i < w; i++) {
      int x = s.sortedNodes[i];
      if (x != u && reach[x] && g.links0[x * width] < g.m0) {
        return x;
      }
    }
    return -1;
  }

  /**
   * Marks everything reachable from {@code start} on the bottom layer; returns how many were new.
   */
  private int flood(int start, boolean[] reach, int[] stack) {
    if (reach[start]) {
      return 0;
    }
    int width = g.m0 + 1;
    int[] links = g.links0;
    int top = 0;
    int count = 1;
    reach[start] = true;
    stack[top++] = start;
    while (top > 0) {
      int c = stack[--top];
      int base = c * width;
      for (int j = 1; j <= links[base]; j++) {
        int e = links[base + j];
        if (!reach[e]) {
          reach[e] = true;
          count++;
          stack[top++] = e;
        }
      }
    }
    return count;
  }

  /**
   * Draws each item's top layer, {@code floor(-ln(u) / ln(m))} for uniform {@code u} in (0, 1], so
   * that each layer holds about {@code 1/m} of the layer below.
   */
  static byte[] drawLevels(int n, int m, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double ml = 1.0 / Math.log(m);
    byte[] levels = new byte[n];
    for (int i = 0; i < n; i++) {
      double u = 1.0 - rnd.nextDouble();
      levels[i] = (byte) Math.min(HnswGraph.MAX_LEVEL, (int) (-Math.log(u) * ml));
    }
    return levels;
  }

  /** Distance from node a's base point to node b's stored vector. */
  private float dist(int a, int b) {
    return g.distance(g.vectors, a * g.stride, len, b);
  }

  private void insert(int q) {
    if (g.entry < 0) {
      g.entry = q;
      g.maxLevel = g.levels[q];
      return;
    }
    // searching every layer before linking any gives the same graph as interleaving them: a layer's
    // links are made after its search and only the layer below is searched next
    search(q, single, 0, s);
    linkBatched(q, q, single);
  }

  /**
   * The neighbour-selection heuristic (algorithm 4, without extending or keeping pruned
   * candidates): walking the candidates from the closest, keep one unless it is closer to an
   * already kept neighbour than to the base node. (All build distances are symmetric: for
   * query-side inner product, {@code -(x, 0) . y' = -x . y = -(y, 0) . x'}.) This keeps links that
   * point in different directions, which is what lets a search leave a cluster.
   *
   * @param cand candidates, closest to the base node first
   * @param dist their distances from the base node
   * @param count number of candidates
   * @param max most neighbours to keep
   * @param out receives the kept neighbours, closest first
   * @param outDist receives their distances
   * @return how many were kept
   */
  private int select(int[] cand, float[] dist, int count, int max, int[] out, float[] outDist) {
    int r = 0;
    for (int i = 0; i < count && r < max; i++) {
      int e = cand[i];
      float de = dist[i];
      boolean keep = true;
      for (int j = 0; j < r; j++) {
        if (dist(e, out[j]) < de) {
          keep = false;
          break;
        }
      }
      if (keep) {
        out[r] = e;
        outDist[r] = de;
        r++;
      }
    }
    return r;
  }

  /** Adds the link {@code e -> q}, shrinking e's list with the heuristic when it is full. */
  private void link(int e, int q, int layer) {
    int cap = layer == 0 ? g.m0 : g.m;
    int[] arr = g.linkArray(e, layer);
    int base = g.linkBase(e, layer);
    int cnt = arr[base];
    if (cnt < cap) {
      arr[base + 1 + cnt] = q;
      arr[base] = cnt + 1;
      return;
    }
    // Gather the current neighbours and q, sorted by distance from e (insertion sort: at most
    // 2m+1).
    int c = 0;
    for (int j = 0; j <= cnt; j++) {
      int x = j < cnt ? arr[base + 1 + j] : q;
      insertSorted(tmpNodes, tmpDist, c++, x, dist(e, x));
    }
    int r = select(tmpNodes, tmpDist, c, cap, tmpSel, tmpSelDist);
    arr[base] = r;
    System.arraycopy(tmpSel, 0, arr, base + 1, r);
  }

  /** Inserts (node, d) into the sorted first {@code count} entries, closest first. */
  private static void insertSorted(int[] nodes, float[] dist, int count, int node, float d) {
    int k = count;
    while (k > 0 && NodeQueue.closer(d, node, dist[k - 1], nodes[k - 1])) {
      nodes[k] = nodes[k - 1];
      dist[k] = dist[k - 1];
      k--;
    }
    nodes[k] = node;
    dist[k] = d;
  }
}
