package dev.seer.text;

import java.util.List;

/**
 * Turns texts into dense vectors of unit length, so that the dot product of two vectors is their
 * cosine similarity. Implementations are thread-safe.
 */
public interface TextEmbedder {
  /**
   * Returns the model identity that goes into the cache key, for example {@code
   * all-minilm-l6-v2-q}; two embedders with the same id give the same vector for the same text.
   *
   * @return the model id
   */
  String modelId();

  /**
   * Returns the vector length.
   *
   * @return the dimension
   */
  int dimension();

  /**
   * Embeds texts.
   *
   * @param texts the texts (a blank text gets the zero vector)
   * @return one unit-length vector (or zero vector) per text, in order
   */
  List<float[]> embed(List<String> texts);

  /**
   * Embeds one text.
   *
   * @param text the text
   * @return its vector
   */
  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }
}
