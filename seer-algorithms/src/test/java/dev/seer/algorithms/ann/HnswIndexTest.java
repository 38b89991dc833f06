package dev.seer.algorithms.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Ranking;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Search results against brute force computed here in double precision. Tolerances: scores agree to
 * {@link #TOL} (float arithmetic over at most 32 coordinates of values near 1), and items are
 * compared only where the brute-force scores differ by more than {@link #TOL} from their
 * neighbours, since near-ties may fall either way in float.
 */
class HnswIndexTest {
  private static final double TOL = 1e-4;

  /** Small graphs (m = 4) so that tiny sets still exercise the graph and its pruning. */
  private static final HnswOptions SMALL = new HnswOptions(4, 8, 10, 3);

  private static float[] gaussian(int n, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static float[] row(float[] v, int dim, int i) {
    return Arrays.copyOfRange(v, i * dim, (i + 1) * dim);
  }

  /** The score of item i for query q, as {@link Metric} defines it, in double precision. */
  private static double score(Metric metric, float[] items, int dim, int i, float[] q) {
    double dot = 0;
    double l2 = 0;
    double nq = 0;
    double nx = 0;
    for (int j = 0; j < dim; j++) {
      double x = items[i * dim + j];
      dot += x * q[j];
      l2 += (x - q[j]) * (x - q[j]);
      nq += (double) q[j] * q[j];
      nx += x * x;
    }
    return switch (metric) {
      case L2 -> -l2;
      case COSINE -> nq == 0 || nx == 0 ? 0 : dot / Math.sqrt(nq * nx);
      case INNER_PRODUCT -> dot;
    };
  }

  /** Brute-force top-k in double, ties to the lower index. */
  private static Integer[] bruteForce(
      Metric metric, float[] items, int dim, float[] q, int k, IntPredicate exclude, double[] s) {
    int n = items.length / dim;
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s[i] = score(metric, items, dim, i, q);
      if (exclude == null || !exclude.test(i)) {
        ids.add(i);
      }
    }
    ids.sort((a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
    return ids.subList(0, Math.min(k, ids.size())).toArray(new Integer[0]);
  }

  private static void assertExact(
      Metric metric, float[] items, int dim, float[] q, int k, IntPredicate ex, Ranking got) {
    double[] s = new double[items.length / dim];
    Integer[] want = bruteForce(metric, items, dim, q, k, ex, s);
    assertEquals(want.length, got.size(), "result size");
    for (int i = 0; i < want.length; i++) {
      assertEquals(s[want[i]], got.scores()[i], TOL, "score at rank " + i);
      boolean tiedBefore = i > 0 && Math.abs(s[want[i]] - s[want[i - 1]]) <= TOL;
      boolean tiedAfter = i + 1 < want.length && Math.abs(s[want[i]] - s[want[i + 1]]) <= TOL;
      if (!tiedBefore && !tiedAfter) {
        assertEquals((int) want[i], got.items()[i], "item at rank " + i);
      }
    }
  }

  private static void assertSame(Ranking want, Ranking got, String where) {
    assertArrayEquals(want.items(), got.items(), where);
    assertArrayEquals(want.scores(), got.scores(), where);
  }

  private static double recall(HnswIndex idx, float[] queries, int dim, int k, int ef) {
    int nq = queries.length / dim;
    int hits = 0;
    for (int q = 0; q < nq; q++) {
      float[] qv = row(queries, dim, q);
      int[] truth = idx.exactSearch(qv, k, null).items();
      Ranking r = idx.search(qv, k, ef, null);
      for (int a : r.items()) {
        for (int b : truth) {
          hits += a == b ? 1 : 0;
        }
      }
    }
    return hits / (double) (nq * k);
  }

  private static byte[] bytes(HnswIndex idx) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      idx.write(out);
    }
    return bos.toByteArray();
  }

  private static HnswIndex read(byte[] b) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      return HnswIndex.read(in);
    }
  }

  @Test
  void handComputedEuclideanRanking() {
    float[] items = {0, 1, 2, 3};
    HnswIndex idx = HnswIndex.build(items, 1, Metric.L2, SMALL, null);
    Ranking r = idx.search(new float[] {1.25f}, 4);
    // (1.25 - x)^2 for x = 1, 2, 0, 3: 0.0625, 0.5625, 1.5625, 3.0625 (exact in binary).
    assertArrayEquals(new int[] {1, 2, 0, 3}, r.items());
    assertArrayEquals(new float[] {-0.0625f, -0.5625f, -1.5625f, -3.0625f}, r.scores());
  }

  @Test
  void innerProductIsNotCosine() {
    // a = (1, 0), b = (3, 3), c = (-1, 0.5); query (1, 0): q.a = 1, q.b = 3, q.c = -1, while the
    // cosines are 1, 1/sqrt(2) and -1/sqrt(1.25).
    float[] items = {1, 0, 3, 3, -1, 0.5f};
    float[] q = {1, 0};
    Ranking ip = HnswIndex.build(items, 2, Metric.INNER_PRODUCT, SMALL, null).search(q, 3);
    assertArrayEquals(new int[] {1, 0, 2}, ip.items());
    assertArrayEquals(new float[] {3, 1, -1}, ip.scores());
    Ranking cos = HnswIndex.build(items, 2, Metric.COSINE, SMALL, null).search(q, 3);
    assertArrayEquals(new int[] {0, 1, 2}, cos.items());
    assertArrayEquals(
        new float[] {1, (float) (1 / Math.sqrt(2)), (float) (-1 / Math.sqrt(1.25))},
        cos.scores(),
        1e-6f);
  }

  @Test
  void equalScoresGoToTheLowerIndex() {
    float[] items = new float[12];
    Arrays.fill(items, 1f); // six identical items (1, 1)
    for (Metric metric : Metric.values()) {
      HnswIndex idx = HnswIndex.build(items, 2, metric, SMALL, null);
      assertArrayEquals(
          new int[] {0, 1, 2}, idx.search(new float[] {1, 0}, 3).items(), "" + metric);
    }
  }

  @Test
  void searchIsExactOnTinySetsWhenEfCoversAllItems() {
    int dim = 8;
    for (Metric metric : Metric.values()) {
      for (int n : new int[] {1, 2, 3, 10, 60, 200}) {
        float[] items = gaussian(n, dim, n);
        HnswIndex idx = HnswIndex.build(items, dim, metric, SMALL, null);
        // The walk itself reaches every item, so exactness does not rest on the fallback scan.
        assertEquals(0, idx.unreachable(), metric + " n=" + n);
        float[] queries = gaussian(20, dim, 1000 + n);
        int k = Math.min(10, n);
        for (int q = 0; q < 20; q++) {
          float[] qv = row(queries, dim, q);
          String where = metric + " n=" + n + " query " + q;
          Ranking r = idx.search(qv, k, n, null);
          assertExact(metric, items, dim, qv, k, null, r);
          assertSame(idx.exactSearch(qv, k, null), r, where);
          // Item queries find themselves first under L2.
          if (metric == Metric.L2) {
            assertEquals(q % n, idx.search(row(items, dim, q % n), 1, n, null).items()[0], where);
          }
        }
      }
    }
  }

  @Test
  void recallAtTenOnAFewThousandRandomVectors() {
    int dim = 16;
    int n = 3000;
    HnswOptions o = new HnswOptions(16, 64, 64, 11);
    float[] items = gaussian(n, dim, 1);
    float[] queries = gaussian(100, dim, 2);
    for (Metric metric : new Metric[] {Metric.L2, Metric.COSINE}) {
      HnswIndex idx = HnswIndex.build(items, dim, metric, o, null);
      double rec = recall(idx, queries, dim, 10, 64);
      assertTrue(rec >= 0.95, metric + " recall@10 = " + rec);
    }
    // Matrix-factorisation-shaped factors: clusters, varying norms, user-like queries.
    SyntheticFactors f = new SyntheticFactors(dim, 30, 5);
    HnswIndex idx = HnswIndex.build(f.items(n), dim, Metric.INNER_PRODUCT, o, null);
    double rec = recall(idx, f.users(100, 6), dim, 10, 64);
    assertTrue(rec >= 0.95, "inner-product recall@10 = " + rec);
    // Pruning leaves many short items without in-links; the build links them back in.
    assertEquals(0, idx.unreachable());
  }

  @Test
  void innerProductReductionMatchesBruteForce() {
    int dim = 6;
    int n = 300;
    SyntheticFactors f = new SyntheticFactors(dim, 8, 21);
    float[] items = f.items(n);
    float[] users = f.users(30, 22);
    HnswIndex idx = HnswIndex.build(items, dim, Metric.INNER_PRODUCT, SMALL, null);
    // Every reduced item x' = (x, sqrt(phi^2 - |x|^2)) has the norm phi of the longest item.
    double phi = 0;
    for (int i = 0; i < n; i++) {
      phi = Math.max(phi, Math.sqrt(-score(Metric.L2, items, dim, i, new float[dim])));
    }
    for (int i = 0; i < n; i++) {
      float[] x = idx.stored(i);
      assertEquals(dim + 1, x.length);
      assertArrayEquals(row(items, dim, i), Arrays.copyOf(x, dim));
      double norm2 = 0;
      for (float c : x) {
        norm2 += (double) c * c;
      }
      assertEquals(phi, Math.sqrt(norm2), 1e-5, "norm of reduced item " + i);
    }
    for (int q = 0; q < 30; q++) {
      float[] qv = row(users, dim, q);
      // In the reduced space, Euclidean order from (q, 0) is inner-product order.
      double[] s = new double[n];
      Integer[] byIp = bruteForce(Metric.INNER_PRODUCT, items, dim, qv, n, null, s);
      double prev = Double.NEGATIVE_INFINITY;
      for (int i : byIp) {
        float[] x = idx.stored(i);
        double d2 = (double) x[dim] * x[dim];
        for (int j = 0; j < dim; j++) {
          d2 += (qv[j] - (double) x[j]) * (qv[j] - (double) x[j]);
        }
        assertTrue(d2 >= prev - 1e-6, "reduced distance order at item " + i);
        prev = d2;
      }
      assertExact(Metric.INNER_PRODUCT, items, dim, qv, 10, null, idx.search(qv, 10, n, null));
    }
  }

  @Test
  void excludedItemsAreSkippedWithoutShrinkingTheResult() {
    int dim = 8;
    int n = 2000;
    float[] items = gaussian(n, dim, 31);
    float[] queries = gaussian(20, dim, 32);
    HnswIndex idx = HnswIndex.build(items, dim, Metric.COSINE, new HnswOptions(8, 40, 20, 1), null);
    for (int q = 0; q < 20; q++) {
      float[] qv = row(queries, dim, q);
      // The true top 5 excluded: the next 10 are returned.
      int[] top5 = idx.exactSearch(qv, 5, null).items();
      IntPredicate seen = i -> Arrays.stream(top5).anyMatch(x -> x == i);
      Ranking r = idx.search(qv, 10, 20, seen);
      assertEquals(10, r.size());
      assertTrue(Arrays.stream(r.items()).noneMatch(seen::test), "an excluded item was returned");
      assertExact(Metric.COSINE, items, dim, qv, 10, seen, idx.search(qv, 10, n, seen));
      // Only every 50th item allowed (40 items): still 10 results, all allowed.
      IntPredicate most = i -> i % 50 != 0;
      Ranking few = idx.search(qv, 10, 20, most);
      assertEquals(10, few.size());
      assertTrue(Arrays.stream(few.items()).allMatch(i -> i % 50 == 0));
    }
    float[] qv = row(queries, dim, 0);
    // Three items allowed: exactly those three, best first.
    IntPredicate three = i -> i != 7 && i != 700 && i != 1999;
    assertExact(Metric.COSINE, items, dim, qv, 10, three, idx.search(qv, 10, 5, three));
    assertEquals(0, idx.search(qv, 10, 5, i -> true).size());
    assertEquals(0, idx.search(qv, 0, 5, null).size());
    // More wanted than there are items: all of them.
    HnswIndex tiny = HnswIndex.build(gaussian(4, dim, 1), dim, Metric.L2, SMALL, null);
    assertEquals(4, tiny.search(qv, 10).size());
  }

  @Test
  void saveAndLoadGiveIdenticalResults() throws IOException {
    int dim = 8;
    float[] items = gaussian(500, dim, 41);
    float[] queries = gaussian(30, dim, 42);
    for (Metric metric : Metric.values()) {
      HnswIndex idx = HnswIndex.build(items, dim, metric, new HnswOptions(8, 32, 16, 5), null);
      byte[] b = bytes(idx);
      HnswIndex back = read(b);
      assertEquals(metric, back.metric());
      assertEquals(idx.options(), back.options());
      assertEquals(500, back.size());
      assertEquals(dim, back.dimension());
      assertEquals(idx.maxLevel(), back.maxLevel());
      assertArrayEquals(b, bytes(back), "written again");
      for (int q = 0; q < 30; q++) {
        float[] qv = row(queries, dim, q);
        Ranking a = idx.search(qv, 10, 16, i -> i % 3 == 0);
        Ranking c = back.search(qv, 10, 16, i -> i % 3 == 0);
        assertArrayEquals(a.items(), c.items());
        assertArrayEquals(a.scores(), c.scores());
      }
    }
    HnswIndex empty = read(bytes(HnswIndex.build(new float[0], 3, Metric.L2, SMALL, null)));
    assertEquals(0, empty.size());
    assertEquals(0, empty.search(new float[3], 5).size());
  }

  @Test
  void corruptFilesAreRejected() throws IOException {
    float[] items = {0, 0, 1, 0, 0, 1};
    byte[] b = bytes(HnswIndex.build(items, 2, Metric.L2, SMALL, null));
    byte[] badMagic = b.clone();
    badMagic[0] = 0;
    assertTrue(
        assertThrows(IOException.class, () -> read(badMagic))
            .getMessage()
            .contains("not an HNSW index"));
    byte[] badVersion = b.clone();
    ByteBuffer.wrap(badVersion).putInt(4, 99);
    assertTrue(
        assertThrows(IOException.class, () -> read(badVersion))
            .getMessage()
            .contains("version 99 is not supported"));
    assertThrows(IOException.class, () -> read(Arrays.copyOf(b, b.length - 5)));
    // Header (10 ints, one long, 2 ints = 56 bytes), 3 x 2 floats, 3 levels, 3 counts: 89.
    byte[] badLink = b.clone();
    ByteBuffer.wrap(badLink).putInt(56 + 24 + 3 + 6, 99);
    assertTrue(
        assertThrows(IOException.class, () -> read(badLink))
            .getMessage()
            .contains("corrupt HNSW index: link to node 99"));
  }

  @Test
  void parallelBuildDoesNotDependOnThreadsAndKeepsRecall() throws IOException {
    int dim = 16;
    int n = 6000; // past the sequential prefix of 2048, so most items are inserted in batches
    HnswOptions o = new HnswOptions(16, 64, 64, 11);
    SyntheticFactors f = new SyntheticFactors(dim, 30, 5);
    float[] items = f.items(n);
    HnswIndex one = HnswIndex.buildParallel(items, dim, Metric.INNER_PRODUCT, o, 1, null);
    byte[] a = bytes(one);
    assertArrayEquals(
        a, bytes(HnswIndex.buildParallel(items, dim, Metric.INNER_PRODUCT, o, 2, null)));
    assertArrayEquals(
        a, bytes(HnswIndex.buildParallel(items, dim, Metric.INNER_PRODUCT, o, 5, null)));
    double rec = recall(one, f.users(100, 6), dim, 10, 64);
    assertTrue(rec >= 0.95, "inner-product recall@10 = " + rec);
    assertEquals(0, one.unreachable());
    float[] g = gaussian(n, dim, 1);
    HnswIndex l2 = HnswIndex.buildParallel(g, dim, Metric.L2, o, 2, null);
    double recL2 = recall(l2, gaussian(100, dim, 2), dim, 10, 64);
    assertTrue(recL2 >= 0.95, "L2 recall@10 = " + recL2);
    assertThrows(
        InputException.class, () -> HnswIndex.buildParallel(g, dim, Metric.L2, o, 0, null));
  }

  @Test
  void theSameSeedGivesTheSameGraph() throws IOException {
    int dim = 8;
    float[] items = gaussian(1000, dim, 51);
    HnswOptions o = new HnswOptions(8, 32, 16, 77);
    for (Metric metric : Metric.values()) {
      byte[] a = bytes(HnswIndex.build(items, dim, metric, o, null));
      assertArrayEquals(a, bytes(HnswIndex.build(items.clone(), dim, metric, o, null)));
      assertFalse(
          Arrays.equals(a, bytes(HnswIndex.build(items, dim, metric, o.withSeed(78), null))),
          "another seed should give another graph");
    }
  }

  @Test
  void concurrentSearchesAgreeWithSequentialOnes() throws Exception {
    int dim = 8;
    HnswIndex idx =
        HnswIndex.build(
            gaussian(2000, dim, 61),
            dim,
            Metric.INNER_PRODUCT,
            new HnswOptions(8, 32, 16, 1),
            null);
    float[] queries = gaussian(200, dim, 62);
    Ranking[] expected = new Ranking[200];
    for (int q = 0; q < 200; q++) {
      expected[q] = idx.search(row(queries, dim, q), 10, 16, i -> i % 7 == 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Ranking[]>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 50;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  Ranking[] out = new Ranking[200];
                  for (int j = 0; j < 200; j++) {
                    int q = (j + offset) % 200;
                    out[q] = idx.search(row(queries, dim, q), 10, 16, i -> i % 7 == 0);
                  }
                  return out;
                }));
      }
      start.countDown();
      for (Future<Ranking[]> f : futures) {
        Ranking[] got = f.get();
        for (int q = 0; q < 200; q++) {
          assertArrayEquals(expected[q].items(), got[q].items());
          assertArrayEquals(expected[q].scores(), got[q].scores());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void buildReportsProgress() {
    List<long[]> updates = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    HnswIndex.build(
        gaussian(300, 4, 1),
        4,
        Metric.L2,
        SMALL,
        (task, done, total) -> {
          tasks.add(task);
          updates.add(new long[] {done, total});
        });
    assertArrayEquals(new long[] {0, 300}, updates.get(0));
    assertArrayEquals(new long[] {300, 300}, updates.get(updates.size() - 1));
    for (int i = 1; i < updates.size(); i++) {
      assertTrue(updates.get(i)[0] > updates.get(i - 1)[0]);
    }
    assertTrue(tasks.stream().allMatch("hnsw: build"::equals));
  }

  @Test
  void badInputIsRejectedInOneSentence() {
    HnswIndex idx = HnswIndex.build(gaussian(10, 4, 1), 4, Metric.L2, SMALL, null);
    assertMessage(
        "The query has 3 coordinates but the index holds vectors of dimension 4",
        () -> idx.search(new float[3], 1));
    assertMessage(
        "The query has NaN at coordinate 1", () -> idx.search(new float[] {0, Float.NaN, 0, 0}, 1));
    assertMessage("k=-1 is not valid", () -> idx.search(new float[4], -1));
    assertMessage("ef=0 is not valid", () -> idx.search(new float[4], 1, 0, null));
    assertMessage("Item 10 is not in the index", () -> idx.score(new float[4], 10));
    float[] withNan = gaussian(3, 2, 1);
    withNan[5] = Float.POSITIVE_INFINITY;
    assertMessage(
        "Item 2 has Infinity at coordinate 1",
        () -> HnswIndex.build(withNan, 2, Metric.COSINE, SMALL, null));
    assertMessage(
        "The vector array has 7 entries, which is not a multiple of the dimension 2",
        () -> HnswIndex.build(new float[7], 2, Metric.L2, SMALL, null));
    assertMessage(
        "dimension=0 is not valid", () -> HnswIndex.build(new float[4], 0, Metric.L2, SMALL, null));
    assertNotEquals(0, idx.memoryBytes());
  }

  private static void assertMessage(String expected, Runnable r) {
    InputException e = assertThrows(InputException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().endsWith("."), "one sentence: " + e.getMessage());
  }
}
