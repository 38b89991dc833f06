package dev.seer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelFiles;
import dev.seer.api.ProgressListener;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny fixture (u1 rated i1=5, i2=3, i3=4; mean 4, so u1 likes i1 and i3) with item texts whose
 * terms fall into distinct hashing buckets, so every cosine is a count of shared terms.
 */
class SemanticModelTest {
  private static final double EPS = 1e-5;
  private static final Map<String, ItemInfo> ITEMS = new LinkedHashMap<>();
  private static SemanticModel model;

  @BeforeAll
  static void train() {
    ITEMS.put("i1", ItemInfo.of("i1", "space comedy", List.of()));
    ITEMS.put("i2", ItemInfo.of("i2", "space drama", List.of()));
    ITEMS.put("i3", ItemInfo.of("i3", "cooking show", List.of()));
    ITEMS.put("i4", ItemInfo.of("i4", "comedy special", List.of()));
    ITEMS.put("i5", ItemInfo.of("i5", "space cooking", List.of()));
    ITEMS.put("i6", ItemInfo.of("i6", "space comedy adventure", List.of()));
    HashingEmbedder h = new HashingEmbedder(4096);
    List<String> words =
        List.of("space", "comedy", "drama", "cooking", "show", "special", "adventure");
    for (int a = 0; a < words.size(); a++) {
      for (int b = a + 1; b < words.size(); b++) {
        assertNotEquals(h.bucket(words.get(a)), h.bucket(words.get(b)), words.get(a));
      }
    }
    model =
        new SemanticTrainer(new SemanticOptions("hash-4096", 1000, 4, "above-mean"))
            .fit(Fixtures.tiny(), new TrainingContext(3, ITEMS, ProgressListener.NONE, 1));
  }

  @Test
  void newCatalogueItemsAreAddedAfterTheTrainedOnes() {
    assertEquals(6, model.items().size());
    assertEquals("i6", model.items().id(5));
    assertEquals(4, model.users().size());
  }

  @Test
  void scoresAreCosinesWithTheMeanOfLikedItems() {
    // profile of u1 = (space + comedy + cooking + show) / 2 (signed unit buckets)
    float[] s = new float[6];
    model.score(0, s);
    assertEquals(1 / Math.sqrt(2), s[0], EPS, "i1 space comedy");
    assertEquals(0.5 / Math.sqrt(2), s[1], EPS, "i2 space drama");
    assertEquals(0.5 / Math.sqrt(2), s[3], EPS, "i4 comedy special");
    assertEquals(1 / Math.sqrt(2), s[4], EPS, "i5 space cooking");
    assertEquals(1 / Math.sqrt(3), s[5], EPS, "i6, a new item, from its text alone");
  }

  @Test
  void explanationsSplitTheScoreExactlyAndNameSharedTerms() {
    List<Reason> r = model.explain(0, 4, 4);
    assertEquals(4, r.size());
    assertEquals(Reason.ofItem(0, 0.5 / Math.sqrt(2)).item(), r.get(0).item());
    assertEquals(0.5 / Math.sqrt(2), r.get(0).contribution(), EPS);
    assertEquals(2, r.get(1).item());
    assertEquals(r.get(0).contribution() + r.get(1).contribution(), 1 / Math.sqrt(2), EPS);
    assertEquals("term:space", r.get(2).feature());
    assertEquals("term:cooking", r.get(3).feature());
    assertTrue(model.explain(0, 4, 0).isEmpty());
  }

  @Test
  void similarItemsAndFoldInFromPickedItemsOrASentence() {
    float[] s = new float[6];
    model.similarTo(0, s);
    assertEquals(1.0, s[0], EPS);
    assertEquals(2 / Math.sqrt(6), s[5], EPS, "space comedy vs space comedy adventure");
    model.scoreItems(new int[] {1}, new float[] {1f}, s);
    assertEquals(1.0, s[1], EPS, "a new user who picked i2");
    assertEquals(0.5, s[4], EPS);
    float[] q = new HashingEmbedder(4096).embed("I love cooking");
    model.scoreVector(q, s);
    assertEquals(1 / Math.sqrt(2) / Math.sqrt(2), s[2], EPS, "love and cooking vs cooking show");
  }

  @Test
  void saveAndLoadKeepVectorsTextsAndScores(@TempDir Path dir) {
    Path f = dir.resolve("m.seer");
    Interactions train = Fixtures.tiny();
    ModelFiles.save(f, model, train.byUser());
    SavedModel back = ModelFiles.load(f);
    Recommender m = back.model();
    assertTrue(m instanceof SemanticModel);
    SemanticModel sm = (SemanticModel) m;
    assertArrayEquals(model.itemVectors(), sm.itemVectors());
    assertEquals("space comedy adventure.", sm.text(5));
    float[] a = new float[6];
    float[] b = new float[6];
    for (int u = 0; u < 4; u++) {
      model.score(u, a);
      sm.score(u, b);
      assertArrayEquals(a, b);
    }
    assertEquals(model.card(), sm.card());
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e =
        assertThrows(InputException.class, () -> SemanticOptions.parse(Map.of("maxChars", "3")));
    assertTrue(e.getMessage().contains("maxChars") && e.getMessage().contains("3"));
    assertThrows(InputException.class, () -> SemanticOptions.parse(Map.of("liked", "most")));
    assertThrows(InputException.class, () -> SemanticOptions.parse(Map.of("k", "1")));
    assertThrows(InputException.class, () -> SemanticOptions.parse(Map.of("batchSize", "x")));
  }

  @Test
  void shapleyValuesOfLikedItemsAccountForTheProfileNormAndAddUpToTheScore() {
    int u = model.users().index("u1");
    int i6 = model.items().index("i6");
    // u1 likes i1 (space comedy) and i3 (cooking show) with equal weights; i6 = space comedy
    // adventure. v({i1}) = cos(i1, i6) = 2/sqrt(6), v({i3}) = 0, v({i1, i3}) = 2/(2 sqrt 3)
    double v1 = 2 / Math.sqrt(6);
    double both = 1 / Math.sqrt(3);
    double phi1 = 0.5 * (v1 + both);
    double phi3 = 0.5 * (both - v1);
    float[] scores = new float[model.items().size()];
    model.score(u, scores);
    assertEquals(both, scores[i6], EPS);
    List<Reason> r = model.shapley(u, i6, 4000, 11);
    assertEquals(2, r.size());
    assertEquals("i1", model.items().id(r.get(0).item()));
    // two orders, each sampled about 2000 times: standard error 0.24 * 0.5 / sqrt(4000) < 0.002
    assertEquals(phi1, r.get(0).contribution(), 0.01);
    assertEquals(phi3, r.get(1).contribution(), 0.01);
    assertTrue(r.get(1).contribution() < 0, "i3 pulls the profile away from i6");
    assertEquals(scores[i6], r.get(0).contribution() + r.get(1).contribution(), EPS, "efficiency");
  }
}
