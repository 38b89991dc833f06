package dev.seer.text.review;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Sparse binary features of a text: the hashed unigrams and bigrams of its {@link Tokens} (32-bit
 * FNV-1a modulo {@code 2^bits}), each present once, scaled to unit length.
 */
public final class HashedNgrams {
  private final int bits;

  /**
   * Creates a featuriser.
   *
   * @param bits log2 of the number of buckets, 8 to 24
   */
  public HashedNgrams(int bits) {
    if (bits < 8 || bits > 24) {
      throw new IllegalArgumentException("bits must be 8 to 24, got " + bits);
    }
    this.bits = bits;
  }

  /**
   * Returns the number of buckets.
   *
   * @return {@code 2^bits}
   */
  public int dimension() {
    return 1 << bits;
  }

  /** Sparse unit-length features: sorted distinct indices, all with the same value. */
  record Features(int[] index, float value) {}

  Features of(String text) {
    List<String> t = Tokens.of(text);
    int[] idx = new int[2 * t.size()];
    int n = 0;
    int mask = dimension() - 1;
    for (int k = 0; k < t.size(); k++) {
      idx[n++] = hash(t.get(k)) & mask;
      if (k + 1 < t.size()) {
        idx[n++] = hash(t.get(k) + " " + t.get(k + 1)) & mask;
      }
    }
    int[] sorted = Arrays.copyOf(idx, n);
    Arrays.sort(sorted);
    int m = 0;
    for (int k = 0; k < n; k++) {
      if (m == 0 || sorted[m - 1] != sorted[k]) {
        sorted[m++] = sorted[k];
      }
    }
    int[] distinct = Arrays.copyOf(sorted, m);
    return new Features(distinct, m == 0 ? 0f : (float) (1 / Math.sqrt(m)));
  }

  static int hash(String s) {
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h;
  }
}
