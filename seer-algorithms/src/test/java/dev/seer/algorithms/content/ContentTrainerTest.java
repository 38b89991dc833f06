package dev.seer.algorithms.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.optim.OptimizerKind;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Reason;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract (with synthetic metadata for the contract's items), one gradient step computed by
 * hand, optimality of the converged vector, recommendation of items nobody has interacted with,
 * explanations that add up to the score, and the sampled softmax.
 */
class ContentTrainerTest extends TrainerContract {
  private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Sci-Fi"};
  private static final String[] WORDS = {"star", "night", "love", "war", "city", "ghost"};

  @Override
  protected Trainer<?> trainer() {
    return new ContentTrainer(ContentOptions.defaults().withTraining(30, OptimizerKind.ADAM, 0.1));
  }

  /** Items i0..i29 of the contract's data: one or two genres and a two-word title each. */
  static Map<String, ItemInfo> metadata(int items) {
    Map<String, ItemInfo> m = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      List<String> g =
          i % 3 == 0 ? List.of(GENRES[i % 5]) : List.of(GENRES[i % 5], GENRES[(i / 5) % 5]);
      String title = "The " + WORDS[i % 6] + " of " + WORDS[(i / 6) % 6] + " (" + (1990 + i) + ")";
      m.put("i" + i, ItemInfo.of("i" + i, title, g));
    }
    return m;
  }

  @Override
  protected TrainingContext context(long seed) {
    return new TrainingContext(seed, metadata(30), ProgressListener.NONE, 2);
  }

  private static ContentModel fit(ContentOptions o, Interactions d, Map<String, ItemInfo> info) {
    return new ContentTrainer(o).fit(d, new TrainingContext(9, info, ProgressListener.NONE, 1));
  }

  /** Items a {A}, b {A, B}, c {B}, d {C}, e {C} (no interactions); user u has a and b. */
  private static Interactions small() {
    IdIndex.Builder ub = new IdIndex.Builder();
    IdIndex.Builder ib = new IdIndex.Builder();
    ub.add("u");
    ub.add("w");
    for (String s : List.of("a", "b", "c", "d", "e")) {
      ib.add(s);
    }
    return new Interactions.Builder(ub, ib).add("u", "a").add("u", "b").add("w", "d").build();
  }

  private static Map<String, ItemInfo> smallInfo() {
    Map<String, ItemInfo> m = new LinkedHashMap<>();
    m.put("a", ItemInfo.of("a", "", List.of("A")));
    m.put("b", ItemInfo.of("b", "", List.of("A", "B")));
    m.put("c", ItemInfo.of("c", "", List.of("B")));
    m.put("d", ItemInfo.of("d", "", List.of("C")));
    m.put("e", ItemInfo.of("e", "", List.of("C")));
    return m;
  }

  private static ContentOptions oneStep(double lr) {
    return ContentOptions.defaults()
        .withTraining(1, OptimizerKind.SGD, lr)
        .withFeatures(0, 1, false)
        .withRegularization(0);
  }

  @Test
  void oneGradientStepMatchesTheHandComputation() {
    // theta = 0, so the softmax is uniform over the 5 items: E[phi] = (A 2/5, B 2/5, C 2/5).
    // The mean of u's items is (A 1, B 1/2, C 0), so the gradient is (-3/5, -1/10, 2/5) and one
    // step with lr 0.5 gives theta = (0.3, 0.05, -0.2).
    ContentModel m = fit(oneStep(0.5), small(), smallInfo());
    assertEquals(List.of("category:A", "category:B", "category:C"), m.features().names());
    assertEquals(0.3, m.preference(0, 0), 1e-6);
    assertEquals(0.05, m.preference(0, 1), 1e-6);
    assertEquals(-0.2, m.preference(0, 2), 1e-6);
    float[] s = new float[5];
    m.score(0, s);
    assertArrayEquals(new float[] {0.3f, 0.35f, 0.05f, -0.2f, -0.2f}, s, 1e-6f);
  }

  @Test
  void theConvergedVectorMinimisesTheRegularisedLoss() {
    ContentOptions o =
        ContentOptions.defaults()
            .withTraining(3000, OptimizerKind.ADAM, 0.05)
            .withFeatures(0, 1, false)
            .withRegularization(0.1);
    ContentModel m = fit(o, small(), smallInfo());
    PreferenceFit fit = new PreferenceFit(m.features().matrix(), o);
    int[] pos = {0, 1};
    float[] theta = {m.preference(0, 0), m.preference(0, 1), m.preference(0, 2)};
    double best = fit.loss(pos, theta);
    // The loss is strictly convex; moving any coordinate by 0.01 either way must not lower it.
    for (int f = 0; f < 3; f++) {
      for (float delta : new float[] {-0.01f, 0.01f}) {
        float[] t = theta.clone();
        t[f] += delta;
        assertTrue(fit.loss(pos, t) >= best - 1e-9, "feature " + f + " moved by " + delta);
      }
    }
    // Stationarity: E_softmax[phi] - mean(phi of u's items) + lambda theta = 0.
    double[] s = new double[5];
    double z = 0;
    float[] sc = new float[5];
    m.score(0, sc);
    for (int v = 0; v < 5; v++) {
      s[v] = Math.exp(sc[v]);
      z += s[v];
    }
    double gA = (s[0] + s[1]) / z - 1 + 0.1 * theta[0];
    double gB = (s[1] + s[2]) / z - 0.5 + 0.1 * theta[1];
    double gC = (s[3] + s[4]) / z - 0 + 0.1 * theta[2];
    assertEquals(0, gA, 1e-4);
    assertEquals(0, gB, 1e-4);
    assertEquals(0, gC, 1e-4);
  }

  @Test
  void itemsWithoutInteractionsAreRecommendedByTheirFeatures() {
    // w has only d {C}; e {C} has no interactions and must be w's best unseen item.
    ContentModel m = fit(ContentOptions.defaults().withFeatures(0, 1, false), small(), smallInfo());
    int w = 1;
    int[] top = Ranker.recommend(m, w, 1, small().byUser(), null).items();
    assertArrayEquals(new int[] {4}, top);
  }

  @Test
  void explanationsArePerFeatureTermsThatAddUpToTheScore() {
    Interactions d = Fixtures.random(40, 30, 6, 20240607L);
    ContentModel m = fit(ContentOptions.defaults(), d, metadata(30));
    float[] s = new float[30];
    for (int u = 0; u < 40; u += 5) {
      m.score(u, s);
      for (int i = 0; i < 30; i++) {
        List<Reason> r = m.explain(u, i, 100);
        double sum = 0;
        for (Reason x : r) {
          assertEquals("feature", x.kind());
          assertEquals(-1, x.item());
          assertTrue(m.features().names().contains(x.feature()), x.feature());
          sum += x.contribution();
        }
        assertEquals(s[i], sum, 1e-5, "user " + u + ", item " + i);
        for (int k = 1; k < r.size(); k++) {
          assertTrue(r.get(k - 1).contribution() >= r.get(k).contribution(), "largest first");
        }
      }
    }
    List<Reason> r = m.explain(0, 3, 1);
    assertEquals(1, r.size());
  }

  @Test
  void sampledSoftmaxIsDeterministicAndLearnsThePreference() {
    ContentOptions o = ContentOptions.defaults().withFeatures(0, 1, false).withSoftmax(2, 3);
    ContentModel a = fit(o, small(), smallInfo());
    ContentModel b = fit(o.withThreads(3), small(), smallInfo());
    for (int f = 0; f < 3; f++) {
      assertEquals(a.preference(0, f), b.preference(0, f), 0f);
    }
    assertArrayEquals(new int[] {4}, Ranker.recommend(a, 1, 1, small().byUser(), null).items());
    float[] x = new float[5];
    float[] y = new float[5];
    a.scoreItems(new int[] {3}, null, x);
    a.scoreItems(new int[] {3, 3}, new float[] {1, 2}, y);
    assertArrayEquals(x, y, 0f);
    assertTrue(x[4] > x[0] && x[4] > x[2], "fold-in of {d} prefers e");
  }

  @Test
  void sampledSoftmaxHandlesUsersWithManyItems() {
    // 20 items per user, 5 sampled negatives per step, catalogue above the full-softmax limit.
    Interactions d = Fixtures.random(30, 40, 20, 8);
    ContentOptions o = ContentOptions.defaults().withSoftmax(10, 5);
    ContentModel a = fit(o.withThreads(1), d, metadata(40));
    ContentModel b = fit(o.withThreads(2), d, metadata(40));
    assertArrayEquals(a.preferences(), b.preferences(), 0f);
    float[] s = new float[40];
    a.scoreItems(d.byUser().row(0), null, s);
    for (float x : s) {
      assertTrue(Float.isFinite(x));
    }
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Interactions d = Fixtures.random(100, 60, 8, 3);
    ContentOptions o = ContentOptions.defaults().withTraining(20, OptimizerKind.ADAM, 0.1);
    ContentModel one = fit(o.withThreads(1), d, metadata(60));
    ContentModel three = fit(o.withThreads(3), d, metadata(60));
    assertArrayEquals(one.preferences(), three.preferences(), 0f);
  }

  @Test
  void usersWithoutRowsGetTheMeanVectorAndSoDoesAnEmptyFoldIn() {
    Interactions d = Fixtures.withColdUser(small());
    ContentModel m = fit(ContentOptions.defaults().withFeatures(0, 1, false), d, smallInfo());
    float[] cold = new float[5];
    m.score(2, cold);
    float[] empty = new float[5];
    m.scoreItems(new int[0], null, empty);
    assertArrayEquals(cold, empty, 0f);
    for (int f = 0; f < 3; f++) {
      assertEquals((m.preference(0, f) + m.preference(1, f)) / 2, m.preference(2, f), 1e-6);
    }
  }

  @Test
  void missingMetadataIsAClearError() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> new ContentTrainer().fit(small(), TrainingContext.ofSeed(1)));
    assertTrue(e.getMessage().contains("item metadata"), e.getMessage());
  }

  @Test
  void optionsParseAndBadValuesNameTheValue() {
    ContentTrainer t =
        (ContentTrainer) Algorithms.create("content", "maxWords=0,optimizer=sgd,epochs=7");
    assertEquals(0, t.options().maxWords());
    assertEquals(OptimizerKind.SGD, t.options().optimizer());
    assertEquals(7, t.options().epochs());
    assertEquals(
        ContentOptions.defaults(), ContentOptions.parse(ContentOptions.defaults().asMap()));
    InputException e =
        assertThrows(InputException.class, () -> ContentOptions.defaults().withRegularization(-1));
    assertTrue(e.getMessage().contains("regularization=-1.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("content", "maxWords=-5"));
    assertTrue(e.getMessage().contains("maxWords=-5"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("content", "optimizer=lbfgs"));
    assertTrue(e.getMessage().contains("optimizer=lbfgs"), e.getMessage());
  }
}
