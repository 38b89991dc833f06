package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model files written by the first model format (container format 1, payload version 1 of every
 * algorithm) stay readable: each file under {@code models/v1/} was trained on {@link
 * Fixtures#tiny()} with seed 7 (and, for content, the item metadata of {@link #tinyItems()}), and
 * loading it must give the same scores as retraining with the options its card records. Keep these
 * files when formats change; add new ones beside them. Scores must be equal, except for EASE and
 * ALS, whose native BLAS may round differently on another machine than on the one that wrote the
 * file.
 */
class StoredModelsTest {
  private static float tolerance(String algorithm) {
    return algorithm.equals("ease") || algorithm.equals("als") ? 1e-5f : 0f;
  }

  /**
   * Returns the item metadata the content model fixture was trained with.
   *
   * @return metadata of items i1..i5 of {@link Fixtures#tiny()}
   */
  static Map<String, ItemInfo> tinyItems() {
    return Map.of(
        "i1", ItemInfo.of("i1", "Night City", List.of("Comedy")),
        "i2", ItemInfo.of("i2", "Star Night", List.of("Comedy", "Drama")),
        "i3", ItemInfo.of("i3", "City of Stars", List.of("Drama")),
        "i4", ItemInfo.of("i4", "Ghost Night", List.of("Horror")),
        "i5", ItemInfo.of("i5", "Ghost Star", List.of("Drama", "Horror")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
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
        "ensemble"
      })
  void formatOneModelsLoadAndScoreAsRetrained(String algorithm) throws URISyntaxException {
    URL url =
        Objects.requireNonNull(
            getClass().getResource("/models/v1/" + algorithm + ".seer"), "fixture missing");
    SavedModel saved = ModelFiles.load(Path.of(url.toURI()));
    Recommender loaded = saved.model();
    ModelCard card = loaded.card();
    Interactions tiny = Fixtures.tiny();
    assertEquals(algorithm, card.algorithm());
    assertEquals(7, card.seed());
    assertEquals(tiny.fingerprint(), card.dataFingerprint());
    assertArrayEquals(tiny.byUser().indices(), saved.seen().indices());
    Recommender retrained =
        Algorithms.create(algorithm, card.options())
            .fit(tiny, new TrainingContext(card.seed(), tinyItems(), ProgressListener.NONE, 1));
    for (int u = 0; u < tiny.numUsers(); u++) {
      float[] a = new float[tiny.numItems()];
      float[] b = new float[tiny.numItems()];
      loaded.score(u, a);
      retrained.score(u, b);
      assertArrayEquals(b, a, tolerance(algorithm), "user " + u);
    }
  }
}
