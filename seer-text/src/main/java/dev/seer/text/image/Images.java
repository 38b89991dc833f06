package dev.seer.text.image;

import dev.seer.api.InputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading and resizing images. */
public final class Images {
  private Images() {}

  /**
   * Reads an image file (PNG, JPEG, GIF, BMP).
   *
   * @param file the file
   * @return the image
   * @throws InputException if the file is missing or not an image
   */
  public static BufferedImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("The image file " + file + " does not exist.");
    }
    try {
      BufferedImage img = ImageIO.read(file.toFile());
      if (img == null) {
        throw new InputException(
            file + " is not an image this Java can read; give a PNG, JPEG, GIF or BMP file.");
      }
      return img;
    } catch (IOException e) {
      throw new InputException("Cannot read the image " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Scales an image (bilinear) to exactly {@code width x height} RGB pixels.
   *
   * @param image the image
   * @param width the width
   * @param height the height
   * @return the scaled image
   */
  public static BufferedImage scale(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * Scales an image down so that its long side is at most {@code maxSide}; smaller images are
   * returned as they are.
   *
   * @param image the image
   * @param maxSide the longest side
   * @return the image
   */
  static BufferedImage fit(BufferedImage image, int maxSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w <= maxSide && h <= maxSide) {
      return image;
    }
    double f = (double) maxSide / Math.max(w, h);
    return scale(image, Math.max(1, (int) Math.round(w * f)), Math.max(1, (int) Math.round(h * f)));
  }
}
