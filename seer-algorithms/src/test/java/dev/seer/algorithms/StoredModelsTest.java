package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.Interactions;
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
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model files written by the first model format (container format 1, payload version 1 of every
 * algorithm) stay readable: each file under {@code models/v1/} was trained on {@link
 * Fixtures#tiny()} with seed 7, and loading it must give the same scores as retraining with the
 * options its card records. Keep these files when formats change; add new ones beside them. Scores
 * must be equal, except for EASE, whose native BLAS may round differently on another machine than
 * on the one that wrote the file.
 */
class StoredModelsTest {
  private static float tolerance(String algorithm) {
    return algorithm.equals("ease") || algorithm.equals("als") ? 1e-5f : 0f;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"random", "popularity", "item-knn", "bias-baseline", "als", "ease", "rp3beta"})
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
            .fit(tiny, new TrainingContext(card.seed(), Map.of(), ProgressListener.NONE, 1));
    for (int u = 0; u < tiny.numUsers(); u++) {
      float[] a = new float[tiny.numItems()];
      float[] b = new float[tiny.numItems()];
      loaded.score(u, a);
      retrained.score(u, b);
      assertArrayEquals(b, a, tolerance(algorithm), "user " + u);
    }
  }
}
