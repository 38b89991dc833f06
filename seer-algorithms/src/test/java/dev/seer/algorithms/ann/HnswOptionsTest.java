package dev.seer.algorithms.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HnswOptionsTest {
  private static void rejects(String expected, Runnable r) {
    InputException e = assertThrows(InputException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void defaultsAreValid() {
    HnswOptions o = HnswOptions.defaults(7);
    assertEquals(new HnswOptions(16, 200, 100, 7), o);
  }

  @Test
  void badValuesAreRejectedWithTheValueNamed() {
    rejects("m=1 is not valid", () -> new HnswOptions(1, 200, 100, 0));
    rejects("m=513 is not valid", () -> new HnswOptions(513, 600, 100, 0));
    rejects(
        "efConstruction=8 is not valid; give a number from m (16)",
        () -> new HnswOptions(16, 8, 100, 0));
    rejects("efConstruction=100001", () -> new HnswOptions(16, 100_001, 100, 0));
    rejects("efSearch=0 is not valid", () -> new HnswOptions(16, 200, 0, 0));
    rejects("efSearch=-5", () -> HnswOptions.defaults(0).withEfSearch(-5));
  }

  @Test
  void parsesTextAndRoundTrips() {
    HnswOptions o = HnswOptions.parse(Map.of("m", "32", "efSearch", "250"), 9);
    assertEquals(new HnswOptions(32, 200, 250, 9), o);
    assertEquals(o, HnswOptions.parse(o.asMap(), 0));
    assertEquals(5, HnswOptions.parse(Map.of("seed", "5"), 9).seed());
  }

  @Test
  void badTextIsRejected() {
    rejects("m=abc", () -> HnswOptions.parse(Map.of("m", "abc"), 1));
    rejects("seed=x", () -> HnswOptions.parse(Map.of("seed", "x"), 1));
    rejects("Unknown option M", () -> HnswOptions.parse(Map.of("M", "8"), 1));
  }
}
