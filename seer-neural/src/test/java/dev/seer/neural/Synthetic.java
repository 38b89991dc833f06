package dev.seer.neural;

import dev.seer.api.Interactions;
import java.util.SplittableRandom;

/** Tiny synthetic sequence data with an obvious pattern. */
final class Synthetic {
  private Synthetic() {}

  /**
   * Each user starts at a random item and walks forward: item i is always followed by item i + 1
   * (mod items). Timestamps increase along each walk.
   */
  static Interactions successors(int users, int items, int length, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Interactions.Builder b = new Interactions.Builder();
    for (int i = 0; i < items; i++) {
      b.items().add("i" + i);
    }
    for (int u = 0; u < users; u++) {
      int start = rng.nextInt(items);
      for (int t = 0; t < length; t++) {
        b.add("u" + u, "i" + ((start + t) % items), Float.NaN, 1000L * u + t);
      }
    }
    return b.build();
  }

  /** Each user has a random sequence of distinct items (no pattern to learn). */
  static Interactions shuffled(int users, int items, int length, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Interactions.Builder b = new Interactions.Builder();
    for (int i = 0; i < items; i++) {
      b.items().add("i" + i);
    }
    for (int u = 0; u < users; u++) {
      int[] perm = new int[items];
      for (int i = 0; i < items; i++) {
        perm[i] = i;
      }
      for (int i = items - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int t = 0; t < length; t++) {
        b.add("u" + u, "i" + perm[t], Float.NaN, 1000L * u + t);
      }
    }
    return b.build();
  }
}
