package dev.seer.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplittersTest {
  private static Set<String> rows(Interactions d) {
    Set<String> s = new HashSet<>();
    for (int k = 0; k < d.size(); k++) {
      s.add(d.users().id(d.user(k)) + "," + d.items().id(d.item(k)));
    }
    return s;
  }

  private static Set<String> users(Interactions d) {
    Set<String> s = new HashSet<>();
    for (int k = 0; k < d.size(); k++) {
      s.add(d.users().id(d.user(k)));
    }
    return s;
  }

  private static long count(Interactions d, String user) {
    long c = 0;
    for (int k = 0; k < d.size(); k++) {
      c += d.users().id(d.user(k)).equals(user) ? 1 : 0;
    }
    return c;
  }

  /** User a: 40 rows, b: 1 row, c: 2 rows; distinct items. */
  private static Interactions perUser() {
    Interactions.Builder b = new Interactions.Builder();
    for (int j = 0; j < 40; j++) {
      b.add("a", "i" + j, 1f + j % 5, 1000 + j);
    }
    b.add("b", "i0", 3f, 5);
    b.add("c", "i1", 4f, 6);
    b.add("c", "i2", 5f, 7);
    return b.build();
  }

  private static void assertSharesIndices(Interactions data, Split s) {
    for (Interactions p : List.of(s.train(), s.validation(), s.test(), s.foldIn())) {
      assertSame(data.users(), p.users());
      assertSame(data.items(), p.items());
    }
  }

  @Test
  void randomSplitIsPerUserAndKeepsATrainRow() {
    Interactions data = perUser();
    Split s = new RandomSplitter(0.5, 1).split(data);
    assertSharesIndices(data, s);
    // a: 40 * 0.5 = 20 exactly; b: one row stays in train; c: 2 * 0.5 = 1.
    assertEquals(20, count(s.test(), "a"));
    assertEquals(0, count(s.test(), "b"));
    assertEquals(1, count(s.test(), "c"));
    assertEquals(1, count(s.train(), "c"));
    assertEquals(data.size(), s.train().size() + s.test().size());
    Set<String> union = rows(s.train());
    union.addAll(rows(s.test()));
    assertEquals(rows(data), union);
    assertTrue(s.name().contains("seed 1"), s.name());
  }

  @Test
  void randomSplitIsDeterministicPerSeed() {
    Interactions data = perUser();
    assertEquals(
        rows(new RandomSplitter(0.5, 1).split(data).test()),
        rows(new RandomSplitter(0.5, 1).split(data).test()));
    assertNotEquals(
        rows(new RandomSplitter(0.5, 1).split(data).test()),
        rows(new RandomSplitter(0.5, 2).split(data).test()));
  }

  @Test
  void splittersRejectBadOptions() {
    for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      InputException e = assertThrows(InputException.class, () -> new RandomSplitter(bad, 1));
      assertTrue(e.getMessage().contains("testRatio"), e.getMessage());
      assertThrows(InputException.class, () -> new TemporalSplitter(bad));
      assertThrows(InputException.class, () -> new UserHoldoutSplitter(bad, 0.2, 1));
      assertThrows(InputException.class, () -> new UserHoldoutSplitter(0.2, bad, 1));
    }
    assertThrows(InputException.class, () -> new LeaveLastKSplitter(0));
    InputException e = assertThrows(InputException.class, () -> new KFold(1, 1));
    assertTrue(e.getMessage().contains("k is 1"), e.getMessage());
  }

  /** Ten rows; two share timestamp 8 (rows 4 and 6). */
  private static Interactions timed() {
    return new Interactions.Builder()
        .add("a", "x", 1f, 1)
        .add("a", "y", 1f, 2)
        .add("b", "x", 1f, 3)
        .add("b", "v", 1f, 9)
        .add("c", "w", 1f, 8)
        .add("a", "z", 1f, 5)
        .add("d", "x", 1f, 8)
        .add("b", "y", 1f, 4)
        .add("a", "w", 1f, 6)
        .add("c", "x", 1f, 7)
        .build();
  }

  @Test
  void temporalSplitCutsGloballyByTimeWithTiesByRowOrder() {
    Split s = new TemporalSplitter(0.2).split(timed());
    // round(10 * 0.2) = 2 latest rows: (b,v) t=9 and, of the two t=8 rows, the later one (d,x).
    assertEquals(Set.of("b,v", "d,x"), rows(s.test()));
    assertEquals(8, s.train().size());
    assertTrue(rows(s.train()).contains("c,w"));
    assertTrue(s.name().contains("timestamp 8"), s.name());
    SplitStats st = SplitStats.of(s);
    assertEquals(1, st.testUsersUnseenInTrain()); // d
    assertEquals(1, st.testItemsUnseenInTrain()); // v
    assertEquals(1, st.testRowsWithUnseenUser());
    assertEquals(new SplitStats.Part(8, 3, 4), st.train());
    assertEquals(new SplitStats.Part(2, 2, 2), st.test());
    assertTrue(st.summary().contains("1 test users (1 test rows), 1 test items"), st.summary());
  }

  @Test
  void timeBasedSplittersNeedTimestamps() {
    Interactions untimed = new Interactions.Builder().add("a", "x").add("a", "y").build();
    InputException e =
        assertThrows(InputException.class, () -> new TemporalSplitter(0.2).split(untimed));
    assertTrue(e.getMessage().contains("no timestamps"), e.getMessage());
    assertThrows(InputException.class, () -> new LeaveLastKSplitter(1).split(untimed));
  }

  @Test
  void leaveOneOutPicksEachUsersLatestRow() {
    Split s = new LeaveLastKSplitter(1).split(timed());
    // a: latest (a,w) t=6; b: (b,v) t=9; c: (c,w) t=8; d has one row and stays in train.
    assertEquals(Set.of("a,w", "b,v", "c,w"), rows(s.test()));
    assertEquals(7, s.train().size());
    assertTrue(rows(s.train()).contains("d,x"));
  }

  @Test
  void leaveLastKBreaksTimeTiesByRowOrderAndKeepsSmallUsers() {
    Interactions d =
        new Interactions.Builder()
            .add("a", "x", 1f, 5)
            .add("a", "y", 1f, 9)
            .add("a", "z", 1f, 9)
            .add("a", "w", 1f, 1)
            .add("b", "x", 1f, 1)
            .add("b", "y", 1f, 2)
            .build();
    assertEquals(
        Set.of("a,z"),
        rows(new LeaveLastKSplitter(1).split(d).test()).stream()
            .filter(r -> r.startsWith("a"))
            .collect(java.util.stream.Collectors.toSet()));
    Split two = new LeaveLastKSplitter(2).split(d);
    // a has 4 rows: its two latest go; b has 2 <= k rows and stays.
    assertEquals(Set.of("a,y", "a,z"), rows(two.test()));
    assertEquals(Set.of("a,x", "a,w", "b,x", "b,y"), rows(two.train()));
  }

  /** Users u0..u9 with 4 rows each, and "solo" with one row. */
  private static Interactions tenUsers() {
    Interactions.Builder b = new Interactions.Builder();
    for (int u = 0; u < 10; u++) {
      for (int j = 0; j < 4; j++) {
        b.add("u" + u, "i" + ((u + j) % 7), 1f, u * 10 + j);
      }
    }
    b.add("solo", "i0", 1f, 0);
    return b.build();
  }

  @Test
  void userHoldoutHoldsOutWholeUsers() {
    Interactions data = tenUsers();
    Split s = new UserHoldoutSplitter(0.3, 0.5, 3).split(data);
    assertSharesIndices(data, s);
    assertTrue(s.hasFoldIn());
    Set<String> held = users(s.test());
    // round(10 eligible * 0.3) = 3 users; each: 4 * 0.5 = 2 test rows and 2 fold-in rows.
    assertEquals(3, held.size());
    assertEquals(held, users(s.foldIn()));
    assertEquals(6, s.test().size());
    assertEquals(6, s.foldIn().size());
    Set<String> train = users(s.train());
    for (String u : held) {
      assertFalse(train.contains(u), u);
    }
    assertEquals(7 * 4 + 1, s.train().size());
    assertTrue(train.contains("solo"));
    assertEquals(3, SplitStats.of(s).testUsersUnseenInTrain());
    assertEquals(rows(s.test()), rows(new UserHoldoutSplitter(0.3, 0.5, 3).split(data).test()));
    Set<Set<String>> seen = new HashSet<>();
    for (long seed = 1; seed <= 5; seed++) {
      seen.add(users(new UserHoldoutSplitter(0.3, 0.5, seed).split(data).test()));
    }
    assertTrue(seen.size() > 1, "different seeds should hold out different users");
  }

  @Test
  void kFoldPartitionsRowsAndStratifiesPerUser() {
    Interactions.Builder b = new Interactions.Builder();
    for (int j = 0; j < 5; j++) {
      b.add("a", "i" + j);
    }
    for (int j = 0; j < 3; j++) {
      b.add("b", "i" + j);
    }
    b.add("c", "i0");
    Interactions data = b.build();
    KFold kf = new KFold(3, 11);
    List<Split> folds = kf.folds(data);
    assertEquals(3, folds.size());
    List<String> allTest = new ArrayList<>();
    int cFolds = 0;
    for (Split f : folds) {
      assertSharesIndices(data, f);
      // Each user's rows are dealt in turn from the user's own random first fold.
      assertEquals(9, f.test().size() + f.train().size());
      assertEquals(
          f.test().size(), count(f.test(), "a") + count(f.test(), "b") + count(f.test(), "c"));
      cFolds += (int) count(f.test(), "c");
      Set<String> union = rows(f.train());
      union.addAll(rows(f.test()));
      assertEquals(rows(data), union);
      // a's 5 rows spread 2/2/1, b's 3 rows 1/1/1.
      assertTrue(count(f.test(), "a") == 1 || count(f.test(), "a") == 2);
      assertEquals(1, count(f.test(), "b"));
      allTest.addAll(rows(f.test()));
    }
    assertEquals(1, cFolds);
    assertEquals(9, allTest.size());
    assertEquals(rows(data), new HashSet<>(allTest));
    assertArrayEquals(kf.assignments(data), new KFold(3, 11).assignments(data));
    Set<List<Integer>> distinct = new HashSet<>();
    for (long seed = 1; seed <= 5; seed++) {
      distinct.add(java.util.Arrays.stream(new KFold(3, seed).assignments(data)).boxed().toList());
    }
    assertTrue(distinct.size() > 1, "different seeds should deal rows differently");
  }

  @Test
  void validationCarvesFromTrainOnly() {
    Interactions data = perUser();
    Split s = new RandomSplitter(0.5, 1).split(data);
    Split v = Validation.carve(s, 0.5, 9);
    assertSharesIndices(data, v);
    assertSame(s.test(), v.test());
    // a has 20 train rows -> 10 move; c has 1 train row and keeps it.
    assertEquals(10, v.validation().size());
    assertEquals(10, count(v.train(), "a"));
    assertEquals(1, count(v.train(), "c"));
    Set<String> union = rows(v.train());
    union.addAll(rows(v.validation()));
    assertEquals(rows(s.train()), union);
    assertTrue(v.name().contains("validation"), v.name());
    assertEquals(rows(v.validation()), rows(Validation.carve(s, 0.5, 9).validation()));
    assertThrows(InputException.class, () -> Validation.carve(s, 0, 9));
  }
}
