package dev.seer.text;

import dev.seer.api.InputException;

/** Creates embedders by name, for options such as {@code embedder=minilm}. */
public final class Embedders {
  /** The name of the packaged sentence model. */
  public static final String MINILM = "minilm";

  private Embedders() {}

  /**
   * Creates an embedder.
   *
   * @param name {@code minilm} (the packaged all-MiniLM-L6-v2 model) or {@code hash-<dimension>}
   *     (model-free term hashing, see {@link HashingEmbedder})
   * @return the embedder
   * @throws InputException if the name is unknown
   */
  public static TextEmbedder create(String name) {
    if (MINILM.equals(name) || MiniLmEmbedder.ID.equals(name)) {
      return MiniLmEmbedder.get();
    }
    if (name != null && name.startsWith("hash-")) {
      try {
        return new HashingEmbedder(Integer.parseInt(name.substring(5)));
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw new InputException(
        "Unknown embedder '"
            + name
            + "'; use minilm (the packaged sentence model) or hash-<dimension>, e.g. hash-256.");
  }
}
