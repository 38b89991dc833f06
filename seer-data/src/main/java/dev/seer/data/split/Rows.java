package dev.seer.data.split;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/** Row grouping, ordering and selection shared by the splitters. */
final class Rows {
  static final byte TRAIN = 0;
  static final byte TEST = 1;
  static final byte VALIDATION = 2;
  static final byte FOLD_IN = 3;

  private Rows() {}

  /** Checks that a ratio lies strictly between 0 and 1. */
  static void checkRatio(String name, double value, String example) {
    if (!(value > 0 && value < 1)) {
      throw new InputException(
          name
              + " is "
              + value
              + " but must lie strictly between 0 and 1; pass e.g. "
              + example
              + ".");
    }
  }

  /** Formats a number without trailing zeros. */
  static String num(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /** Fails with a clear message when the data has no timestamps. */
  static void requireTime(Interactions data, String splitter) {
    if (!data.hasTimestamps()) {
      throw new InputException(
          "The "
              + splitter
              + " split orders rows by time, but the data has no timestamps;"
              + " read data with a timestamp column or use a random split.");
    }
  }

  /**
   * Groups rows by user: element {@code u} holds user {@code u}'s rows in row order.
   *
   * @param d data
   * @return one array per user index (empty for users without rows)
   */
  static int[][] byUser(Interactions d) {
    int[] u = d.userColumn();
    int[] count = new int[d.numUsers()];
    for (int x : u) {
      count[x]++;
    }
    int[][] g = new int[d.numUsers()][];
    for (int x = 0; x < g.length; x++) {
      g[x] = new int[count[x]];
    }
    int[] fill = new int[d.numUsers()];
    for (int k = 0; k < u.length; k++) {
      g[u[k]][fill[u[k]]++] = k;
    }
    return g;
  }

  /** Sorts rows stably by timestamp (equal timestamps keep their order). */
  static void sortByTime(int[] rows, long[] time) {
    sort(rows, (a, b) -> Long.compare(time[a], time[b]));
  }

  /**
   * Rounds {@code x} down or up at random so that the expected value is {@code x}.
   *
   * @return floor(x) or floor(x) + 1
   */
  static int stochasticRound(double x, SplittableRandom rnd) {
    int f = (int) Math.floor(x);
    double frac = x - f;
    return frac > 0 && rnd.nextDouble() < frac ? f + 1 : f;
  }

  /**
   * Marks a per-user random share of rows with {@link PerUser#pickShare}: each user with n >= 2
   * rows gets round(n * ratio) rows marked (rounded up or down at random so the expected share is
   * exact), at most n - 1; users with one row get none. A user's choice depends only on the seed,
   * the user's external id and the user's rows, not on row order or other users.
   *
   * @return per row, true if picked
   */
  static boolean[] perUserRandom(Interactions d, double ratio, long seed) {
    boolean[] marked = new boolean[d.size()];
    int[][] groups = byUser(d);
    for (int u = 0; u < groups.length; u++) {
      int[] rows = groups[u];
      if (rows.length < 2) {
        continue;
      }
      UserRows r = UserRows.of(d, rows);
      boolean[] p = PerUser.pickShare(seed, d.users().id(u), r.items, r.ratings, r.times, ratio);
      for (int j = 0; j < rows.length; j++) {
        marked[rows[j]] = p[j];
      }
    }
    return marked;
  }

  /** One user's rows as the arrays {@link PerUser} takes. */
  static final class UserRows {
    final String[] items;
    final float[] ratings;
    final long[] times;

    private UserRows(String[] items, float[] ratings, long[] times) {
      this.items = items;
      this.ratings = ratings;
      this.times = times;
    }

    static UserRows of(Interactions d, int[] rows) {
      int n = rows.length;
      String[] items = new String[n];
      float[] ratings = new float[n];
      long[] times = new long[n];
      for (int j = 0; j < n; j++) {
        items[j] = d.items().id(d.item(rows[j]));
        ratings[j] = d.rating(rows[j]);
        times[j] = d.timestamp(rows[j]);
      }
      return new UserRows(items, ratings, times);
    }
  }

  /**
   * Selects rows whose assignment equals {@code part}, in row order.
   *
   * @return the rows as interactions over the same indices
   */
  static Interactions part(Interactions d, byte[] assignment, byte part) {
    int c = 0;
    for (byte a : assignment) {
      if (a == part) {
        c++;
      }
    }
    int[] rows = new int[c];
    int o = 0;
    for (int k = 0; k < assignment.length; k++) {
      if (assignment[k] == part) {
        rows[o++] = k;
      }
    }
    return d.select(rows);
  }

  /** Concatenates two row lists over the same indices. */
  static Interactions concat(Interactions a, Interactions b) {
    int n = a.size() + b.size();
    int[] u = new int[n];
    int[] it = new int[n];
    boolean rated = a.hasRatings() || b.hasRatings();
    boolean timed = a.hasTimestamps() || b.hasTimestamps();
    float[] r = rated ? new float[n] : null;
    long[] t = timed ? new long[n] : null;
    int o = 0;
    for (Interactions x : new Interactions[] {a, b}) {
      for (int k = 0; k < x.size(); k++, o++) {
        u[o] = x.user(k);
        it[o] = x.item(k);
        if (r != null) {
          r[o] = x.rating(k);
        }
        if (t != null) {
          t[o] = x.timestamp(k);
        }
      }
    }
    return new Interactions(a.users(), a.items(), u, it, r, t);
  }

  /** Stable merge sort of row positions with a comparator. */
  static void sort(int[] rows, IntBinaryOperator cmp) {
    int n = rows.length;
    if (n < 2) {
      return;
    }
    int[] src = rows;
    int[] dst = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          dst[o++] = cmp.applyAsInt(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < mid) {
          dst[o++] = src[i++];
        }
        while (j < hi) {
          dst[o++] = src[j++];
        }
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    if (src != rows) {
      System.arraycopy(src, 0, rows, 0, n);
    }
  }
}
