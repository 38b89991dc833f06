package dev.seer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankerTest {
  @Test
  void ordersByScoreThenLowerIndex() {
    float[] s = {0.5f, 2f, 0.5f, Float.NaN, 3f, 2f};
    Ranking r = Ranker.topN(s, 4, null);
    assertArrayEquals(new int[] {4, 1, 5, 0}, r.items());
    assertArrayEquals(new float[] {3f, 2f, 2f, 0.5f}, r.scores());
  }

  @Test
  void excludesAndReturnsFewerWhenFewAllowed() {
    float[] s = {1f, 2f, 3f};
    Ranking r = Ranker.topN(s, 10, i -> i == 2);
    assertArrayEquals(new int[] {1, 0}, r.items());
    assertEquals(0, Ranker.topN(s, 0, null).size());
    assertThrows(InputException.class, () -> Ranker.topN(s, -1, null));
  }

  @Test
  void nanRanksLast() {
    float[] s = {Float.NaN, Float.NEGATIVE_INFINITY, -1f};
    assertArrayEquals(new int[] {2, 0, 1}, Ranker.topN(s, 3, null).items());
  }

  @Test
  void matchesFullSortOnRandomScores() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int m = 1 + rnd.nextInt(200);
      float[] s = new float[m];
      for (int i = 0; i < m; i++) {
        s[i] = rnd.nextInt(20); // many ties
      }
      int n = rnd.nextInt(m + 3);
      Integer[] all = new Integer[m];
      for (int i = 0; i < m; i++) {
        all[i] = i;
      }
      Arrays.sort(all, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
      int[] expected = new int[Math.min(n, m)];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = all[i];
      }
      assertArrayEquals(expected, Ranker.topN(s, n, null).items());
    }
  }

  @Test
  void recommendExcludesSeenItems() {
    Interactions data =
        new Interactions.Builder().add("u", "a").add("u", "c").add("v", "b").build();
    Recommender byIndex =
        new Recommender() {
          @Override
          public ModelCard card() {
            return new ModelCard("test", null, 0, null, null, null, null);
          }

          @Override
          public IdIndex users() {
            return data.users();
          }

          @Override
          public IdIndex items() {
            return data.items();
          }

          @Override
          public void score(int user, float[] out) {
            for (int i = 0; i < out.length; i++) {
              out[i] = i;
            }
          }
        };
    Ranking r = Ranker.recommend(byIndex, data.users().index("u"), 5, data.byUser(), null);
    assertArrayEquals(new int[] {data.items().index("b")}, r.items());
  }
}
