package dev.seer.data.synth;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The fixed part of a synthetic data set, derived from the options alone: item topics and
 * popularity, user activity counts and the topic vocabularies. Memory is O(users + items).
 */
final class LatentModel {
  /** Probability that a draw ignores the user's topics and samples by global popularity. */
  static final double NOISE = 0.1;

  static final long BASE_TIME = 1_500_000_000L;
  static final long TIME_SPAN = 3L * 365 * 86_400;

  private static final long ITEMS_SALT = 0x1A2B3C4D5E6F7081L;
  private static final long USERS_SALT = 0x7F1E2D3C4B5A6978L;
  private static final long VOCAB_SALT = 0x0DDBA11CAFEF00DL;
  private static final long TEXT_SALT = 0x5EEDFACEB00C1E55L;

  final SyntheticOptions options;
  final int[] itemTopic;
  final int[] userCount;
  final double[] globalCum;
  final int[][] topicItems;
  final double[][] topicCum;
  final double[] topicPopularityCum;
  final String[][] topicWords;
  final String[] commonWords;

  LatentModel(SyntheticOptions o) {
    this.options = o;
    int items = o.items();
    SplittableRandom rnd = new SplittableRandom(mix(o.seed() ^ ITEMS_SALT));
    int[] rank = permutation(items, rnd);
    double[] weight = new double[items];
    for (int i = 0; i < items; i++) {
      weight[i] = Math.pow(rank[i] + 1.0, -o.itemExponent());
    }
    int[] order = permutation(items, rnd);
    itemTopic = new int[items];
    int[] perTopic = new int[o.topics()];
    for (int p = 0; p < items; p++) {
      itemTopic[order[p]] = p % o.topics();
      perTopic[p % o.topics()]++;
    }
    topicItems = new int[o.topics()][];
    topicCum = new double[o.topics()][];
    for (int t = 0; t < o.topics(); t++) {
      topicItems[t] = new int[perTopic[t]];
      topicCum[t] = new double[perTopic[t]];
    }
    int[] fill = new int[o.topics()];
    globalCum = new double[items];
    double total = 0;
    for (int i = 0; i < items; i++) {
      total += weight[i];
      globalCum[i] = total;
      int t = itemTopic[i];
      int f = fill[t]++;
      topicItems[t][f] = i;
      topicCum[t][f] = (f == 0 ? 0 : topicCum[t][f - 1]) + weight[i];
    }
    topicPopularityCum = new double[o.topics()];
    double c = 0;
    for (int t = 0; t < o.topics(); t++) {
      c += topicCum[t][topicCum[t].length - 1];
      topicPopularityCum[t] = c;
    }
    userCount = activity(o);
    SplittableRandom vr = new SplittableRandom(mix(o.seed() ^ VOCAB_SALT));
    Set<String> seen = new HashSet<>();
    topicWords = new String[o.topics()][];
    for (int t = 0; t < o.topics(); t++) {
      topicWords[t] = new String[30];
      for (int w = 0; w < 30; w++) {
        topicWords[t][w] = word(vr, seen);
      }
    }
    commonWords = new String[120];
    for (int w = 0; w < commonWords.length; w++) {
      commonWords[w] = word(vr, seen);
    }
  }

