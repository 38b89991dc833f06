package dev.seer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged sentence model, loaded from its jar (no network). */
class MiniLmEmbedderTest {
  @Test
  void vectorsAreUnitLengthAndCloseForRelatedSentences() {
    MiniLmEmbedder m = MiniLmEmbedder.get();
    List<float[]> v =
        m.embed(
            List.of(
                "an astronaut travels through outer space",
                "a science fiction film about a voyage to the stars",
                "a cookbook of Italian pasta recipes",
                ""));
    assertEquals(4, v.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(384, v.get(k).length);
      assertEquals(1.0, Vectors.dot(v.get(k), v.get(k)), 1e-4, "unit length");
    }
    assertArrayEquals(new float[384], v.get(3), "blank text, zero vector");
    double related = Vectors.dot(v.get(0), v.get(1));
    double unrelated = Vectors.dot(v.get(0), v.get(2));
    assertTrue(related > unrelated + 0.1, related + " vs " + unrelated);
    // the same text gives the same vector, alone or in a batch
    assertArrayEquals(v.get(2), m.embed("a cookbook of Italian pasta recipes"), 1e-5f);
  }
}
