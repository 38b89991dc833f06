package dev.seer.algorithms.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.IdIndex;
import dev.seer.api.ItemInfo;
import dev.seer.api.SparseMatrix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemFeaturesTest {
  @Test
  void tokensAreLowerCaseWordsWithoutStopWords() {
    assertEquals(
        List.of("star", "wars", "1977", "empire", "strikes", "back"),
        ItemFeatures.tokens("Star Wars (1977): the Empire strikes back, a"));
    assertEquals(List.of("misérables", "les"), ItemFeatures.tokens("Misérables, Les"));
  }

  @Test
  void categoriesAreOneHotAndWordsFollowTheVocabularyRules() {
    IdIndex items = IdIndex.of(List.of("x", "y", "z", "w"));
    Map<String, ItemInfo> info =
        Map.of(
            "x", new ItemInfo("x", "Night City", List.of("Drama"), "ghost ghost", Map.of()),
            "y", new ItemInfo("y", "City Ghost", List.of("Comedy", "Drama"), "", Map.of()),
            "z", new ItemInfo("z", "Night of the City", List.of(), "alone", Map.of()));
    // Words in >= 2 items: city (3), ghost (2), night (2); "alone" is in one. Cap 2 keeps city and
    // the alphabetically first of the tie, ghost.
    ItemFeatures f = ItemFeatures.build(items, info, 2, 2, false);
    assertEquals(
        List.of("category:Comedy", "category:Drama", "word:city", "word:ghost"), f.names());
    SparseMatrix m = f.matrix();
    assertArrayEquals(new int[] {1, 2, 3}, m.row(0));
    assertArrayEquals(new int[] {0, 1, 2, 3}, m.row(1));
    assertArrayEquals(new int[] {2}, m.row(2));
    assertArrayEquals(new int[] {}, m.row(3), "no metadata, no features");
    assertEquals(1f, m.get(1, 0));
    ItemFeatures unit = ItemFeatures.build(items, info, 2, 2, true);
    assertEquals(0.5f, unit.matrix().get(1, 0), 1e-7f); // 4 features: 1 / sqrt 4
    assertEquals(1f, unit.matrix().get(2, 2), 1e-7f);
    ItemFeatures none = ItemFeatures.build(items, info, 0, 1, false);
    assertEquals(List.of("category:Comedy", "category:Drama"), none.names());
  }
}