  /** Number of interactions of each user: Zipf-like, at least 1, at most items / 2, exact total. */
  private static int[] activity(SyntheticOptions o) {
    int users = o.users();
    SplittableRandom rnd = new SplittableRandom(mix(o.seed() ^ USERS_SALT));
    int[] rank = permutation(users, rnd);
    double[] w = new double[users];
    for (int u = 0; u < users; u++) {
      w[u] = Math.pow(rank[u] + 1.0, -o.userExponent());
    }
    long extra = o.interactions() - users;
    int capExtra = SyntheticOptions.maxPerUser(o.items()) - 1;
    double[] x = new double[users];
    boolean[] capped = new boolean[users];
    long cappedTotal = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      double active = 0;
      for (int u = 0; u < users; u++) {
        if (!capped[u]) {
          active += w[u];
        }
      }
      double left = extra - cappedTotal;
      for (int u = 0; u < users; u++) {
        if (capped[u]) {
          continue;
        }
        x[u] = active > 0 ? left * w[u] / active : 0;
        if (x[u] >= capExtra) {
          x[u] = capExtra;
          capped[u] = true;
          cappedTotal += capExtra;
          changed = true;
        }
      }
    }
    int[] count = new int[users];
    long assigned = 0;
    for (int u = 0; u < users; u++) {
      count[u] = (int) Math.floor(x[u]);
      assigned += count[u];
    }
    long leftover = extra - assigned;
    Integer[] byRemainder = new Integer[users];
    for (int u = 0; u < users; u++) {
      byRemainder[u] = u;
    }
    Arrays.sort(
        byRemainder,
        (a, b) -> {
          int c = Double.compare(x[b] - Math.floor(x[b]), x[a] - Math.floor(x[a]));
          return c != 0 ? c : Integer.compare(a, b);
        });
    while (leftover > 0) {
      boolean any = false;
      for (int p = 0; p < users && leftover > 0; p++) {
        int u = byRemainder[p];
        if (count[u] < capExtra) {
          count[u]++;
          leftover--;
          any = true;
        }
      }
      if (!any) {
        throw new IllegalStateException("cannot place " + leftover + " interactions");
      }
    }
    for (int p = users - 1; p >= 0 && leftover < 0; p--) {
      int u = byRemainder[p];
      if (count[u] > 0) {
        count[u]--;
        leftover++;
      }
    }
    for (int u = 0; u < users; u++) {
      count[u]++;
    }
    return count;
  }

  /** Receives generated rows. */
  interface RowSink {
    void row(int user, int item, int rating, long time);
  }

  /**
   * Generates every row, user by user in index order.
   *
   * @param sink receives the rows
   */
  void generate(RowSink sink) {
    int items = options.items();
    int topics = options.topics();
    int[] stamp = new int[items];
    int[] pref = new int[3];
    double[] prefCum = new double[3];
    double[] prefWeight = new double[3];
    for (int u = 0; u < options.users(); u++) {
      SplittableRandom rnd =
          new SplittableRandom(mix(options.seed() + 0x9E3779B97F4A7C15L * (u + 1)));
      int k = 1 + rnd.nextInt(Math.min(3, topics));
      double sum = 0;
      for (int j = 0; j < k; j++) {
        int t;
        boolean dup;
        do {
          t = sample(topicPopularityCum, rnd);
          dup = false;
          for (int q = 0; q < j; q++) {
            dup |= pref[q] == t;
          }
        } while (dup);
        pref[j] = t;
        prefWeight[j] = 0.25 + rnd.nextDouble();
        sum += prefWeight[j];
      }
      double maxWeight = 0;
      double c = 0;
      for (int j = 0; j < k; j++) {
        prefWeight[j] /= sum;
        maxWeight = Math.max(maxWeight, prefWeight[j]);
        c += prefWeight[j];
        prefCum[j] = c;
      }
      long time = BASE_TIME + rnd.nextLong(TIME_SPAN);
      int n = userCount[u];
      for (int j = 0; j < n; j++) {
        int item = draw(rnd, u + 1, stamp, pref, prefCum, k);
        stamp[item] = u + 1;
        double w = 0;
        for (int q = 0; q < k; q++) {
          if (pref[q] == itemTopic[item]) {
            w = prefWeight[q] / maxWeight;
          }
        }
        double mean = w > 0 ? 3.3 + 1.3 * w : 2.3;
        int rating = (int) Math.max(1, Math.min(5, Math.round(mean + 0.8 * rnd.nextGaussian())));
        time += 30 + rnd.nextInt(2 * 86_400);
        sink.row(u, item, rating, time);
      }
    }
  }

  private int draw(
      SplittableRandom rnd, int mark, int[] stamp, int[] pref, double[] prefCum, int k) {
    for (int attempt = 0; attempt < 32; attempt++) {
      int i;
      if (rnd.nextDouble() < NOISE) {
        i = sample(globalCum, rnd);
      } else {
        double x = rnd.nextDouble();
        int j = 0;
        while (j < k - 1 && x >= prefCum[j]) {
          j++;
        }
        int t = pref[j];
        i = topicItems[t][sample(topicCum[t], rnd)];
      }
      if (stamp[i] != mark) {
        return i;
      }
    }
    for (int attempt = 0; attempt < 32; attempt++) {
      int i = sample(globalCum, rnd);
      if (stamp[i] != mark) {
        return i;
      }
    }
    int items = stamp.length;
    int start = rnd.nextInt(items);
    for (int p = 0; p < items; p++) {
      int i = (start + p) % items;
      if (stamp[i] != mark) {
        return i;
      }
    }
    throw new IllegalStateException("user has every item");
  }

  /** Samples an index with probability proportional to its weight, given cumulative weights. */
  private static int sample(double[] cum, SplittableRandom rnd) {
    double x = rnd.nextDouble() * cum[cum.length - 1];
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Item title. */
  String title(int item) {
    SplittableRandom rnd = new SplittableRandom(mix(options.seed() ^ TEXT_SALT ^ (item * 31L + 7)));
    String[] words = topicWords[itemTopic[item]];
    return capitalize(words[rnd.nextInt(words.length)])
        + " "
        + capitalize(words[rnd.nextInt(words.length)])
        + " "
        + (item + 1);
  }

  /** Item description: mostly words of the item's topic, some common words. */
  String text(int item) {
    SplittableRandom rnd =
        new SplittableRandom(mix(options.seed() ^ TEXT_SALT ^ (item * 31L + 11)));
    String[] words = topicWords[itemTopic[item]];
    int n = 10 + rnd.nextInt(11);
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < n; j++) {
      if (j > 0) {
        b.append(' ');
      }
      b.append(
          rnd.nextDouble() < 0.7
              ? words[rnd.nextInt(words.length)]
              : commonWords[rnd.nextInt(commonWords.length)]);
    }
    return b.toString();
  }

  static String topicName(int t) {
    return "topic-" + t;
  }

  static String userId(int u) {
    return "u" + u;
  }

  static String itemId(int i) {
    return "i" + i;
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static final String CONSONANTS = "bcdfghklmnprstvz";
  private static final String VOWELS = "aeiou";

  private static String word(SplittableRandom rnd, Set<String> seen) {
    while (true) {
      int syllables = 2 + rnd.nextInt(2);
      StringBuilder b = new StringBuilder();
      for (int s = 0; s < syllables; s++) {
        b.append(CONSONANTS.charAt(rnd.nextInt(CONSONANTS.length())));
        b.append(VOWELS.charAt(rnd.nextInt(VOWELS.length())));
      }
      if (rnd.nextInt(3) == 0) {
        b.append(CONSONANTS.charAt(rnd.nextInt(CONSONANTS.length())));
      }
      String w = b.toString();
      if (seen.add(w)) {
        return w;
      }
    }
  }

  static int[] permutation(int n, SplittableRandom rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A 64-bit mixing function (the MurmurHash3 finaliser) to derive independent seeds. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
