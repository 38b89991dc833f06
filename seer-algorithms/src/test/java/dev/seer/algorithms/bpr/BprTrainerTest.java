package dev.seer.algorithms.bpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.Randoms;
import dev.seer.algorithms.optim.OptimizerKind;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Reason;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract, one training step computed by hand, learning of a clear two-group structure with
 * each optimiser and sampler, fold-in, similar items and explanations.
 */
class BprTrainerTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new BprTrainer(BprOptions.defaults().withFactors(8).withEpochs(20));
  }

  /** BPR fold-in learns a new vector against sampled negatives; it only approximates p_u. */
  @Override
  protected boolean foldInMatchesScore() {
    return false;
  }

  /** The paper's plain SGD, which learns these tiny problems in few passes. */
  private static BprOptions sgd() {
    return BprOptions.defaults().withOptimizer(OptimizerKind.SGD, 0.05);
  }

  private static BprModel fit(BprOptions o, Interactions d, long seed) {
    return new BprTrainer(o).fit(d, new TrainingContext(seed, Map.of(), ProgressListener.NONE, 1));
  }

  /**
   * 24 users and 24 items in two groups: users 0..11 have 6 of items 0..11, users 12..23 have 6 of
   * items 12..23 (seeded), nothing across groups.
   */
  static Interactions groups() {
    IdIndex.Builder ub = new IdIndex.Builder();
    IdIndex.Builder ib = new IdIndex.Builder();
    for (int k = 0; k < 24; k++) {
      ub.add("u" + k);
      ib.add("i" + k);
    }
    Interactions.Builder b = new Interactions.Builder(ub, ib);
    SplittableRandom rnd = new SplittableRandom(77);
    for (int u = 0; u < 24; u++) {
      int base = u < 12 ? 0 : 12;
      boolean[] taken = new boolean[12];
      for (int c = 0; c < 6; ) {
        int i = rnd.nextInt(12);
        if (!taken[i]) {
          taken[i] = true;
          b.addIndexed(u, base + i, Float.NaN, Interactions.NO_TIME);
          c++;
        }
      }
    }
    return b.build();
  }

  /** Share of (unseen own-group item, other-group item) pairs the scores order correctly. */
  private static double groupAuc(float[] s, boolean[] seen, int group) {
    long good = 0;
    long all = 0;
    for (int i = 0; i < 24; i++) {
      if ((i < 12) != (group == 0) || seen[i]) {
        continue;
      }
      for (int j = 0; j < 24; j++) {
        if ((j < 12) == (group == 0)) {
          continue;
        }
        all++;
        good += s[i] > s[j] ? 1 : 0;
      }
    }
    return good / (double) all;
  }

  private static double meanGroupAuc(BprModel m, Interactions d) {
    double sum = 0;
    float[] s = new float[24];
    for (int u = 0; u < 24; u++) {
      m.score(u, s);
      boolean[] seen = new boolean[24];
      for (int i : d.byUser().row(u)) {
        seen[i] = true;
      }
      sum += groupAuc(s, seen, u < 12 ? 0 : 1);
    }
    return sum / 24;
  }

  @Test
  void oneSgdStepMatchesTheHandComputedUpdate() {
    // One user with item x; the only negative is y, so the single triple of one epoch is (a, x, y).
    IdIndex.Builder ub = new IdIndex.Builder();
    IdIndex.Builder ib = new IdIndex.Builder();
    ub.add("a");
    ib.add("x");
    ib.add("y");
    Interactions d = new Interactions.Builder(ub, ib).add("a", "x").build();
    double lr = 0.1;
    double reg = 0.01;
    double breg = 0.02;
    BprOptions o =
        BprOptions.defaults()
            .withFactors(2)
            .withEpochs(1)
            .withOptimizer(OptimizerKind.SGD, lr)
            .withRegularization(reg, breg);
    BprModel m = fit(o, d, 3);
    // The initial values, drawn as the trainer documents: N(0, initStd) from the seed, p then q.
    SplittableRandom init = new SplittableRandom(3);
    float[] p = new float[2];
    float[] q = new float[4];
    Randoms.gaussian(init, p, o.initStd());
    Randoms.gaussian(init, q, o.initStd());
    double z = p[0] * (q[0] - q[2]) + p[1] * (q[1] - q[3]); // biases start at 0
    double g = 1 / (1 + Math.exp(z)); // sigmoid(-z)
    for (int f = 0; f < 2; f++) {
      double pu = p[f] - lr * (-g * (q[f] - q[2 + f]) + reg * p[f]);
      double qi = q[f] - lr * (-g * p[f] + reg * q[f]);
      double qj = q[2 + f] - lr * (g * p[f] + reg * q[2 + f]);
      assertEquals(pu, m.userFactor(0, f), 1e-6, "p_a[" + f + "]");
      assertEquals(qi, m.itemFactor(0, f), 1e-6, "q_x[" + f + "]");
      assertEquals(qj, m.itemFactor(1, f), 1e-6, "q_y[" + f + "]");
    }
    assertEquals(lr * g, m.itemBias(0), 1e-7);
    assertEquals(-lr * g, m.itemBias(1), 1e-7);
    // After the step the pair is ordered better than before.
    float[] s = new float[2];
    m.score(0, s);
    assertTrue(s[0] - s[1] > z, "x - y after one step " + (s[0] - s[1]) + " vs before " + z);
  }

  @Test
  void learnsTheTwoGroupsWithEachOptimiserAndSampler() {
    Interactions d = groups();
    BprOptions base =
        BprOptions.defaults().withFactors(4).withEpochs(60).withOptimizer(OptimizerKind.SGD, 0.05);
    BprOptions[] variants = {
      base,
      base.withOptimizer(OptimizerKind.ADAM, 0.02).withBatchSize(8),
      base.withOptimizer(OptimizerKind.MOMENTUM, 0.01).withBatchSize(4),
      base.withNegatives(NegativeSampling.POPULARITY, 0.75),
      base.withItemBias(false)
    };
    for (BprOptions o : variants) {
      double auc = meanGroupAuc(fit(o, d, 11), d);
      assertTrue(auc > 0.95, o + ": group AUC " + auc);
    }
  }

  @Test
  void differentSeedsGiveDifferentFactors() {
    Interactions d = groups();
    BprOptions o = BprOptions.defaults().withFactors(4).withEpochs(2);
    BprModel a = fit(o, d, 1);
    BprModel b = fit(o, d, 2);
    assertFalse(
        a.itemFactor(0, 0) == b.itemFactor(0, 0) && a.itemFactor(1, 1) == b.itemFactor(1, 1));
  }

  @Test
  void foldInLearnsANewUsersGroupAndIsDeterministic() {
    Interactions d = groups();
    BprModel m = fit(sgd().withFactors(4).withEpochs(60), d, 5);
    int[] items = {14, 15, 20};
    float[] a = new float[24];
    float[] b = new float[24];
    m.scoreItems(items, null, a);
    m.scoreItems(new int[] {20, 14, 15, 14}, new float[] {1, 1, 1, 1}, b);
    assertArrayEquals(a, b, 0f, "order and repeats do not matter");
    boolean[] seen = new boolean[24];
    for (int i : items) {
      seen[i] = true;
    }
    double auc = groupAuc(a, seen, 1);
    assertTrue(auc > 0.95, "fold-in group AUC " + auc);
    float[] empty = new float[24];
    m.scoreItems(new int[0], null, empty);
    for (int i = 0; i < 24; i++) {
      assertEquals(m.itemBias(i), empty[i], 0f, "no items: bias only");
    }
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {24}, null, a));
    assertThrows(InputException.class, () -> m.scoreItems(new int[] {1}, new float[2], a));
  }

  @Test
  void similarItemsAreTheCosineOfItemFactors() {
    Interactions d = groups();
    BprModel m = fit(sgd().withFactors(3).withEpochs(30), d, 5);
    float[] s = new float[24];
    m.similarTo(2, s);
    assertEquals(Float.NEGATIVE_INFINITY, s[2]);
    for (int j = 0; j < 24; j++) {
      if (j == 2) {
        continue;
      }
      double dot = 0;
      double n2 = 0;
      double nj = 0;
      for (int f = 0; f < 3; f++) {
        dot += m.itemFactor(2, f) * m.itemFactor(j, f);
        n2 += m.itemFactor(2, f) * m.itemFactor(2, f);
        nj += m.itemFactor(j, f) * m.itemFactor(j, f);
      }
      assertEquals(dot / Math.sqrt(n2 * nj), s[j], 1e-5, "cos(i2, i" + j + ")");
    }
    // The most similar items are in item 2's group.
    int inGroup = 0;
    for (int i : dev.seer.api.Ranker.topN(s, 5, null).items()) {
      inGroup += i < 12 ? 1 : 0;
    }
    assertTrue(inGroup >= 4, "similar items of i2 in its group: " + inGroup + " of 5");
  }

  @Test
  void explanationsAreTheUsersItemsByFactorCosine() {
    Interactions d = groups();
    BprModel m = fit(sgd().withFactors(4).withEpochs(30), d, 5);
    int[] own = d.byUser().row(0);
    List<Reason> r = m.explain(0, 11, 10);
    assertFalse(r.isEmpty());
    double last = Double.POSITIVE_INFINITY;
    for (Reason x : r) {
      assertEquals("item", x.kind());
      assertTrue(java.util.Arrays.binarySearch(own, x.item()) >= 0, "the user's own item");
      assertEquals(m.cosine(11, x.item()), x.contribution(), 1e-12);
      assertTrue(x.contribution() > 0 && x.contribution() <= last);
      last = x.contribution();
    }
    assertEquals(r.subList(0, 1), m.explain(0, 11, 1));
  }

  @Test
  void popularitySamplingFollowsCountToTheExponent() {
    // Items 0, 1, 2 have 1, 4 and 9 users; with exponent 0.5 they are drawn as 1 : 2 : 3.
    Interactions.Builder b = new Interactions.Builder();
    int[] counts = {1, 4, 9};
    for (int i = 0; i < 3; i++) {
      for (int u = 0; u < counts[i]; u++) {
        b.add("u" + u, "i" + i);
      }
    }
    b.add("probe", "p");
    Interactions d = b.build();
    BprOptions o = BprOptions.defaults().withNegatives(NegativeSampling.POPULARITY, 0.5);
    NegativeSampler s = NegativeSampler.create(o, d.byUser());
    int probe = d.users().index("probe");
    int[] idx = d.byUser().indices();
    int[] n = new int[d.numItems()];
    SplittableRandom rnd = new SplittableRandom(4);
    int draws = 60_000;
    for (int k = 0; k < draws; k++) {
      n[s.draw(rnd, idx, d.byUser().rowStart(probe), d.byUser().rowEnd(probe))]++;
    }
    int p = d.items().index("p");
    assertEquals(0, n[p], "the user's own item is never a negative");
    // The probe's item p (1 user, weight 1) is rejected, so 0, 1, 2 share weights 1, 2, 3.
    assertEquals(1 / 6.0, n[d.items().index("i0")] / (double) draws, 0.01);
    assertEquals(2 / 6.0, n[d.items().index("i1")] / (double) draws, 0.01);
    assertEquals(3 / 6.0, n[d.items().index("i2")] / (double) draws, 0.01);
  }

  @Test
  void optionsParseAndBadValuesNameTheValue() {
    BprTrainer t =
        (BprTrainer)
            Algorithms.create(
                "bpr", "factors=16,optimizer=adam,learningRate=0.01,negatives=popularity");
    assertEquals(16, t.options().factors());
    assertEquals(OptimizerKind.ADAM, t.options().optimizer());
    assertEquals(NegativeSampling.POPULARITY, t.options().negatives());
    assertEquals(BprOptions.defaults(), BprOptions.parse(BprOptions.defaults().asMap()));
    InputException e =
        assertThrows(InputException.class, () -> BprOptions.defaults().withFactors(0));
    assertTrue(e.getMessage().contains("factors=0"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> BprOptions.defaults().withOptimizer(OptimizerKind.SGD, -1));
    assertTrue(e.getMessage().contains("learningRate=-1.0"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("bpr", "negatives=hard"));
    assertTrue(e.getMessage().contains("negatives=hard"), e.getMessage());
    e = assertThrows(InputException.class, () -> Algorithms.create("bpr", "regularization=-0.1"));
    assertTrue(e.getMessage().contains("regularization=-0.1"), e.getMessage());
  }

  @Test
  void usersWithoutRowsAreRankedByItemBias() {
    Interactions d = Fixtures.withColdUser(groups());
    BprModel m = fit(BprOptions.defaults().withFactors(4).withEpochs(5), d, 5);
    float[] s = new float[24];
    m.score(24, s);
    for (int i = 0; i < 24; i++) {
      assertEquals(m.itemBias(i), s[i], 0f);
    }
  }
}
