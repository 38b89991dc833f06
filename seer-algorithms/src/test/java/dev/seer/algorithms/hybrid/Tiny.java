package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures shared by the hybrid and ensemble tests. */
final class Tiny {
  private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Sci-Fi"};
  private static final String[] WORDS = {"star", "night", "love", "war", "city", "ghost"};

  private Tiny() {}

  /** Metadata for items i0..i(n-1): one or two genres and a two-word title each. */
  static Map<String, ItemInfo> metadata(int items) {
    Map<String, ItemInfo> m = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      List<String> g =
          i % 3 == 0 ? List.of(GENRES[i % 5]) : List.of(GENRES[i % 5], GENRES[(i / 5) % 5]);
      String title = "The " + WORDS[i % 6] + " of " + WORDS[(i / 6) % 6];
      m.put("i" + i, ItemInfo.of("i" + i, title, g));
    }
    return m;
  }

  static Recommender fit(String algorithm, String options, Interactions data) {
    return Algorithms.create(algorithm, options).fit(data, TrainingContext.ofSeed(1));
  }

  /**
   * Users u1..u3 (and a user {@code cold} without rows), items x, y, z.
   *
   * <pre>
   *        x  y  z
   *   u1   1  1  .
   *   u2   1  1  .
   *   u3   1  .  5
   * </pre>
   *
   * Popularity counts x 3, y 2, z 1; counting only ratings of at least 4: x 0, y 0, z 1.
   */
  static Interactions threeItems() {
    IdIndex.Builder users = new IdIndex.Builder();
    for (String u : new String[] {"u1", "u2", "u3", "cold"}) {
      users.add(u);
    }
    IdIndex.Builder items = new IdIndex.Builder();
    for (String i : new String[] {"x", "y", "z"}) {
      items.add(i);
    }
    Interactions.Builder b = new Interactions.Builder(users, items);
    b.add("u1", "x", 1, 1);
    b.add("u1", "y", 1, 2);
    b.add("u2", "x", 1, 3);
    b.add("u2", "y", 1, 4);
    b.add("u3", "x", 1, 5);
    b.add("u3", "z", 5, 6);
    return b.build();
  }
}
