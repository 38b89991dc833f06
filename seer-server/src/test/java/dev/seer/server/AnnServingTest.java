package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A factor model over a catalogue at least {@code seer.ann.minItems} large is served through the
 * HNSW index; its answers agree with exact scoring.
 */
class AnnServingTest extends SqliteApiTest {
  @BeforeAll
  static void lowThreshold() {
    System.setProperty("seer.ann.minItems", "1");
  }

  @AfterAll
  static void restore() {
    System.clearProperty("seer.ann.minItems");
  }

  @Test
  void alsIsServedThroughTheIndexAndAgreesWithExactScoring() throws Exception {
    SplittableRandom rnd = new SplittableRandom(3);
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 200; u++) {
      for (int k = 0; k < 15; k++) {
        int item = (u % 5) * 8 + rnd.nextInt(8);
        events.add(
            "{\"id\":\"ann-"
                + u
                + "-"
                + k
                + "\",\"user\":\"a"
                + u
                + "\",\"item\":\"i"
                + item
                + "\",\"type\":\"click\"}");
      }
    }
    assertEquals(
        200,
        call(
                "POST",
                "/v1/apps/shop/events",
                admin,
                "{\"events\":[" + String.join(",", events) + "]}")
            .status());
    trainAndWait("als");
    Reply approx = call("GET", "/v1/apps/shop/recommendations?user=a7&n=5", admin, null);
    assertEquals(200, approx.status(), String.valueOf(approx.body()));
    assertTrue(
        approx.body().get("basis").asText().contains("approximate index"),
        approx.body().toString());
    // the category filter takes the exact path: compare the sets on the same model
    Reply exact =
        call("GET", "/v1/apps/shop/recommendations?user=a7&n=5&diversity=0.0000001", admin, null);
    Set<String> a = new HashSet<>();
    Set<String> b = new HashSet<>();
    for (JsonNode it : approx.body().get("items")) {
      a.add(it.get("id").asText());
    }
    for (JsonNode it : exact.body().get("items")) {
      b.add(it.get("id").asText());
    }
    a.retainAll(b);
    assertTrue(a.size() >= 4, "approximate and exact top-5 share only " + a.size());
    Reply anon =
        call("POST", "/v1/apps/shop/recommendations?n=3", admin, "{\"items\":[\"i1\",\"i2\"]}");
    assertTrue(
        anon.body().get("basis").asText().contains("approximate index"), anon.body().toString());
    assertEquals(3, anon.body().get("items").size());
  }
}
