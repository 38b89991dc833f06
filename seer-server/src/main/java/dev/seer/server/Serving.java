package dev.seer.server;

import dev.seer.algorithms.ann.HnswIndex;
import dev.seer.algorithms.ann.HnswOptions;
import dev.seer.algorithms.ann.Metric;
import dev.seer.api.LatentFactors;
import dev.seer.api.ModelFiles;
import dev.seer.api.SavedModel;
import dev.seer.store.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loaded model version, immutable; the server swaps whole instances, so a request sees either the
 * old model or the new one, never a mix.
 *
 * @param version the stored version
 * @param saved the model with the interactions it was trained on
 * @param ann an approximate nearest-neighbour index over the item vectors, or {@code null} (small
 *     catalogues and models that are not dot-product factor models are scored exactly)
 */
record Serving(ModelVersion version, SavedModel saved, HnswIndex ann) {
  /**
   * Catalogues at least this large get an approximate nearest-neighbour index when the model is a
   * dot-product factor model (system property {@code seer.ann.minItems}, default 50,000).
   */
  static int annMinItems() {
    return Integer.getInteger("seer.ann.minItems", 50_000);
  }

  /**
   * The candidate list size of an approximate search (system property {@code seer.ann.ef}, default
   * 100; at least twice the number of items asked for). Larger is more exact and slower.
   */
  static int annEf() {
    return Integer.getInteger("seer.ann.ef", 100);
  }

  static Serving load(ModelVersion version, byte[] bytes) {
    try {
      Path tmp = Files.createTempFile("seer-model", ".seer");
      try {
        Files.write(tmp, bytes);
        SavedModel saved = ModelFiles.load(tmp);
        return new Serving(version, saved, index(saved));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage model version " + version.version(), e);
    }
  }

  /** Builds an inner-product HNSW index over the item vectors of a large factor model. */
  private static HnswIndex index(SavedModel saved) {
    if (!(saved.model() instanceof LatentFactors f)
        || saved.model().items().size() < annMinItems()) {
      return null;
    }
    int n = saved.model().items().size();
    int k = f.factors();
    float[] vectors = new float[n * k];
    float[] v = new float[k];
    for (int i = 0; i < n; i++) {
      f.itemVector(i, v);
      System.arraycopy(v, 0, vectors, i * k, k);
    }
    return HnswIndex.buildParallel(
        vectors,
        k,
        Metric.INNER_PRODUCT,
        HnswOptions.defaults(42),
        Runtime.getRuntime().availableProcessors(),
        null);
  }
}
