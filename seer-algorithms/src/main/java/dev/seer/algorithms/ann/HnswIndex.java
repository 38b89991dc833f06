package dev.seer.algorithms.ann;

import dev.seer.api.InputException;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntPredicate;

/**
 * An approximate nearest-neighbour index over item vectors: a Hierarchical Navigable Small World
 * graph (Y. A. Malkov and D. A. Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", IEEE TPAMI 42(4), 2018), written from the
 * paper.
 *
 * <p>Each item gets a random top layer (about {@code 1/m} of the items of each layer reach the
 * next); on every layer up to its own, an item links to at most {@code m} ({@code 2 m} on the
 * bottom layer) neighbours chosen by the paper's diversity heuristic. A search descends greedily
 * from the single top-layer entry point and then runs a best-first search with a candidate list of
 * size {@code ef} on the bottom layer. Larger {@code ef} is slower and finds more of the true
 * nearest items. After the insertions, items that pruning left without any link to them get one
 * from a nearby node with room, so that a walk from the entry point can reach every item (with
 * inner product, many short items would otherwise be unreachable).
 *
 * <p>Use {@link Metric#INNER_PRODUCT} to serve matrix-factorisation models: index the item factors
 * and search with the user factor; the results are the items of (approximately) highest {@code user
 * . item} (see {@link Metric#INNER_PRODUCT} for the reduction to nearest-neighbour search).
 *
 * <p><b>Results.</b> A search returns a {@link Ranking} of the {@code k} best items it found, best
 * first, with their exact scores ({@code -distance}, see {@link Metric}); equal scores go to the
 * lower item index. Excluded items (for example the user's seen items) are walked through but never
 * returned, and the search continues until it has {@code max(ef, k)} allowed items, so exclusions
 * do not shrink the result: a search returns {@code min(k, allowed items)} items. When the graph
 * walk runs out of nodes before that (nearly everything excluded, {@code ef} at least the number of
 * items, or an item that could not be connected), the items it did not visit are scanned
 * exhaustively; so with {@code ef >= size()} the search is exact.
 *
 * <p><b>Reproducibility and threads.</b> The build is single-threaded and inserts items in index
 * order, so the same vectors, metric and options (including the seed) give the same graph and the
 * same file, byte for byte. The index is immutable; any number of threads may search at once. Each
 * concurrent search borrows a work area of about {@code 4 * size()} bytes, kept for reuse.
 */
public final class HnswIndex {
  /** The first int of an index file. */
  static final int MAGIC = 0x484E5357; // "HNSW"

  /** The last int of an index file. */
  static final int END = 0x454E4421; // "END!"

  /** The file format version that {@link #write} writes. */
  public static final int FORMAT_VERSION = 1;

  private static final int CHUNK = 1 << 14;

  private final Metric metric;
  private final int dimension;
  private final HnswOptions options;
  private final boolean itemSide;
  private final HnswGraph graph;
  private final ConcurrentLinkedQueue<Scratch> scratch = new ConcurrentLinkedQueue<>();

  private HnswIndex(
      Metric metric, int dimension, HnswOptions options, boolean itemSide, HnswGraph graph) {
    this.metric = metric;
    this.dimension = dimension;
    this.options = options;
    this.itemSide = itemSide;
    this.graph = graph;
  }

  /**
   * Builds an index. The vectors are copied (and transformed for the metric), so the caller may
   * reuse the array.
   *
   * @param vectors {@code n * dimension} floats, item {@code i} at {@code [i * dimension, (i + 1) *
   *     dimension)}; item indices are the row numbers
   * @param dimension the length of each vector, 1 or more
   * @param metric how queries and items are compared
   * @param options the graph options and seed
   * @param progress receives progress as items are inserted ({@code "hnsw: build"}, items done,
   *     items in all), or {@code null}
   * @return the index
   * @throws InputException if the vectors do not fit the dimension or hold non-finite numbers
   */
  public static HnswIndex build(
      float[] vectors,
      int dimension,
      Metric metric,
      HnswOptions options,
      ProgressListener progress) {
    return build(vectors, dimension, metric, options, false, progress, 1, 1);
  }

  /** Items per batch of {@link #buildParallel}. */
  public static final int PARALLEL_BATCH = 64;

