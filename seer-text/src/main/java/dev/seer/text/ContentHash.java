package dev.seer.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The cache key of an embedding: SHA-256 of the model id, a zero byte and the text, in hex. */
public final class ContentHash {
  private ContentHash() {}

  /**
   * Returns the key.
   *
   * @param modelId the embedder's model id
   * @param text the text
   * @return 64 lower-case hex digits
   */
  public static String of(String modelId, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(modelId.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
