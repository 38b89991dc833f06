package dev.seer.testkit;

import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small interaction fixtures for tests: one hand-made, one seeded random. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Returns 4 users ({@code u1..u4}, indices 0..3) and 5 items ({@code i1..i5}, indices 0..4) with
   * explicit ratings and timestamps, small enough to compute expected values by hand.
   *
   * <pre>
   *        i1  i2  i3  i4  i5
   *   u1    5   3   4   .   .
   *   u2    4   .   5   2   .
   *   u3    .   2   .   4   5
   *   u4    3   .   .   .   4
   * </pre>
   *
   * Users per item: i1 {u1,u2,u4}, i2 {u1,u3}, i3 {u1,u2}, i4 {u2,u3}, i5 {u3,u4}. Timestamps are
   * 1000, 1001, ... in the row order above (row by row, left to right).
   *
   * @return the interactions (11 rows)
   */
  public static Interactions tiny() {
    IdIndex.Builder users = new IdIndex.Builder();
    IdIndex.Builder items = new IdIndex.Builder();
    for (int u = 1; u <= 4; u++) {
      users.add("u" + u);
    }
    for (int i = 1; i <= 5; i++) {
      items.add("i" + i);
    }
    Interactions.Builder b = new Interactions.Builder(users, items);
    String[][] rows = {
      {"u1", "i1", "5"}, {"u1", "i2", "3"}, {"u1", "i3", "4"},
      {"u2", "i1", "4"}, {"u2", "i3", "5"}, {"u2", "i4", "2"},
      {"u3", "i2", "2"}, {"u3", "i4", "4"}, {"u3", "i5", "5"},
      {"u4", "i1", "3"}, {"u4", "i5", "4"}
    };
    long t = 1000;
    for (String[] r : rows) {
      b.add(r[0], r[1], Float.parseFloat(r[2]), t++);
    }
    return b.build();
  }

  /**
   * Returns seeded random interactions: users {@code u0..}, items {@code i0..} (all registered, in
   * index order, so some items may have no rows), each user with {@code perUser} distinct items
   * drawn with a popularity skew towards low indices, integer ratings 1 to 5 and increasing
   * timestamps. The same arguments always give the same data.
   *
   * @param users number of users, at least 1
   * @param items number of items, at least {@code perUser}
   * @param perUser items per user, at least 1
   * @param seed random seed
   * @return the interactions
   */
  public static Interactions random(int users, int items, int perUser, long seed) {
    if (users < 1 || perUser < 1 || items < perUser) {
      throw new IllegalArgumentException(
          "need users >= 1 and 1 <= perUser <= items, got "
              + users
              + ", "
              + items
              + ", "
              + perUser);
    }
    IdIndex.Builder ub = new IdIndex.Builder();
    IdIndex.Builder ib = new IdIndex.Builder();
    for (int u = 0; u < users; u++) {
      ub.add("u" + u);
    }
    for (int i = 0; i < items; i++) {
      ib.add("i" + i);
    }
    Interactions.Builder b = new Interactions.Builder(ub, ib);
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean[] taken = new boolean[items];
    List<Integer> chosen = new ArrayList<>(perUser);
    long t = 1_500_000_000L;
    for (int u = 0; u < users; u++) {
      chosen.clear();
      for (int tries = 0; chosen.size() < perUser && tries < 20 * perUser; tries++) {
        double x = rnd.nextDouble();
        int i = (int) (items * x * x);
        if (!taken[i]) {
          taken[i] = true;
          chosen.add(i);
        }
      }
      for (int i = rnd.nextInt(items); chosen.size() < perUser; i = (i + 1) % items) {
        if (!taken[i]) {
          taken[i] = true;
          chosen.add(i);
        }
      }
      for (int i : chosen) {
        taken[i] = false;
        b.addIndexed(u, i, 1 + rnd.nextInt(5), t);
        t += 1 + rnd.nextInt(100);
      }
    }
    return b.build();
  }

  /**
   * Returns the same rows over a user index with one more user, {@code cold-user}, who has no rows
   * (the last user index).
   *
   * @param data interactions
   * @return the interactions with an extra user
   */
  public static Interactions withColdUser(Interactions data) {
    List<String> ids = new ArrayList<>(data.users().ids());
    ids.add("cold-user");
    return new Interactions(
        IdIndex.of(ids),
        data.items(),
        data.userColumn(),
        data.itemColumn(),
        data.ratingColumn(),
        data.timeColumn());
  }
}
