package dev.seer.text.image;

import java.awt.image.BufferedImage;

/** Turns an image into a unit-length vector. Implementations are thread-safe. */
public interface ImageEncoder {
  /**
   * Returns the encoder's identity (for caches and model cards).
   *
   * @return the id
   */
  String modelId();

  /**
   * Returns the vector length.
   *
   * @return the dimension
   */
  int dimension();

  /**
   * Encodes an image.
   *
   * @param image the image
   * @return its unit-length vector (zero when the image gives no signal)
   */
  float[] encode(BufferedImage image);
}
