package dev.seer.text.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.text.Vectors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEncodersTest {
  private static final double EPS = 1e-5;

  /** Just enough protobuf to write an ONNX model by hand. */
  static final class Proto {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    Proto num(int field, long v) {
      varint((long) field << 3);
      varint(v);
      return this;
    }

    Proto bytes(int field, byte[] b) {
      varint(((long) field << 3) | 2);
      varint(b.length);
      out.write(b, 0, b.length);
      return this;
    }

    Proto str(int field, String s) {
      return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Proto msg(int field, Proto p) {
      return bytes(field, p.out.toByteArray());
    }
  }

  /** ValueInfoProto of a float tensor with a fixed shape. */
  private static Proto tensorInfo(String name, long... dims) {
    Proto shape = new Proto();
    for (long d : dims) {
      shape.msg(1, new Proto().num(1, d));
    }
    Proto tensor = new Proto().num(1, 1).msg(2, shape);
    return new Proto().str(1, name).msg(2, new Proto().msg(1, tensor));
  }

  /**
   * A two-node model: GlobalAveragePool of a [1, 3, 4, 4] image, then Mul by the weights (1, 2, 3)
   * per channel; output [1, 3, 1, 1].
   */
  static byte[] model() {
    ByteBuffer w = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    w.putFloat(1f).putFloat(2f).putFloat(3f);
    Proto weights =
        new Proto()
            .num(1, 1)
            .num(1, 3)
            .num(1, 1)
            .num(1, 1)
            .num(2, 1)
            .str(8, "w")
            .bytes(9, w.array());
    Proto graph =
        new Proto()
            .msg(
                1,
                new Proto()
                    .str(1, "pixels")
                    .str(2, "pooled")
                    .str(3, "pool")
                    .str(4, "GlobalAveragePool"))
            .msg(
                1,
                new Proto()
                    .str(1, "pooled")
                    .str(1, "w")
                    .str(2, "vector")
                    .str(3, "scale")
                    .str(4, "Mul"))
            .str(2, "tiny-image-tower")
            .msg(5, weights)
            .msg(11, tensorInfo("pixels", 1, 3, 4, 4))
            .msg(12, tensorInfo("vector", 1, 3, 1, 1));
    Proto m =
        new Proto().num(1, 8).str(2, "seer-test").msg(7, graph).msg(8, new Proto().num(2, 13));
    return m.out.toByteArray();
  }

  private static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }

  @Test
  void anOnnxModelWrittenByTheTestEncodesImages(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tower.onnx");
    Files.write(f, model());
    try (OnnxImageEncoder e =
        new OnnxImageEncoder(f, 4, new float[] {0, 0, 0}, new float[] {1, 1, 1})) {
      assertEquals(3, e.dimension());
      // rgb(51, 102, 204) = (0.2, 0.4, 0.8); times (1, 2, 3) = (0.2, 0.8, 2.4), then unit length
      float[] v = e.encode(solid(4, 4, (51 << 16) | (102 << 8) | 204));
      double n = Math.sqrt(0.04 + 0.64 + 5.76);
      assertArrayEquals(
          new float[] {(float) (0.2 / n), (float) (0.8 / n), (float) (2.4 / n)}, v, 1e-5f);
      // a larger image is scaled to 4 x 4 first; a solid colour stays the same
      assertArrayEquals(v, e.encode(solid(9, 7, (51 << 16) | (102 << 8) | 204)), 1e-5f);
    }
  }

  @Test
  void badModelFilesAreOneClearMessage(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.onnx");
    Files.writeString(junk, "not a model");
    InputException e =
        assertThrows(
            InputException.class,
            () -> new OnnxImageEncoder(junk, 4, new float[3], new float[] {1, 1, 1}));
    assertTrue(e.getMessage().contains("junk.onnx"), e.getMessage());
    assertThrows(
        InputException.class,
        () -> new OnnxImageEncoder(dir.resolve("missing.onnx"), 4, new float[3], new float[3]));
  }

  @Test
  void colourHistogramAndTextureByHand() {
    ColourTextureDescriptor d = new ColourTextureDescriptor();
    float[] red = d.encode(solid(10, 10, 0xFF0000));
    assertEquals(ColourTextureDescriptor.DIMENSION, red.length);
    assertEquals(1.0, red[15], EPS, "hue bin 0, saturation bin 3, value bin 3");
    assertEquals(1.0, Vectors.dot(red, red), EPS);
    // vertical stripes two pixels wide: every gradient is horizontal, orientation bin 0
    BufferedImage stripes = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++) {
        stripes.setRGB(x, y, (x / 2) % 2 == 0 ? 0 : 0xFFFFFF);
      }
    }
    float[] s = d.encode(stripes);
    assertTrue(s[128] > 0);
    for (int k = 129; k < 136; k++) {
      assertEquals(0.0, s[k], EPS, "orientation bin " + (k - 128));
    }
  }

  @Test
  void multimodalVectorsMixCosinesExactly() {
    float[] t1 = {1, 0};
    float[] t2 = {0.6f, 0.8f};
    float[] i1 = {0, 1, 0};
    float[] i2 = {0, 0, 1};
    float[] a = Multimodal.combine(t1, i1, 0.25);
    float[] b = Multimodal.combine(t2, i2, 0.25);
    assertEquals(1.0, Vectors.dot(a, a), EPS);
    assertEquals(0.75 * 0.6 + 0.25 * 0, Vectors.dot(a, b), EPS);
    assertThrows(IllegalArgumentException.class, () -> Multimodal.combine(t1, i1, 1.5));
  }
}
