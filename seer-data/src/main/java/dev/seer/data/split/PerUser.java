package dev.seer.data.split;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The per-user random choices of the splitters, as pure functions of the seed, the user's external
 * id and that user's rows.
 *
 * <p>Each user draws from their own random stream, seeded by {@link #userSeed(long, String)}: a
 * stable 64-bit hash (FNV-1a over the UTF-8 bytes) of the external user id, mixed with the split
 * seed. The rows are first put into a canonical order (timestamp, then item external id, then
 * rating), so a user's choice does not depend on the order of the input rows, on the dense index
 * the user got, or on which other users are present. The same code runs on one machine ({@link
 * RandomSplitter}, {@link Validation}, {@link KFold}, {@link UserHoldoutSplitter}) and inside a
 * Spark {@code groupBy}/{@code mapGroups} (seer-spark), so both produce the very same split.
 *
 * <p>Arrays describe one user's rows, all of the same length, in any order; results refer to the
 * positions of those arrays. Implicit data passes rating 1 for every row, and data without time
 * passes {@link dev.seer.api.Interactions#NO_TIME}; {@code ratings} or {@code times} may also be
 * {@code null}, which means the same.
 */
public final class PerUser {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PerUser() {}

  /**
   * Returns the 64-bit FNV-1a hash of a string's UTF-8 bytes (stable across JVMs and machines,
   * unlike {@link String#hashCode()} mixing).
   *
   * @param s the string
   * @return the hash
   */
  public static long stableHash(String s) {
    long h = FNV_OFFSET;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return h;
  }

  /**
   * Returns the seed of one user's random stream.
   *
   * @param seed the split seed
   * @param userId the user's external id
   * @return the user's seed
   */
  public static long userSeed(long seed, String userId) {
    return mix(mix(seed) ^ stableHash(userId));
  }

  /**
   * Returns the positions of a user's rows in canonical order: by timestamp, then item external id,
   * then rating (identical rows are interchangeable, so their relative order does not matter).
   *
   * @param items item external ids
   * @param ratings ratings, or null
   * @param times timestamps, or null
   * @return the positions, sorted
   */
  public static int[] canonicalOrder(String[] items, float[] ratings, long[] times) {
    int n = items.length;
    check(n, ratings, times);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Rows.sort(
        order,
        (a, b) -> {
          if (times != null) {
            int c = Long.compare(times[a], times[b]);
            if (c != 0) {
              return c;
            }
          }
          int c = items[a].compareTo(items[b]);
          if (c != 0 || ratings == null) {
            return c;
          }
          return Float.compare(ratings[a], ratings[b]);
        });
    return order;
  }

  /**
   * Picks a random share of a user's rows: with n >= 2 rows, round(n * ratio) rows (rounded up or
   * down at random so that the expected share is exact), at most n - 1; with one row, none. This is
   * the test choice of {@link RandomSplitter} and the validation choice of {@link Validation}.
   *
   * @param seed the split seed
   * @param userId the user's external id
   * @param items item external ids of the user's rows
   * @param ratings their ratings, or null
   * @param times their timestamps, or null
   * @param ratio the share, in (0, 1)
   * @return per position, true if picked
   */
  public static boolean[] pickShare(
      long seed, String userId, String[] items, float[] ratings, long[] times, double ratio) {
    return pick(seed, userId, items, ratings, times, ratio, false);
  }

  /**
   * Picks the test rows of a held-out user ({@link UserHoldoutSplitter}): like {@link #pickShare}
   * but at least one row when the user has two or more.
   *
   * @param seed the split seed
   * @param userId the user's external id
   * @param items item external ids of the user's rows
   * @param ratings their ratings, or null
   * @param times their timestamps, or null
   * @param ratio the share, in (0, 1)
   * @return per position, true if picked
   */
  public static boolean[] pickAtLeastOne(
      long seed, String userId, String[] items, float[] ratings, long[] times, double ratio) {
    return pick(seed, userId, items, ratings, times, ratio, true);
  }

  /**
   * Deals a user's rows to {@code k} folds ({@link KFold}): the rows are shuffled and dealt in
   * turn, starting at a random fold, so the user's rows spread over the folds as evenly as
   * possible.
   *
   * @param seed the split seed
   * @param userId the user's external id
   * @param items item external ids of the user's rows
   * @param ratings their ratings, or null
   * @param times their timestamps, or null
   * @param k number of folds
   * @return per position, its fold in {@code 0..k-1}
   */
  public static int[] dealFolds(
      long seed, String userId, String[] items, float[] ratings, long[] times, int k) {
    int[] order = canonicalOrder(items, ratings, times);
    SplittableRandom rnd = new SplittableRandom(userSeed(seed, userId));
    int start = rnd.nextInt(k);
    shuffle(order, order.length, rnd);
    int[] fold = new int[order.length];
    for (int j = 0; j < order.length; j++) {
      fold[order[j]] = (start + j) % k;
    }
    return fold;
  }

  /**
   * Returns the key by which {@link UserHoldoutSplitter} ranks users: the users with the smallest
   * keys (ties broken by external id) are held out.
   *
   * @param seed the split seed
   * @param userId the user's external id
   * @return the key
   */
  public static long holdoutKey(long seed, String userId) {
    return mix(userSeed(seed, userId) ^ 0x5bd1e9955bd1e995L);
  }

  private static boolean[] pick(
      long seed,
      String userId,
      String[] items,
      float[] ratings,
      long[] times,
      double ratio,
      boolean atLeastOne) {
    int n = items.length;
    boolean[] picked = new boolean[n];
    if (n < 2) {
      check(n, ratings, times);
      return picked;
    }
    int[] order = canonicalOrder(items, ratings, times);
    SplittableRandom rnd = new SplittableRandom(userSeed(seed, userId));
    int m = Math.min(n - 1, Rows.stochasticRound(n * ratio, rnd));
    if (atLeastOne) {
      m = Math.max(1, m);
    }
    shuffle(order, m, rnd);
    for (int j = 0; j < m; j++) {
      picked[order[j]] = true;
    }
    return picked;
  }

  /** Partial Fisher-Yates: the first {@code count} elements become a uniform random sample. */
  private static void shuffle(int[] a, int count, SplittableRandom rnd) {
    for (int j = 0; j < count; j++) {
      int r = j + rnd.nextInt(a.length - j);
      int t = a[j];
      a[j] = a[r];
      a[r] = t;
    }
  }

  private static void check(int n, float[] ratings, long[] times) {
    if ((ratings != null && ratings.length != n) || (times != null && times.length != n)) {
      throw new IllegalArgumentException(
          "items, ratings and times must have the same length: "
              + n
              + ", "
              + (ratings == null ? "null" : ratings.length)
              + ", "
              + (times == null ? "null" : times.length));
    }
  }

  /** SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
