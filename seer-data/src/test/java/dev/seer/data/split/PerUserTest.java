package dev.seer.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PerUserTest {
  private record Row(String user, String item, float rating, long time) {}

  private static List<Row> rowsOf(String user, int n) {
    List<Row> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      out.add(new Row(user, user + "-item" + j, 1f + j % 5, 100 + j / 3));
    }
    return out;
  }

  private static Interactions build(List<Row> rows) {
    Interactions.Builder b = new Interactions.Builder();
    for (Row r : rows) {
      b.add(r.user, r.item, r.rating, r.time);
    }
    return b.build();
  }

  private static TreeSet<String> rowsOfUser(Interactions d, String user) {
    TreeSet<String> s = new TreeSet<>();
    for (int k = 0; k < d.size(); k++) {
      if (d.users().id(d.user(k)).equals(user)) {
        s.add(d.items().id(d.item(k)));
      }
    }
    return s;
  }

  @Test
  void stableHashIsFnv1a64() {
    // Published FNV-1a 64-bit test vectors: "" -> offset basis, "a" -> 0xaf63dc4c8601ec8c.
    assertEquals(0xcbf29ce484222325L, PerUser.stableHash(""));
    assertEquals(0xaf63dc4c8601ec8cL, PerUser.stableHash("a"));
  }

  @Test
  void canonicalOrderIsTimeThenItemThenRating() {
    // Row 2 has the earliest time; rows 0/1/3 share time 5: item "a" (rows 1, 3) before "b";
    // rows 1 and 3 differ only in rating (2 < 4), so row 3 comes first.
    int[] order =
        PerUser.canonicalOrder(
            new String[] {"b", "a", "c", "a"}, new float[] {1, 4, 1, 2}, new long[] {5, 5, 1, 5});
    assertArrayEquals(new int[] {2, 3, 1, 0}, order);
    // Without ratings and times: item id order.
    assertArrayEquals(
        new int[] {1, 2, 0}, PerUser.canonicalOrder(new String[] {"z", "x", "y"}, null, null));
  }

  @Test
  void shareCountsFollowTheRoundingRule() {
    String[] forty = new String[40];
    for (int j = 0; j < 40; j++) {
      forty[j] = "i" + j;
    }
    // 40 * 0.5 = 20 exactly, no random rounding.
    assertEquals(20, count(PerUser.pickShare(3, "u", forty, null, null, 0.5)));
    // One row: never picked; two rows at ratio 0.1: 0.2 rounds to 0 or 1, pickAtLeastOne gives 1.
    assertEquals(0, count(PerUser.pickShare(3, "u", new String[] {"x"}, null, null, 0.9)));
    assertEquals(
        1, count(PerUser.pickAtLeastOne(3, "u", new String[] {"x", "y"}, null, null, 0.1)));
    // Two rows at ratio 0.9: 1.8 capped at n - 1 = 1.
    assertEquals(1, count(PerUser.pickShare(3, "u", new String[] {"x", "y"}, null, null, 0.9)));
  }

  @Test
  void aUsersSplitDoesNotDependOnOtherUsersOrRowOrder() {
    List<Row> small = new ArrayList<>();
    small.addAll(rowsOf("alice", 30));
    small.addAll(rowsOf("bob", 7));
    List<Row> large = new ArrayList<>(small);
    large.addAll(rowsOf("carol", 12));
    large.addAll(rowsOf("0-first", 9));
    Collections.shuffle(large, new Random(5));
    List<Row> aliceOnly = new ArrayList<>(rowsOf("alice", 30));
    Collections.reverse(aliceOnly);

    Interactions a = build(small);
    Interactions b = build(large);
    Interactions c = build(aliceOnly);
    RandomSplitter split = new RandomSplitter(0.2, 42);
    TreeSet<String> expected = rowsOfUser(split.split(a).test(), "alice");
    assertEquals(6, expected.size());
    assertEquals(expected, rowsOfUser(split.split(b).test(), "alice"));
    assertEquals(expected, rowsOfUser(split.split(c).test(), "alice"));
    assertEquals(
        rowsOfUser(split.split(a).test(), "bob"), rowsOfUser(split.split(b).test(), "bob"));
    assertNotEquals(expected, rowsOfUser(new RandomSplitter(0.2, 43).split(a).test(), "alice"));

    // Validation carving and k-fold dealing are per-user too.
    Split va = Validation.carve(split.split(a), 0.25, 7);
    Split vb = Validation.carve(split.split(b), 0.25, 7);
    assertEquals(rowsOfUser(va.validation(), "alice"), rowsOfUser(vb.validation(), "alice"));
    List<Split> fa = new KFold(4, 9).folds(a);
    List<Split> fb = new KFold(4, 9).folds(b);
    for (int f = 0; f < 4; f++) {
      assertEquals(rowsOfUser(fa.get(f).test(), "alice"), rowsOfUser(fb.get(f).test(), "alice"));
    }
    // A held-out user's test rows do not depend on the others either.
    Split ha = new UserHoldoutSplitter(0.5, 0.3, 1).split(a);
    Split hb = new UserHoldoutSplitter(0.5, 0.3, 1).split(b);
    for (String u : List.of("alice", "bob")) {
      if (!rowsOfUser(ha.test(), u).isEmpty() && !rowsOfUser(hb.test(), u).isEmpty()) {
        assertEquals(rowsOfUser(ha.test(), u), rowsOfUser(hb.test(), u));
      }
    }
  }

  @Test
  void directCallMatchesTheSplitter() {
    List<Row> rows = rowsOf("dora", 11);
    Interactions d = build(rows);
    String[] items = rows.stream().map(Row::item).toArray(String[]::new);
    float[] ratings = new float[rows.size()];
    long[] times = new long[rows.size()];
    for (int j = 0; j < rows.size(); j++) {
      ratings[j] = rows.get(j).rating();
      times[j] = rows.get(j).time();
    }
    boolean[] p = PerUser.pickShare(42, "dora", items, ratings, times, 0.2);
    TreeSet<String> direct = new TreeSet<>();
    for (int j = 0; j < p.length; j++) {
      if (p[j]) {
        direct.add(items[j]);
      }
    }
    assertEquals(direct, rowsOfUser(new RandomSplitter(0.2, 42).split(d).test(), "dora"));
  }

  private static int count(boolean[] b) {
    int c = 0;
    for (boolean x : b) {
      c += x ? 1 : 0;
    }
    return c;
  }
}
