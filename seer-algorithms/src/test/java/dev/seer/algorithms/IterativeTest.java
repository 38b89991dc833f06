package dev.seer.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.Interactions;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The epoch listener sees every epoch, a listener that goes on changes nothing, and stopping after
 * two epochs gives the model (card included) of training two epochs.
 */
class IterativeTest {
  private static float[][] scores(Recommender m) {
    float[][] s = new float[m.users().size()][m.items().size()];
    for (int u = 0; u < s.length; u++) {
      m.score(u, s[u]);
    }
    return s;
  }

  @ParameterizedTest
  @CsvSource({
    "bpr, factors=4;epochs=5, epochs",
    "als, factors=4;iterations=5, iterations",
    "biased-mf, factors=4;epochs=5, epochs"
  })
  void listenerSeesEpochsAndStopsEarly(String algorithm, String options, String key) {
    Interactions d = Fixtures.random(30, 20, 5, 3);
    String opts = options.replace(';', ',');
    Iterative t = (Iterative) Algorithms.create(algorithm, opts);
    assertEquals(key, t.epochOption());
    List<Integer> seen = new ArrayList<>();
    Recommender all =
        t.fit(
            d,
            TrainingContext.ofSeed(4),
            (e, m) -> {
              seen.add(e);
              assertEquals(d.numItems(), m.items().size());
              return true;
            });
    assertEquals(List.of(1, 2, 3, 4, 5), seen);
    Recommender plain = Algorithms.create(algorithm, opts).fit(d, TrainingContext.ofSeed(4));
    assertEquals(plain.card().options(), all.card().options());
    float[][] a = scores(all);
    float[][] b = scores(plain);
    for (int u = 0; u < a.length; u++) {
      assertArrayEquals(b[u], a[u], "user " + u);
    }
    Recommender stopped = t.fit(d, TrainingContext.ofSeed(4), (e, m) -> e < 2);
    Recommender two =
        Algorithms.create(algorithm, opts.replace(key + "=5", key + "=2"))
            .fit(d, TrainingContext.ofSeed(4));
    assertEquals("2", stopped.card().options().get(key));
    assertEquals(two.card().options(), stopped.card().options());
    a = scores(stopped);
    b = scores(two);
    for (int u = 0; u < a.length; u++) {
      assertArrayEquals(b[u], a[u], "user " + u);
    }
  }
}
