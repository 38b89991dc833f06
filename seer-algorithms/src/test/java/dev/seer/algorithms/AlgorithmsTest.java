package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.baseline.BiasedBaselineTrainer;
import dev.seer.algorithms.baseline.PopularityTrainer;
import dev.seer.algorithms.baseline.RandomTrainer;
import dev.seer.algorithms.blend.BlendOptions;
import dev.seer.algorithms.knn.ItemKnnOptions;
import dev.seer.algorithms.knn.ItemKnnTrainer;
import dev.seer.algorithms.knn.Similarity;
import dev.seer.api.InputException;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
  @Test
  void listsEveryAlgorithmAndCreatesItWithDefaults() {
    assertEquals(
        List.of(
            "random",
            "popularity",
            "item-knn",
            "bias-baseline",
            "biased-mf",
            "svdpp",
            "blend",
            "user-knn",
            "bpr",
            "content",
            "als",
            "ease",
            "rp3beta",
            "hybrid",
            "ensemble"),
        Algorithms.names());
    for (String name : Algorithms.names()) {
      Trainer<? extends Recommender> t = Algorithms.create(name, Map.of());
      assertEquals(name, t.algorithm());
    }
    assertInstanceOf(RandomTrainer.class, Algorithms.create("random", ""));
    assertInstanceOf(PopularityTrainer.class, Algorithms.create("popularity", ""));
    assertInstanceOf(BiasedBaselineTrainer.class, Algorithms.create("bias-baseline", ""));
  }

  @Test
  void parsesOptionText() {
    ItemKnnTrainer t =
        (ItemKnnTrainer)
            Algorithms.create("item-knn", "neighbours=50, similarity=jaccard,useRatings=yes");
    assertEquals(new ItemKnnOptions(50, Similarity.JACCARD, 0, true, 0), t.options());
    t = (ItemKnnTrainer) Algorithms.create("item-knn", Map.of("similarity", "Adjusted-Cosine"));
    assertEquals(Similarity.ADJUSTED_COSINE, t.options().similarity());
  }

  @Test
  void defaultsRoundTripThroughTheParser() {
    for (String name : Algorithms.names()) {
      Map<String, String> d = Algorithms.defaults(name);
      Trainer<? extends Recommender> t = Algorithms.create(name, d);
      assertEquals(name, t.algorithm());
    }
    assertEquals("cosine", Algorithms.defaults("item-knn").get("similarity"));
    assertEquals("100", Algorithms.defaults("item-knn").get("neighbours"));
    assertEquals(BlendOptions.defaults().asMap(), Algorithms.defaults("blend"));
    assertEquals(
        List.copyOf(BlendOptions.defaults().asMap().keySet()),
        List.copyOf(Algorithms.defaults("blend").keySet()));
  }

  @Test
  void unknownAlgorithmListsTheKnownOnes() {
    InputException e = assertThrows(InputException.class, () -> Algorithms.create("svd", ""));
    assertTrue(e.getMessage().contains("'svd'"), e.getMessage());
    assertTrue(e.getMessage().contains("item-knn, bias-baseline"), e.getMessage());
  }

  @Test
  void unknownOptionListsTheKnownOptions() {
    InputException e =
        assertThrows(InputException.class, () -> Algorithms.create("item-knn", "neighbors=5"));
    assertTrue(e.getMessage().contains("neighbors"), e.getMessage());
    assertTrue(
        e.getMessage().contains("neighbours, similarity, shrinkage, useRatings, threads"),
        e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("random", "k=1"));
    assertTrue(e.getMessage().contains("takes no options"), e.getMessage());
  }

  @Test
  void badValuesNameOptionAndValue() {
    InputException e =
        assertThrows(InputException.class, () -> Algorithms.create("item-knn", "neighbours=many"));
    assertTrue(e.getMessage().contains("neighbours=many"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("item-knn", "similarity=dice"));
    assertTrue(e.getMessage().contains("similarity=dice"), e.getMessage());
    assertTrue(e.getMessage().contains("cosine, adjusted-cosine, jaccard"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("item-knn", "useRatings=maybe"));
    assertTrue(e.getMessage().contains("useRatings=maybe"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> Algorithms.create("bias-baseline", "lambdaUser=NaN"));
    assertTrue(e.getMessage().contains("lambdaUser=NaN"), e.getMessage());
  }

  @Test
  void malformedOptionTextIsRejected() {
    assertThrows(InputException.class, () -> Algorithms.parseOptions("neighbours"));
    assertThrows(InputException.class, () -> Algorithms.parseOptions("=3"));
    InputException e = assertThrows(InputException.class, () -> Algorithms.parseOptions("a=1,a=2"));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
    assertEquals(Map.of("a", "1", "b", "x=y"), Algorithms.parseOptions(" a = 1 ,b=x=y"));
  }
}
