package dev.seer.algorithms;

import java.util.SplittableRandom;

/** Small helpers for seeded randomness, so every algorithm derives its streams the same way. */
public final class Randoms {
  private Randoms() {}

  /**
   * Mixes a seed with a salt into a new, well-spread seed (the 64-bit finaliser of SplitMix, G. L.
   * Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
   * for example to give each user its own stream that does not depend on the thread that processes
   * it.
   *
   * @param seed the base seed
   * @param salt what the stream is for (a user index, a hash of an item list)
   * @return the derived seed
   */
  public static long mix(long seed, long salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Fills an array with independent normal values of mean 0 (Box-Muller transform, computed here so
   * that the values do not depend on the JDK's own Gaussian generator).
   *
   * @param rnd the generator
   * @param out the array to fill
   * @param std the standard deviation
   */
  public static void gaussian(SplittableRandom rnd, float[] out, double std) {
    for (int k = 0; k < out.length; k += 2) {
      double u1 = 1.0 - rnd.nextDouble(); // in (0, 1]
      double u2 = rnd.nextDouble();
      double r = StrictMath.sqrt(-2 * StrictMath.log(u1)) * std;
      out[k] = (float) (r * StrictMath.cos(2 * Math.PI * u2));
      if (k + 1 < out.length) {
        out[k + 1] = (float) (r * StrictMath.sin(2 * Math.PI * u2));
      }
    }
  }
}
