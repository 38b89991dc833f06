package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import org.junit.jupiter.api.Test;

class UserItemsTest {
  @Test
  void sortsAndMergesRepeatedItems() {
    UserItems u = UserItems.of(new int[] {4, 1, 4, 0}, new float[] {1, 2, 3, 4}, 5);
    assertArrayEquals(new int[] {0, 1, 4}, u.items());
    assertArrayEquals(new float[] {4, 2, 4}, u.values(), 0f);
    UserItems ones = UserItems.of(new int[] {2, 2}, null, 3);
    assertArrayEquals(new int[] {2}, ones.items());
    assertArrayEquals(new float[] {2}, ones.values(), 0f);
  }

  @Test
  void badInputIsOneClearSentence() {
    InputException e =
        assertThrows(InputException.class, () -> UserItems.of(new int[] {5}, null, 5));
    assertTrue(e.getMessage().contains("index 5"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> UserItems.of(new int[] {1}, new float[] {1, 2}, 5));
    assertTrue(e.getMessage().contains("one value per item"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> UserItems.of(new int[] {1}, new float[] {Float.NaN}, 5));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertThrows(InputException.class, () -> UserItems.of(null, null, 5));
  }
}
