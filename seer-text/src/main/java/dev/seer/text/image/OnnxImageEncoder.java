package dev.seer.text.image;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.seer.api.InputException;
import dev.seer.text.Vectors;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An image encoder that runs an ONNX model file the user supplies (for example the image tower of
 * CLIP exported to ONNX) with ONNX Runtime. The model takes one float tensor {@code [1, 3, size,
 * size]} (RGB, channels first; each channel {@code (x / 255 - mean) / std}) and its first output,
 * flattened and L2-normalised, is the vector. Thread-safe (ONNX Runtime sessions are).
 */
public final class OnnxImageEncoder implements ImageEncoder, AutoCloseable {
  private final Path file;
  private final int size;
  private final float[] mean;
  private final float[] std;
  private final OrtSession session;
  private final String input;
  private final int dimension;

  /**
   * Loads a model.
   *
   * @param file the {@code .onnx} file
   * @param size the input side in pixels (224 for CLIP ViT-B)
   * @param mean the per-channel mean (CLIP: 0.4815, 0.4578, 0.4082)
   * @param std the per-channel standard deviation (CLIP: 0.2686, 0.2613, 0.2758)
   * @throws InputException if the file is missing or is not a model with one image input
   */
  public OnnxImageEncoder(Path file, int size, float[] mean, float[] std) {
    if (size < 1 || size > 4096) {
      throw new InputException("The image size must be 1 to 4096 pixels, got " + size + ".");
    }
    if (mean.length != 3 || std.length != 3) {
      throw new InputException("Give three channel means and three standard deviations.");
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException("The ONNX model file " + file + " does not exist.");
    }
    this.file = file;
    this.size = size;
    this.mean = mean.clone();
    this.std = std.clone();
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      this.session = env.createSession(file.toAbsolutePath().toString());
      Map<String, NodeInfo> in = session.getInputInfo();
      if (in.size() != 1) {
        throw new InputException(
            file + " has " + in.size() + " inputs; an image encoder needs exactly one.");
      }
      this.input = in.keySet().iterator().next();
      NodeInfo out = session.getOutputInfo().values().iterator().next();
      long d = 1;
      if (out.getInfo() instanceof TensorInfo t) {
        for (long s : t.getShape()) {
          d *= s > 0 ? s : 1;
        }
      }
      this.dimension = (int) d;
    } catch (OrtException e) {
      throw new InputException(
          "Cannot load the ONNX model " + file + ": " + e.getMessage() + "; check the file.", e);
    }
  }

  @Override
  public String modelId() {
    return "onnx:" + file.getFileName();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] encode(BufferedImage image) {
    BufferedImage img = Images.scale(image, size, size);
    int plane = size * size;
    float[] x = new float[3 * plane];
    for (int y = 0; y < size; y++) {
      for (int c = 0; c < size; c++) {
        int rgb = img.getRGB(c, y);
        int p = y * size + c;
        x[p] = (((rgb >> 16) & 0xff) / 255f - mean[0]) / std[0];
        x[plane + p] = (((rgb >> 8) & 0xff) / 255f - mean[1]) / std[1];
        x[2 * plane + p] = ((rgb & 0xff) / 255f - mean[2]) / std[2];
      }
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor t =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, size, size});
        OrtSession.Result r = session.run(Map.of(input, t))) {
      OnnxValue v = r.get(0);
      if (!(v instanceof OnnxTensor out)) {
        throw new InputException(file + " does not output a tensor; it cannot encode images.");
      }
      FloatBuffer fb = out.getFloatBuffer();
      if (fb == null) {
        throw new InputException(file + " does not output float values.");
      }
      float[] vec = new float[fb.remaining()];
      fb.get(vec);
      return Vectors.normalise(vec);
    } catch (OrtException e) {
      throw new InputException(
          "The ONNX model " + file + " failed on an image: " + e.getMessage() + ".", e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session", e);
    }
  }
}