  /**
   * Builds an index on several threads: after the first items, items are inserted in batches of
   * {@link #PARALLEL_BATCH} whose searches run in parallel on the graph as it was before the batch,
   * and whose links are then made in index order, each item also weighing the earlier items of its
   * batch. The graph depends on the vectors and options only, not on {@code threads}; it differs
   * from the graph {@link #build} makes, with about the same recall.
   *
   * @param vectors as for {@link #build}
   * @param dimension as for {@link #build}
   * @param metric as for {@link #build}
   * @param options as for {@link #build}
   * @param threads most threads to use, at least 1
   * @param progress as for {@link #build}
   * @return the index
   * @throws InputException as for {@link #build}, or if {@code threads} is below 1
   */
  public static HnswIndex buildParallel(
      float[] vectors,
      int dimension,
      Metric metric,
      HnswOptions options,
      int threads,
      ProgressListener progress) {
    if (threads < 1) {
      throw new InputException("threads=" + threads + " is not valid; give 1 or more.");
    }
    return build(vectors, dimension, metric, options, false, progress, PARALLEL_BATCH, threads);
  }

  /**
   * Builds an index; with {@code itemSide}, an inner-product graph is built from the reduced item
   * vectors instead of their query forms (see {@link Metric#INNER_PRODUCT}); kept for comparison in
   * {@link AnnBenchmark}.
   */
  static HnswIndex build(
      float[] vectors,
      int dimension,
      Metric metric,
      HnswOptions options,
      boolean itemSide,
      ProgressListener progress) {
    return build(vectors, dimension, metric, options, itemSide, progress, 1, 1);
  }

  private static HnswIndex build(
      float[] vectors,
      int dimension,
      Metric metric,
      HnswOptions options,
      boolean itemSide,
      ProgressListener progress,
      int batch,
      int threads) {
    if (metric == null) {
      throw new InputException("The metric is missing; give one of l2, cosine, inner-product.");
    }
    if (options == null) {
      throw new InputException("The HNSW options are missing; give HnswOptions.defaults(seed).");
    }
    if (dimension < 1) {
      throw new InputException(
          "dimension=" + dimension + " is not valid; give the vector length, 1 or more.");
    }
    if (vectors == null || vectors.length % dimension != 0) {
      throw new InputException(
          "The vector array has "
              + (vectors == null ? "no" : Integer.toString(vectors.length))
              + " entries, which is not a multiple of the dimension "
              + dimension
              + "; give n * dimension floats, one row per item.");
    }
    int n = vectors.length / dimension;
    int stride = metric == Metric.INNER_PRODUCT ? dimension + 1 : dimension;
    long links = (long) n * (2L * options.m() + 1);
    if ((long) n * stride > Integer.MAX_VALUE - 8 || links > Integer.MAX_VALUE - 8) {
      throw new InputException(
          n
              + " items of dimension "
              + dimension
              + " with m="
              + options.m()
              + " are too many for one index; split the catalogue or lower m.");
    }
    float[] stored = transform(vectors, dimension, n, stride, metric);
    HnswGraph g =
        HnswBuilder.build(
            stored,
            metric,
            dimension,
            n,
            options,
            itemSide,
            progress == null ? ProgressListener.NONE : progress,
            batch,
            threads);
    return new HnswIndex(metric, dimension, options, itemSide && metric == Metric.INNER_PRODUCT, g);
  }

