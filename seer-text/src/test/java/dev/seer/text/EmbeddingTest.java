package dev.seer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
  private static final double EPS = 1e-6;

  /** A real embedder that counts the texts it is asked to embed. */
  static final class Counting implements TextEmbedder {
    final TextEmbedder base;
    final AtomicInteger texts = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    Counting(TextEmbedder base) {
      this.base = base;
    }

    @Override
    public String modelId() {
      return base.modelId();
    }

    @Override
    public int dimension() {
      return base.dimension();
    }

    @Override
    public List<float[]> embed(List<String> t) {
      calls.incrementAndGet();
      texts.addAndGet(t.size());
      return base.embed(t);
    }
  }

  @Test
  void hashingVectorsAreUnitLengthAndShareOnlyTerms() {
    HashingEmbedder h = new HashingEmbedder(4096);
    // the three terms fall into different buckets, so the cosines are 1/2 and 0 by hand
    assertNotEquals(h.bucket("space"), h.bucket("comedy"));
    assertNotEquals(h.bucket("space"), h.bucket("drama"));
    assertNotEquals(h.bucket("comedy"), h.bucket("drama"));
    float[] a = h.embed("A space comedy");
    float[] b = h.embed("the SPACE drama!");
    float[] c = h.embed("drama");
    assertEquals(1.0, Vectors.dot(a, a), EPS);
    assertEquals(0.5, Vectors.dot(a, b), EPS);
    assertEquals(0.0, Vectors.dot(a, c), EPS);
    assertEquals(h.sign("space") / Math.sqrt(2), a[h.bucket("space")], EPS);
    assertEquals("hash-4096", h.modelId());
  }

  @Test
  void contentHashIsSha256OfModelZeroAndText() {
    // python3 -c "import hashlib;print(hashlib.sha256(b'hash-8\x00space').hexdigest())"
    assertEquals(
        "c7b9df53d0a5b2c0283c73afee5a738a6d5760fb56ecbf2491e4979a799f4bdd",
        ContentHash.of("hash-8", "space"));
  }

  @Test
  void cachedEmbedderEmbedsEachDistinctTextOnceAndReportsBatches() {
    Counting base = new Counting(new HashingEmbedder(64));
    MemoryEmbeddingCache mem = new MemoryEmbeddingCache(100);
    CachedEmbedder e = new CachedEmbedder(base, List.of(mem), 2);
    List<long[]> progress = new ArrayList<>();
    List<float[]> v =
        e.embed(
            List.of("a b", "c d", "a b", "e f", "g h"),
            (t, d, n) -> progress.add(new long[] {d, n}),
            "x");
    assertEquals(5, v.size());
    assertEquals(4, base.texts.get(), "4 distinct texts");
    assertEquals(2, base.calls.get(), "batches of 2");
    assertArrayEquals(v.get(0), v.get(2));
    assertArrayEquals(new HashingEmbedder(64).embed("e f"), v.get(3));
    assertEquals(3, progress.size());
    assertArrayEquals(new long[] {0, 4}, progress.get(0));
    assertArrayEquals(new long[] {2, 4}, progress.get(1));
    assertArrayEquals(new long[] {4, 4}, progress.get(2));
    assertEquals(4, mem.size());
    e.embed(List.of("c d", "a b"));
    assertEquals(4, base.texts.get(), "all from the cache");
  }

  @Test
  void laterCacheHitsAreCopiedIntoEarlierCaches() {
    Counting base = new Counting(new HashingEmbedder(16));
    MemoryEmbeddingCache second = new MemoryEmbeddingCache(10);
    new CachedEmbedder(base, List.of(second), 8).embed(List.of("space"));
    MemoryEmbeddingCache first = new MemoryEmbeddingCache(10);
    new CachedEmbedder(base, List.of(first, second), 8).embed(List.of("space", "time"));
    assertEquals(2, base.texts.get(), "space came from the second cache");
    assertEquals(2, first.size());
  }

  @Test
  void memoryCacheDropsTheLeastRecentlyUsed() {
    MemoryEmbeddingCache c = new MemoryEmbeddingCache(2);
    c.putAll("m", java.util.Map.of("a", new float[] {1}));
    c.putAll("m", java.util.Map.of("b", new float[] {2}));
    c.getAll(List.of("a"));
    c.putAll("m", java.util.Map.of("c", new float[] {3}));
    assertEquals(java.util.Set.of("a", "c"), c.getAll(List.of("a", "b", "c")).keySet());
  }

  @Test
  void unknownEmbedderNamesAreRejectedWithTheChoices() {
    InputException e = assertThrows(InputException.class, () -> Embedders.create("bert"));
    assertTrue(e.getMessage().contains("minilm"), e.getMessage());
    assertThrows(InputException.class, () -> Embedders.create("hash-x"));
    assertThrows(InputException.class, () -> new HashingEmbedder(1));
  }

  @Test
  void itemTextCutsAtAWordBoundary() {
    assertEquals("one two three", ItemText.cut("one two three four", 15));
    assertEquals("abcdefghij", ItemText.cut("abcdefghijklm", 10));
    assertEquals("short", ItemText.cut("short", 10));
    dev.seer.api.ItemInfo info =
        new dev.seer.api.ItemInfo(
            "m1",
            "Toy Story (1995)",
            List.of("Animation", "Comedy"),
            "pixar, fun",
            java.util.Map.of());
    assertEquals(
        "Toy Story (1995). Categories: Animation, Comedy. pixar, fun",
        ItemText.of(info, "m1", 1000));
    assertEquals("m9", ItemText.of(null, "m9", 1000));
  }
}
