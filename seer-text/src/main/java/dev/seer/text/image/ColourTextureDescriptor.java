package dev.seer.text.image;

import dev.seer.text.Vectors;
import java.awt.image.BufferedImage;

/**
 * A model-free image descriptor: a joint HSV colour histogram (8 hue x 4 saturation x 4 value bins,
 * each pixel counted once, divided by the pixel count) followed by a texture histogram of gradient
 * orientations (8 bins over [0, pi), weighted by the gradient magnitude of the grey image from
 * central differences, divided by the pixel count), the whole vector L2-normalised. Images are
 * first scaled to at most 128 pixels on the long side. Dimension 136.
 */
public final class ColourTextureDescriptor implements ImageEncoder {
  /** The vector length: 128 colour bins and 8 orientation bins. */
  public static final int DIMENSION = 136;

  private static final int MAX_SIDE = 128;

  /** Creates the descriptor. */
  public ColourTextureDescriptor() {}

  @Override
  public String modelId() {
    return "colour-texture-v1";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] encode(BufferedImage image) {
    BufferedImage img = Images.fit(image, MAX_SIDE);
    int w = img.getWidth();
    int h = img.getHeight();
    float[] v = new float[DIMENSION];
    double[] grey = new double[w * h];
    float[] hsv = new float[3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        java.awt.Color.RGBtoHSB(r, g, b, hsv);
        int hb = Math.min(7, (int) (hsv[0] * 8));
        int sb = Math.min(3, (int) (hsv[1] * 4));
        int vb = Math.min(3, (int) (hsv[2] * 4));
        v[hb * 16 + sb * 4 + vb] += 1f / (w * h);
        grey[y * w + x] = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
      }
    }
    for (int y = 1; y + 1 < h; y++) {
      for (int x = 1; x + 1 < w; x++) {
        double gx = (grey[y * w + x + 1] - grey[y * w + x - 1]) / 2;
        double gy = (grey[(y + 1) * w + x] - grey[(y - 1) * w + x]) / 2;
        double mag = Math.sqrt(gx * gx + gy * gy);
        if (mag > 0) {
          double angle = Math.atan2(gy, gx);
          if (angle < 0) {
            angle += Math.PI;
          }
          if (angle >= Math.PI) {
            angle -= Math.PI;
          }
          int bin = Math.min(7, (int) (angle / Math.PI * 8));
          v[128 + bin] += (float) (mag / (w * h));
        }
      }
    }
    return Vectors.normalise(v);
  }
}
