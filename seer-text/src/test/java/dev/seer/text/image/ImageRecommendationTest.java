package dev.seer.text.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelFiles;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.SavedModel;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.text.HashingEmbedder;
import dev.seer.text.ItemVectors;
import dev.seer.text.SemanticModel;
import dev.seer.text.SemanticOptions;
import dev.seer.text.SemanticSearch;
import dev.seer.text.SemanticTrainer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image vectors in the semantic model: items whose texts share no word (every text cosine is 0 with
 * the hashing embedder's distinct buckets) are similar through their images alone.
 */
class ImageRecommendationTest {
  private static final double EPS = 1e-5;
  private static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta", "omega");

  private static Path png(Path dir, String name, Color a, Color b, boolean horizontal)
      throws Exception {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int k = 0; k < 32; k += 4) {
      g.setColor((k / 4) % 2 == 0 ? a : b);
      if (horizontal) {
        g.fillRect(0, k, 32, 4);
      } else {
        g.fillRect(k, 0, 4, 32);
      }
    }
    g.dispose();
    Path f = dir.resolve(name + ".png");
    ImageIO.write(img, "png", f.toFile());
    return f;
  }

  private static ItemInfo item(String id, String word, Path image) {
    return new ItemInfo(
        id, word, List.of(), "", image == null ? Map.of() : Map.of("image", image.toString()));
  }

  private static Map<String, ItemInfo> catalogue(Path dir) throws Exception {
    Path red = png(dir, "red", Color.RED, Color.WHITE, true);
    Path redToo = png(dir, "red-too", Color.RED, Color.WHITE, true);
    Path blue = png(dir, "blue", Color.BLUE, Color.BLACK, false);
    Map<String, ItemInfo> m = new LinkedHashMap<>();
    m.put("i1", item("i1", "alpha", red));
    m.put("i2", item("i2", "beta", blue));
    m.put("i3", item("i3", "gamma", null));
    m.put("i4", item("i4", "delta", null));
    m.put("i5", item("i5", "omega", redToo)); // same picture as i1, unrelated text
    return m;
  }

  private static SemanticModel train(Map<String, ItemInfo> items, double imageWeight) {
    SemanticOptions o = new SemanticOptions("hash-4096", 1000, 4, "all", imageWeight, "image", "");
    return new SemanticTrainer(o)
        .fit(Fixtures.tiny(), new TrainingContext(3, items, ProgressListener.NONE, 1));
  }

  @Test
  void anItemSimilarOnlyByItsImageIsFound(@TempDir Path dir) throws Exception {
    HashingEmbedder h = new HashingEmbedder(4096);
    for (int a = 0; a < WORDS.size(); a++) {
      for (int b = a + 1; b < WORDS.size(); b++) {
        assertNotEquals(h.bucket(WORDS.get(a)), h.bucket(WORDS.get(b)), WORDS.get(a));
      }
    }
    Map<String, ItemInfo> items = catalogue(dir);
    SemanticModel text = train(items, 0);
    float[] s = new float[5];
    text.similarTo(text.items().index("i1"), s);
    assertEquals(0, s[text.items().index("i5")], EPS, "the texts share nothing");

    double w = 0.4;
    SemanticModel m = train(items, w);
    int i1 = m.items().index("i1");
    int i5 = m.items().index("i5");
    assertEquals(4096 + ColourTextureDescriptor.DIMENSION, m.dimension());
    for (int i = 0; i < 5; i++) {
      float[] v = m.itemVector(i);
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertEquals(1, norm, EPS, "unit item vectors, with or without an image");
    }
    m.similarTo(i1, s);
    // identical pictures: (1 - w) * 0 + w * 1
    assertEquals(w, s[i5], EPS);
    Ranking top = Ranker.topN(s, 1, j -> j == i1);
    assertEquals("i5", m.items().id(top.items()[0]));
    assertTrue(s[m.items().index("i2")] < s[i5], "stripes of other colours and direction");
    assertEquals(0, s[m.items().index("i3")], EPS, "no image, no shared word");

    // profiles: an anonymous user who picked i1 gets i5 first
    float[] f = new float[5];
    m.scoreItems(new int[] {i1}, new float[] {1f}, f);
    assertEquals("i5", m.items().id(Ranker.topN(f, 1, j -> j == i1).items()[0]));

    // search by text still works on the multimodal vectors: the query is [t_q, 0]
    List<SemanticSearch.Hit> hits =
        SemanticSearch.search(ItemVectors.of(m), h, "omega", null, -1, 0, 2, null);
    assertEquals("i5", m.items().id(hits.get(0).item()));
    assertEquals(Math.sqrt(1 - w), hits.get(0).similarity(), EPS);

    // the image options travel in the model card and the vectors in the file
    Path file = dir.resolve("m.seer");
    ModelFiles.save(file, m, Fixtures.tiny().byUser());
    SavedModel saved = ModelFiles.load(file);
    SemanticModel back = (SemanticModel) saved.model();
    assertEquals(w, back.options().imageWeight(), 0);
    float[] s2 = new float[5];
    back.similarTo(i1, s2);
    assertEquals(s[i5], s2[i5], 0);
  }

  @Test
  void aMissingImageFileIsOneClearSentence(@TempDir Path dir) throws Exception {
    Map<String, ItemInfo> items = catalogue(dir);
    items.put("i3", item("i3", "gamma", dir.resolve("nope.png")));
    InputException e = assertThrows(InputException.class, () -> train(items, 0.5));
    assertTrue(
        e.getMessage().contains("'i3'") && e.getMessage().contains("nope.png"), e.getMessage());
    assertThrows(
        InputException.class, () -> new SemanticOptions("hash-16", 1000, 4, "all", 1.5, "", ""));
    assertEquals(0.25, SemanticOptions.parse(Map.of("imageWeight", "0.25")).imageWeight(), 0);
  }
}
