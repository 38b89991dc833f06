package dev.seer.text.image;

/**
 * One item vector from a text vector and an image vector: {@code [sqrt(1 - w) t, sqrt(w) i]} for
 * unit vectors {@code t} and {@code i} and image weight {@code w}. The result has unit length (when
 * both parts do) and the dot product of two such vectors is exactly {@code (1 - w) cos(t, t') + w
 * cos(i, i')}, so it drops into every dot-product scorer (the semantic model, search).
 */
public final class Multimodal {
  private Multimodal() {}

  /**
   * Combines the vectors.
   *
   * @param text the unit text vector
   * @param image the unit image vector (a zero vector for an item without an image)
   * @param imageWeight the image weight in [0, 1]
   * @return the combined vector, of length {@code text.length + image.length}
   */
  public static float[] combine(float[] text, float[] image, double imageWeight) {
    if (!(imageWeight >= 0 && imageWeight <= 1)) {
      throw new IllegalArgumentException("imageWeight must be in [0, 1], got " + imageWeight);
    }
    float a = (float) Math.sqrt(1 - imageWeight);
    float b = (float) Math.sqrt(imageWeight);
    float[] out = new float[text.length + image.length];
    for (int k = 0; k < text.length; k++) {
      out[k] = a * text[k];
    }
    for (int k = 0; k < image.length; k++) {
      out[text.length + k] = b * image[k];
    }
    return out;
  }
}
