package dev.seer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticSearchTest {
  private static final double EPS = 1e-5;

  private static ItemVectors catalogue(TextEmbedder e) {
    Map<String, ItemInfo> items = new LinkedHashMap<>();
    items.put("a", ItemInfo.of("a", "space comedy", List.of()));
    items.put("b", ItemInfo.of("b", "space drama", List.of()));
    items.put("c", ItemInfo.of("c", "cooking show", List.of()));
    return ItemVectors.embed(
        items, new CachedEmbedder(e, List.of(), 8), 100, ProgressListener.NONE);
  }

  /** A fixed-score model over items c, b and an item the catalogue lacks. */
  private static Recommender fixed(float[] scores) {
    IdIndex items = IdIndex.of(List.of("c", "b", "zz"));
    IdIndex users = IdIndex.of(List.of("u"));
    ModelCard card = new ModelCard("fixed", Map.of(), 0, "", Map.of(), null, null);
    return new Recommender() {
      @Override
      public ModelCard card() {
        return card;
      }

      @Override
      public IdIndex users() {
        return users;
      }

      @Override
      public IdIndex items() {
        return items;
      }

      @Override
      public void score(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
      }
    };
  }

  @Test
  void queryRanksByCosineAndReportsMatchingTerms() {
    HashingEmbedder h = new HashingEmbedder(4096);
    List<SemanticSearch.Hit> hits =
        SemanticSearch.search(catalogue(h), h, "Space comedy!", null, -1, 0.3, 2, null);
    assertEquals(2, hits.size());
    assertEquals(0, hits.get(0).item());
    assertEquals(1.0, hits.get(0).similarity(), EPS);
    assertEquals(List.of("space", "comedy"), hits.get(0).terms());
    assertEquals(0.5, hits.get(1).similarity(), EPS);
    assertTrue(Double.isNaN(hits.get(0).collaborative()));
  }

  @Test
  void knownUsersBlendStandardisedScores() {
    HashingEmbedder h = new HashingEmbedder(4096);
    // similarities to "space comedy": a 1, b 0.5, c 0 -> z = 1.2247, 0, -1.2247
    // collaborative: a unknown (z 0), b 1, c 3 -> over {b, c}: mean 2, sd 1 -> b -1, c 1
    Recommender m = fixed(new float[] {3f, 1f, 100f});
    List<SemanticSearch.Hit> hits =
        SemanticSearch.search(catalogue(h), h, "space comedy", m, 0, 0.5, 3, null);
    double z = Math.sqrt(1.5);
    assertEquals(0, hits.get(0).item());
    assertEquals(0.5 * z, hits.get(0).score(), EPS);
    assertEquals(2, hits.get(1).item());
    assertEquals(0.5 * (-z + 1), hits.get(1).score(), EPS);
    assertEquals(0.5 * (0 - 1), hits.get(2).score(), EPS);
    assertEquals(3.0, hits.get(1).collaborative(), EPS);
  }

  @Test
  void standardiseIgnoresNaNAndFlatInput() {
    float s = (float) Math.sqrt(1.5);
    assertArrayEquals(
        new float[] {-s, 0f, s, 0f},
        SemanticSearch.standardise(new float[] {1, 2, 3, Float.NaN}),
        1e-5f);
    assertArrayEquals(new float[2], SemanticSearch.standardise(new float[] {4, 4}));
  }

  @Test
  void emptyQueriesAndBadBlendsAreRejected() {
    HashingEmbedder h = new HashingEmbedder(64);
    ItemVectors v = catalogue(h);
    assertThrows(
        InputException.class, () -> SemanticSearch.search(v, h, " ", null, -1, 0.3, 5, null));
    assertThrows(
        InputException.class, () -> SemanticSearch.search(v, h, "x", null, -1, 1.5, 5, null));
  }
}