  /** Copies the vectors, checking them, and applies the metric's transform. */
  private static float[] transform(float[] v, int dim, int n, int stride, Metric metric) {
    float[] out = new float[n * stride];
    double maxNorm2 = 0;
    double[] norm2 = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < dim; j++) {
        float x = v[i * dim + j];
        if (!Float.isFinite(x)) {
          throw new InputException(
              "Item "
                  + i
                  + " has "
                  + x
                  + " at coordinate "
                  + j
                  + "; give finite numbers only (check the model that produced the vectors).");
        }
        s += (double) x * x;
      }
      if (s > Float.MAX_VALUE / 4) {
        throw new InputException(
            "Item "
                + i
                + " has the norm "
                + Math.sqrt(s)
                + ", too large to compare; scale the vectors down.");
      }
      norm2[i] = s;
      maxNorm2 = Math.max(maxNorm2, s);
    }
    for (int i = 0; i < n; i++) {
      int src = i * dim;
      int dst = i * stride;
      switch (metric) {
        case L2 -> System.arraycopy(v, src, out, dst, dim);
        case COSINE -> {
          double scale = norm2[i] > 0 ? 1 / Math.sqrt(norm2[i]) : 0;
          for (int j = 0; j < dim; j++) {
            out[dst + j] = (float) (v[src + j] * scale);
          }
        }
        case INNER_PRODUCT -> {
          System.arraycopy(v, src, out, dst, dim);
          out[dst + dim] = (float) Math.sqrt(Math.max(0, maxNorm2 - norm2[i]));
        }
      }
    }
    return out;
  }

  /**
   * Finds the {@code k} best items for a query with the default {@code efSearch}.
   *
   * @param query a vector of {@link #dimension()} floats (for {@link Metric#INNER_PRODUCT}, for
   *     example a user factor)
   * @param k how many items to return
   * @return the ranking, best first
   * @throws InputException on a bad query or {@code k}
   */
  public Ranking search(float[] query, int k) {
    return search(query, k, options.efSearch(), null);
  }

  /**
   * Finds the {@code k} best items for a query that {@code exclude} allows.
   *
   * @param query a vector of {@link #dimension()} floats
   * @param k how many items to return; fewer only when fewer items are allowed
   * @param ef the candidate list size, 1 to {@link HnswOptions#MAX_EF}; the search uses at least
   *     {@code k}; at least {@link #size()} makes the search exact
   * @param exclude true for items that must not be returned (for example the user's seen items), or
   *     {@code null}; it may be called from the searching thread once per visited item
   * @return the ranking, best first, ties to the lower index
   * @throws InputException on a bad query, {@code k} or {@code ef}
   */
  public Ranking search(float[] query, int k, int ef, IntPredicate exclude) {
    checkQuery(query);
    checkK(k);
    if (ef < 1 || ef > HnswOptions.MAX_EF) {
      throw new InputException(
          "ef=" + ef + " is not valid; give a number from 1 to " + HnswOptions.MAX_EF + ".");
    }
    HnswGraph g = graph;
    if (k == 0 || g.n == 0) {
      return new Ranking(new int[0], new float[0]);
    }
    int width = Math.min(Math.max(ef, k), g.n);
    Scratch s = borrow();
    try {
      float[] q = prepare(query, s.query);
      int len = dimension; // for INNER_PRODUCT the query's extra coordinate is 0: skip it
      int ep = g.entry;
      float epd = g.distance(q, 0, len, ep);
      if (g.maxLevel > 0) {
        ep = g.greedy(q, 0, len, ep, epd, g.maxLevel, 1, s);
        epd = s.greedyDist;
      }
      s.eps[0] = ep;
      s.epDist[0] = epd;
      g.searchLayer(q, 0, len, 1, width, 0, exclude, s);
      if (s.results.size() < width && s.visited < g.n) {
        g.scanUnvisited(q, len, width, exclude, s);
      }
      int c = g.drain(s);
      int r = Math.min(k, c);
      int[] items = Arrays.copyOf(s.sortedNodes, r);
      float[] scores = new float[r];
      for (int i = 0; i < r; i++) {
        scores[i] = 0f - s.sortedDist[i];
      }
      return new Ranking(items, scores);
    } finally {
      scratch.offer(s);
    }
  }

  /**
   * Finds the exact {@code k} best items by scoring every item (brute force), with the same scores
   * and tie-break as {@link #search}; for ground truth and small catalogues.
   *
   * @param query a vector of {@link #dimension()} floats
   * @param k how many items to return
   * @param exclude true for items that must not be returned, or {@code null}
   * @return the ranking, best first, ties to the lower index
   * @throws InputException on a bad query or {@code k}
   */
  public Ranking exactSearch(float[] query, int k, IntPredicate exclude) {
    checkQuery(query);
    checkK(k);
    float[] q = prepare(query, new float[dimension]);
    float[] scores = new float[graph.n];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 0f - graph.distance(q, 0, dimension, i);
    }
    return Ranker.topN(scores, k, exclude);
  }

  /**
   * Returns the exact score of one item for a query, as {@link #search} reports it.
   *
   * @param query a vector of {@link #dimension()} floats
   * @param item the item index
   * @return the score (see {@link Metric})
   * @throws InputException on a bad query or item
   */
  public float score(float[] query, int item) {
    checkQuery(query);
    if (item < 0 || item >= graph.n) {
      throw new InputException(
          "Item " + item + " is not in the index; give an index from 0 to " + (graph.n - 1) + ".");
    }
    float[] q = prepare(query, new float[dimension]);
    return 0f - graph.distance(q, 0, dimension, item);
  }

  private void checkQuery(float[] query) {
    if (query == null || query.length != dimension) {
      throw new InputException(
          "The query has "
              + (query == null ? "no" : Integer.toString(query.length))
              + " coordinates but the index holds vectors of dimension "
              + dimension
              + "; give a query of the same dimension.");
    }
    for (int j = 0; j < query.length; j++) {
      if (!Float.isFinite(query[j])) {
        throw new InputException(
            "The query has " + query[j] + " at coordinate " + j + "; give finite numbers only.");
      }
    }
  }

  private static void checkK(int k) {
    if (k < 0) {
      throw new InputException("k=" + k + " is not valid; give 0 or more.");
    }
  }

  /** Returns the query in the stored space: for cosine, scaled to unit length into buf. */
  private float[] prepare(float[] query, float[] buf) {
    if (metric != Metric.COSINE) {
      return query;
    }
    double n2 = 0;
    for (float x : query) {
      n2 += (double) x * x;
    }
    double scale = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
    for (int j = 0; j < dimension; j++) {
      buf[j] = (float) (query[j] * scale);
    }
    return buf;
  }

  private Scratch borrow() {
    Scratch s = scratch.poll();
    return s != null ? s : new Scratch(graph.n, options.efSearch(), graph.stride);
  }

  /**
   * Returns the number of items.
   *
   * @return the item count
   */
  public int size() {
    return graph.n;
  }

  /**
   * Returns the length of the vectors (and queries).
   *
   * @return the dimension
   */
  public int dimension() {
    return dimension;
  }

  /**
   * Returns the metric.
   *
   * @return the metric
   */
  public Metric metric() {
    return metric;
  }

  /**
   * Returns the options the index was built with.
   *
   * @return the options
   */
  public HnswOptions options() {
    return options;
  }

  /**
   * Returns the number of layers above the bottom one.
   *
   * @return the top level, or -1 for an empty index
   */
  public int maxLevel() {
    return graph.maxLevel;
  }

  /**
   * Returns the approximate heap size of the index's arrays: the stored vectors, the links and the
   * levels, counting 16 bytes of header per array and 4 bytes per reference (compressed
   * references). Work areas of searches are not included.
   *
   * @return bytes
   */
  public long memoryBytes() {
    HnswGraph g = graph;
    long b = 16 + 4L * g.vectors.length + 16 + 4L * g.links0.length + 16 + g.levels.length;
    b += 16 + 4L * g.upper.length;
    for (int[] u : g.upper) {
      if (u != null) {
        b += 16 + 4L * u.length;
      }
    }
    return b;
  }

  /** Returns a copy of an item's stored (transformed) vector; for tests. */
  float[] stored(int item) {
    return Arrays.copyOfRange(
        graph.vectors, item * graph.stride, item * graph.stride + graph.stride);
  }

  /**
   * Counts the items that a walk over the bottom layer cannot reach from the entry point (such
   * items are found only by the exhaustive fallback of {@link #search}); for tests and benchmarks.
   */
  int unreachable() {
    HnswGraph g = graph;
    if (g.n == 0) {
      return 0;
    }
    boolean[] seen = new boolean[g.n];
    int[] stack = new int[g.n];
    int top = 0;
    int count = 1;
    seen[g.entry] = true;
    stack[top++] = g.entry;
    int width = g.m0 + 1;
    while (top > 0) {
      int c = stack[--top];
      for (int j = 1; j <= g.links0[c * width]; j++) {
        int e = g.links0[c * width + j];
        if (!seen[e]) {
          seen[e] = true;
          count++;
          stack[top++] = e;
        }
      }
    }
    return g.n - count;
  }

  /**
   * Returns how many links the build added to connect items that pruning had left unreachable (each
   * makes at least one item reachable); 0 for a loaded index; for benchmarks.
   */
  int repairLinks() {
    return graph.repairLinks;
  }

  /** Returns a copy of an item's links on a layer; for tests. */
  int[] links(int item, int layer) {
    int[] arr = graph.linkArray(item, layer);
    int base = graph.linkBase(item, layer);
    return Arrays.copyOfRange(arr, base + 1, base + 1 + arr[base]);
  }

  /**
   * Writes the index. Format version 1, big-endian: the ints {@code MAGIC} ("HNSW") and the
   * version; the metric code, the construction (0, or 1 for an item-side inner-product graph),
   * dimension, item count {@code n}, {@code m}, {@code efConstruction}, {@code efSearch} (ints) and
   * the seed (long); the entry point and top level (ints); the stored vectors ({@code n * stride}
   * floats, {@code stride} being the dimension, plus one for inner product); the level of each item
   * ({@code n} bytes); the bottom-layer link counts ({@code n} shorts) and links (ints); for each
   * item of level {@code L > 0} and each layer {@code 1..L}, in item order, the link counts
   * (shorts), then all those links (ints); and the int {@code END}. Lists are written without their
   * unused capacity.
   *
   * @param out the stream; not closed
   * @throws IOException on failure
   */
  public void write(DataOutputStream out) throws IOException {
    HnswGraph g = graph;
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeInt(metric.code());
    out.writeInt(itemSide ? 1 : 0);
    out.writeInt(dimension);
    out.writeInt(g.n);
    out.writeInt(options.m());
    out.writeInt(options.efConstruction());
    out.writeInt(options.efSearch());
    out.writeLong(options.seed());
    out.writeInt(g.entry);
    out.writeInt(g.maxLevel);
    writeFloats(out, g.vectors);
    out.write(g.levels);
    int width0 = g.m0 + 1;
    short[] counts = new short[g.n];
    int total = 0;
    for (int i = 0; i < g.n; i++) {
      counts[i] = (short) g.links0[i * width0];
      total += counts[i];
    }
    int[] flat = new int[total];
    int p = 0;
    for (int i = 0; i < g.n; i++) {
      System.arraycopy(g.links0, i * width0 + 1, flat, p, counts[i]);
      p += counts[i];
    }
    writeShorts(out, counts, counts.length);
    writeInts(out, flat, flat.length);
    int blocks = 0;
    total = 0;
    for (int i = 0; i < g.n; i++) {
      for (int layer = 1; layer <= g.levels[i]; layer++) {
        blocks++;
        total += g.upper[i][(layer - 1) * (g.m + 1)];
      }
    }
    counts = new short[blocks];
    flat = new int[total];
    int b = 0;
    p = 0;
    for (int i = 0; i < g.n; i++) {
      for (int layer = 1; layer <= g.levels[i]; layer++) {
        int base = (layer - 1) * (g.m + 1);
        int c = g.upper[i][base];
        counts[b++] = (short) c;
        System.arraycopy(g.upper[i], base + 1, flat, p, c);
        p += c;
      }
    }
    writeShorts(out, counts, blocks);
    writeInts(out, flat, total);
    out.writeInt(END);
  }

  /**
   * Reads an index written by {@link #write}, checking that it is consistent.
   *
   * @param in the stream, positioned at the index; not closed
   * @return the index
   * @throws IOException on failure, an unknown format version or corrupt data
   */
  public static HnswIndex read(DataInputStream in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not an HNSW index (bad magic number 0x" + Integer.toHexString(magic));
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException(
          "HNSW index format version "
              + version
              + " is not supported; this Seer reads version "
              + FORMAT_VERSION);
    }
    Metric metric = Metric.ofCode(in.readInt());
    int construction = in.readInt();
    int dim = in.readInt();
    int n = in.readInt();
    int m = in.readInt();
    int efc = in.readInt();
    int efs = in.readInt();
    long seed = in.readLong();
    if (metric == null
        || dim < 1
        || n < 0
        || construction < 0
        || construction > (metric == Metric.INNER_PRODUCT ? 1 : 0)) {
      throw corrupt("bad header");
    }
    HnswOptions options;
    try {
      options = new HnswOptions(m, efc, efs, seed);
    } catch (InputException e) {
      throw corrupt("bad options: " + e.getMessage());
    }
    int stride = metric == Metric.INNER_PRODUCT ? dim + 1 : dim;
    if ((long) n * stride > Integer.MAX_VALUE - 8
        || (long) n * (2L * m + 1) > Integer.MAX_VALUE - 8) {
      throw corrupt("too many items");
    }
    int entry = in.readInt();
    int maxLevel = in.readInt();
    if (n == 0 ? entry != -1 || maxLevel != -1 : entry < 0 || entry >= n || maxLevel < 0) {
      throw corrupt("bad entry point");
    }
    float[] vectors = new float[n * stride];
    readFloats(in, vectors);
    byte[] levels = new byte[n];
    in.readFully(levels);
    for (byte l : levels) {
      if (l < 0 || l > maxLevel) {
        throw corrupt("bad level " + l);
      }
    }
    if (n > 0 && levels[entry] != maxLevel) {
      throw corrupt("the entry point is not on the top layer");
    }
    int m0 = 2 * m;
    int[] links0 = new int[n * (m0 + 1)];
    short[] counts = new short[n];
    readShorts(in, counts, n);
    long total = 0;
    for (short c : counts) {
      if (c < 0 || c > m0) {
        throw corrupt("bad link count " + c);
      }
      total += c;
    }
    int[] flat = new int[(int) total];
    readInts(in, flat, flat.length);
    int p = 0;
    for (int i = 0; i < n; i++) {
      links0[i * (m0 + 1)] = counts[i];
      for (int j = 0; j < counts[i]; j++) {
        links0[i * (m0 + 1) + 1 + j] = checkLink(flat[p++], n, levels, 0);
      }
    }
    int blocks = 0;
    for (byte l : levels) {
      blocks += l;
    }
    counts = new short[blocks];
    readShorts(in, counts, blocks);
    total = 0;
    for (short c : counts) {
      if (c < 0 || c > m) {
        throw corrupt("bad link count " + c);
      }
      total += c;
    }
    flat = new int[(int) total];
    readInts(in, flat, flat.length);
    int[][] upper = new int[n][];
    int b = 0;
    p = 0;
    for (int i = 0; i < n; i++) {
      if (levels[i] == 0) {
        continue;
      }
      upper[i] = new int[levels[i] * (m + 1)];
      for (int layer = 1; layer <= levels[i]; layer++) {
        int base = (layer - 1) * (m + 1);
        int c = counts[b++];
        upper[i][base] = c;
        for (int j = 0; j < c; j++) {
          upper[i][base + 1 + j] = checkLink(flat[p++], n, levels, layer);
        }
      }
    }
    if (in.readInt() != END) {
      throw corrupt("missing end marker");
    }
    HnswGraph g =
        new HnswGraph(
            metric == Metric.L2, stride, n, m, vectors, levels, links0, upper, entry, maxLevel);
    return new HnswIndex(metric, dim, options, construction == 1, g);
  }

  private static int checkLink(int node, int n, byte[] levels, int layer) throws IOException {
    if (node < 0 || node >= n || levels[node] < layer) {
      throw corrupt("link to node " + node + " on layer " + layer);
    }
    return node;
  }

  private static IOException corrupt(String what) {
    return new IOException("corrupt HNSW index: " + what);
  }

  private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(CHUNK * 4);
    for (int off = 0; off < a.length; off += CHUNK) {
      int c = Math.min(CHUNK, a.length - off);
      bb.clear();
      bb.asFloatBuffer().put(a, off, c);
      out.write(bb.array(), 0, c * 4);
    }
  }

  private static void readFloats(DataInputStream in, float[] a) throws IOException {
    byte[] buf = new byte[CHUNK * 4];
    for (int off = 0; off < a.length; off += CHUNK) {
      int c = Math.min(CHUNK, a.length - off);
      in.readFully(buf, 0, c * 4);
      ByteBuffer.wrap(buf).asFloatBuffer().get(a, off, c);
    }
  }

  private static void writeInts(DataOutputStream out, int[] a, int n) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(CHUNK * 4);
    for (int off = 0; off < n; off += CHUNK) {
      int c = Math.min(CHUNK, n - off);
      bb.clear();
      bb.asIntBuffer().put(a, off, c);
      out.write(bb.array(), 0, c * 4);
    }
  }

  private static void readInts(DataInputStream in, int[] a, int n) throws IOException {
    byte[] buf = new byte[CHUNK * 4];
    for (int off = 0; off < n; off += CHUNK) {
      int c = Math.min(CHUNK, n - off);
      in.readFully(buf, 0, c * 4);
      ByteBuffer.wrap(buf).asIntBuffer().get(a, off, c);
    }
  }

  private static void writeShorts(DataOutputStream out, short[] a, int n) throws IOException {
    ByteBuffer bb = ByteBuffer.allocate(CHUNK * 2);
    for (int off = 0; off < n; off += CHUNK) {
      int c = Math.min(CHUNK, n - off);
      bb.clear();
      bb.asShortBuffer().put(a, off, c);
      out.write(bb.array(), 0, c * 2);
    }
  }

  private static void readShorts(DataInputStream in, short[] a, int n) throws IOException {
    byte[] buf = new byte[CHUNK * 2];
    for (int off = 0; off < n; off += CHUNK) {
      int c = Math.min(CHUNK, n - off);
      in.readFully(buf, 0, c * 2);
      ByteBuffer.wrap(buf).asShortBuffer().get(a, off, c);
    }
  }
}
