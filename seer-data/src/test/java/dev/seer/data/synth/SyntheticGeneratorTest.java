package dev.seer.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.api.Split;
import dev.seer.data.split.RandomSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGeneratorTest {
  @TempDir Path dir;

  private final SyntheticGenerator gen = new SyntheticGenerator();

  @Test
  void optionsAreValidated() {
    assertThrows(InputException.class, () -> new SyntheticOptions(0, 10, 5, 2, 1, 1, true, 1));
    assertThrows(InputException.class, () -> new SyntheticOptions(10, 10, 5, 2, 1, 1, true, 1));
    assertThrows(InputException.class, () -> new SyntheticOptions(10, 10, 51, 2, 1, 1, true, 1));
    assertThrows(InputException.class, () -> new SyntheticOptions(10, 10, 20, 11, 1, 1, true, 1));
    InputException e =
        assertThrows(
            InputException.class, () -> new SyntheticOptions(10, 10, 20, 2, -1, 1, true, 1));
    assertTrue(e.getMessage().contains("userExponent is -1.0"), e.getMessage());
    assertThrows(InputException.class, () -> SyntheticOptions.defaults(0, 1));
    for (long n : new long[] {1, 7, 100, 10_000, 1_000_000, 100_000_000}) {
      SyntheticOptions o = SyntheticOptions.defaults(n, 1);
      assertEquals(n, o.interactions());
    }
    SyntheticOptions m = SyntheticOptions.defaults(1_000_000, 1);
    assertEquals(20_000, m.users());
    assertEquals(10_000, m.items());
  }

  @Test
  void rowsHaveExactCountsNoDuplicatesAndIncreasingTimes() {
    SyntheticOptions o = SyntheticOptions.defaults(20_000, 3);
    Interactions d = gen.generate(o).interactions();
    assertEquals(20_000, d.size());
    assertEquals(o.users(), d.numUsers());
    assertEquals(o.items(), d.numItems());
    Set<Long> pairs = new HashSet<>();
    long[] last = new long[d.numUsers()];
    int[] perUser = new int[d.numUsers()];
    Arrays.fill(last, Long.MIN_VALUE);
    for (int k = 0; k < d.size(); k++) {
      assertTrue(pairs.add((long) d.user(k) * d.numItems() + d.item(k)), "duplicate pair at " + k);
      assertTrue(d.timestamp(k) > last[d.user(k)], "time must increase per user");
      last[d.user(k)] = d.timestamp(k);
      perUser[d.user(k)]++;
      assertTrue(d.rating(k) >= 1 && d.rating(k) <= 5);
    }
    for (int c : perUser) {
      assertTrue(c >= 1 && c <= o.items() / 2, "per-user count " + c);
    }
  }

  private static double topShare(int[] counts, double fraction) {
    int[] c = counts.clone();
    Arrays.sort(c);
    long total = 0;
    long top = 0;
    int cut = (int) Math.round(c.length * (1 - fraction));
    for (int j = 0; j < c.length; j++) {
      total += c[j];
      if (j >= cut) {
        top += c[j];
      }
    }
    return (double) top / total;
  }

  @Test
  void popularityAndActivityFollowPowerLaws() {
    Interactions d = gen.generate(SyntheticOptions.defaults(50_000, 5)).interactions();
    int[] items = new int[d.numItems()];
    int[] users = new int[d.numUsers()];
    for (int k = 0; k < d.size(); k++) {
      items[d.item(k)]++;
      users[d.user(k)]++;
    }
    double itemShare = topShare(items, 0.1);
    double userShare = topShare(users, 0.1);
    // Uniform popularity would give 0.1 (measured: about 0.47 for these options).
    assertTrue(itemShare > 0.4, "top 10% of items hold " + itemShare);
    assertTrue(userShare > 0.3, "top 10% of users hold " + userShare);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndOtherSeedsDiffer() throws IOException {
    SyntheticOptions o = SyntheticOptions.defaults(30_000, 9);
    Path a = dir.resolve("a.tsv");
    Path b = dir.resolve("b.tsv");
    Path c = dir.resolve("c.tsv");
    assertEquals(30_000, gen.writeTsv(o, a, ProgressListener.NONE));
    gen.writeTsv(o, b, ProgressListener.NONE);
    gen.writeTsv(SyntheticOptions.defaults(30_000, 10), c, ProgressListener.NONE);
    assertEquals(-1, Files.mismatch(a, b));
    assertNotEquals(-1, Files.mismatch(a, c));
    gen.writeItems(o, dir.resolve("i1.tsv"));
    gen.writeItems(o, dir.resolve("i2.tsv"));
    assertEquals(-1, Files.mismatch(dir.resolve("i1.tsv"), dir.resolve("i2.tsv")));
    Path gz = dir.resolve("a.tsv.gz");
    gen.writeTsv(o, gz, ProgressListener.NONE);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      assertTrue(Arrays.equals(Files.readAllBytes(a), in.readAllBytes()));
    }
  }

  @Test
  void fileMatchesTheInMemoryDataSet() throws IOException {
    SyntheticOptions o = new SyntheticOptions(30, 40, 300, 4, 0.8, 1.0, false, 2);
    Path f = dir.resolve("rows.tsv");
    long[] reported = {0, 0};
    gen.writeTsv(
        o,
        f,
        (task, done, total) -> {
          reported[0] = done;
          reported[1] = total;
        });
    assertEquals(300, reported[0]);
    assertEquals(300, reported[1]);
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    assertEquals(SyntheticGenerator.TSV_HEADER, lines.get(0));
    Interactions d = gen.generate(o).interactions();
    assertEquals(d.size() + 1, lines.size());
    for (int k = 0; k < d.size(); k++) {
      String expected =
          d.users().id(d.user(k))
              + "\t"
              + d.items().id(d.item(k))
              + "\t"
              + (int) d.rating(k)
              + "\t";
      assertEquals(expected, lines.get(k + 1));
    }
    List<String> items = Files.readAllLines(writeItems(o), StandardCharsets.UTF_8);
    assertEquals(SyntheticGenerator.ITEMS_HEADER, items.get(0));
    assertEquals(41, items.size());
    Dataset ds = gen.generate(o);
    ItemInfo i5 = ds.items().get("i5");
    assertEquals(
        "i5\t" + i5.title() + "\t" + i5.attributes().get("topic") + "\t" + i5.text(), items.get(6));
  }

  private Path writeItems(SyntheticOptions o) {
    Path p = dir.resolve("items.tsv");
    assertEquals(o.items(), gen.writeItems(o, p));
    return p;
  }

  /**
   * The latent structure is learnable: a user's held-out items share a topic with the user's
   * training items far more often than the same held-out items would with a random other user's
   * training items.
   */
  @Test
  void heldOutItemsShareTopicsWithTrainItems() {
    Dataset ds = gen.generate(SyntheticOptions.defaults(20_000, 21));
    Interactions d = ds.interactions();
    int[] topic = new int[d.numItems()];
    for (int i = 0; i < d.numItems(); i++) {
      topic[i] =
          Integer.parseInt(ds.items().get(d.items().id(i)).attributes().get("topic").substring(6));
    }
    int topics = Arrays.stream(topic).max().getAsInt() + 1;
    Split s = new RandomSplitter(0.2, 1).split(d);
    boolean[][] trainTopics = new boolean[d.numUsers()][topics];
    for (int k = 0; k < s.train().size(); k++) {
      trainTopics[s.train().user(k)][topic[s.train().item(k)]] = true;
    }
    SplittableRandom rnd = new SplittableRandom(5);
    long own = 0;
    long other = 0;
    Interactions test = s.test();
    for (int k = 0; k < test.size(); k++) {
      own += trainTopics[test.user(k)][topic[test.item(k)]] ? 1 : 0;
      other += trainTopics[rnd.nextInt(d.numUsers())][topic[test.item(k)]] ? 1 : 0;
    }
    double ownRate = (double) own / test.size();
    double otherRate = (double) other / test.size();
    assertTrue(ownRate > 0.8, "own-topic rate " + ownRate);
    assertTrue(ownRate > 2 * otherRate, "own " + ownRate + " vs random " + otherRate);
  }

  /** Item texts are learnable: items of one topic share many more words than items of two. */
  @Test
  void itemTextsShareWordsWithinTopics() {
    Dataset ds = gen.generate(new SyntheticOptions(50, 200, 1000, 5, 0.8, 1.0, true, 4));
    double same = 0;
    double different = 0;
    int nSame = 0;
    int nDiff = 0;
    for (int a = 0; a < 60; a++) {
      for (int b = a + 1; b < 60; b++) {
        ItemInfo x = ds.items().get("i" + a);
        ItemInfo y = ds.items().get("i" + b);
        double j = jaccard(x.text(), y.text());
        if (x.categories().equals(y.categories())) {
          same += j;
          nSame++;
        } else {
          different += j;
          nDiff++;
        }
      }
    }
    same /= nSame;
    different /= nDiff;
    assertTrue(
        same > 3 * different, "word overlap within topics " + same + ", across " + different);
  }

  private static double jaccard(String a, String b) {
    Set<String> x = new HashSet<>(Arrays.asList(a.split(" ")));
    Set<String> y = new HashSet<>(Arrays.asList(b.split(" ")));
    Set<String> inter = new HashSet<>(x);
    inter.retainAll(y);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    return (double) inter.size() / union.size();
  }

  @Test
  void inMemoryLimitIsClear() {
    SyntheticOptions big = SyntheticOptions.defaults(SyntheticGenerator.MAX_IN_MEMORY + 1, 1);
    InputException e = assertThrows(InputException.class, () -> gen.generate(big));
    assertTrue(e.getMessage().contains("writeTsv"), e.getMessage());
  }
}
