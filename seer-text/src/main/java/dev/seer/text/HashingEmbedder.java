package dev.seer.text;

import dev.seer.api.InputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A model-free embedder: the signed feature hashing of the text's {@link Terms} into {@code
 * dimension} buckets (K. Weinberger et al., "Feature Hashing for Large Scale Multitask Learning",
 * ICML 2009), each term counted once, then L2-normalised. Two texts are similar exactly when they
 * share terms, so it captures no synonyms; it is fast, deterministic, needs no native code, and
 * serves as the offline fallback and for tests whose expected values are computed by hand. Its id
 * is {@code hash-<dimension>}.
 */
public final class HashingEmbedder implements TextEmbedder {
  private final int dimension;

  /**
   * Creates an embedder.
   *
   * @param dimension the number of buckets, 2 to 65536
   */
  public HashingEmbedder(int dimension) {
    if (dimension < 2 || dimension > 65_536) {
      throw new InputException(
          "The hashing embedder dimension must be between 2 and 65536, got " + dimension + ".");
    }
    this.dimension = dimension;
  }

  @Override
  public String modelId() {
    return "hash-" + dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      float[] v = new float[dimension];
      for (String term : Terms.distinct(t)) {
        int h = hash(term);
        int bucket = Math.floorMod(h, dimension);
        v[bucket] += (h >>> 31) == 0 ? 1f : -1f;
      }
      out.add(Vectors.normalise(v));
    }
    return out;
  }

  /**
   * Returns the bucket a term falls into.
   *
   * @param term the term
   * @return the bucket, in {@code [0, dimension)}
   */
  public int bucket(String term) {
    return Math.floorMod(hash(term), dimension);
  }

  /**
   * Returns the sign (+1 or -1) a term adds to its bucket.
   *
   * @param term the term
   * @return the sign
   */
  public int sign(String term) {
    return (hash(term) >>> 31) == 0 ? 1 : -1;
  }

  /** 32-bit FNV-1a over the UTF-8 bytes, stable across JVMs (unlike String.hashCode mixing). */
  private static int hash(String term) {
    int h = 0x811c9dc5;
    for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h;
  }
}
