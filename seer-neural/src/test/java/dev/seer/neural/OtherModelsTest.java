package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Ranker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherModelsTest {
  private static final TrainOptions FAST =
      new TrainOptions(
          60, 16, 1e-2, OptimizerKind.ADAM, Schedule.CONSTANT, 10, 0.5, 0, false, 5, 4, "");

  private static double successorRate(NetworkConfig c, TrainOptions t, int session) {
    NeuralModel m =
        new NeuralTrainer(c, t).fit(NextItemTesting.successors(), NextItemTesting.oneThread(1));
    return NextItemTesting.successorHitRate(m, 20, session);
  }

  @Test
  void gru4RecLearnsSuccessors() {
    double hr =
        successorRate(
            new Gru4RecOptions(16, Gru4RecOptions.Cell.GRU, 8, 0.0, Loss.SAMPLED_SOFTMAX, 8, 0.75),
            FAST,
            8);
    assertTrue(hr >= 0.9, "GRU HR@1 " + hr);
  }

  @Test
  void lstmLearnsSuccessors() {
    double hr =
        successorRate(
            new Gru4RecOptions(16, Gru4RecOptions.Cell.LSTM, 8, 0.0, Loss.SAMPLED_SOFTMAX, 8, 0.75),
            FAST,
            8);
    assertTrue(hr >= 0.9, "LSTM HR@1 " + hr);
  }

  @Test
  void caserLearnsSuccessors() {
    double hr = successorRate(new CaserOptions(16, 3, 4, 2, 8, 0.0, Loss.BCE, 4, 0.75), FAST, 8);
    assertTrue(hr >= 0.9, "Caser HR@1 " + hr);
  }

  @Test
  void twoTowerLearnsSuccessorsFromTheLastItem() {
    double hr = successorRate(new TwoTowerOptions(16, 32, 1, 0.1, 4, true, 0), FAST, 3);
    assertTrue(hr >= 0.9, "two-tower HR@1 " + hr);
  }

  /** Users 0..19 have 6 consecutive items of group A (0..8), users 20..39 of group B (10..18). */
  private static Interactions groups() {
    Interactions.Builder b = new Interactions.Builder();
    for (int i = 0; i < 20; i++) {
      b.items().add("i" + i);
    }
    for (int u = 0; u < 40; u++) {
      int base = u < 20 ? 0 : 10;
      for (int t = 0; t < 6; t++) {
        b.add("u" + u, "i" + (base + (u + t) % 9), Float.NaN, 100L * u + t);
      }
    }
    return b.build();
  }

  @Test
  void neuMfRanksTheUsersGroupFirst() {
    Interactions data = groups();
    NeuralModel m =
        new NeuralTrainer(new NeuMfOptions(8, "16/8", 4), FAST.withEpochs(80))
            .fit(data, NextItemTesting.oneThread(3));
    int good = 0;
    for (int u = 0; u < 40; u++) {
      int top = Ranker.recommend(m, u, 1, data.byUser(), null).items()[0];
      good += (top < 10) == (u < 20) ? 1 : 0;
    }
    assertTrue(good >= 32, good + " of 40 users got an item of their group first");
  }

  /** 80 users in 4 groups of 15 items; each user has 6 random items of the group, one per time. */
  private static Interactions fourGroups() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
    Interactions.Builder b = new Interactions.Builder();
    for (int i = 0; i < 60; i++) {
      b.items().add("i" + i);
    }
    for (int u = 0; u < 80; u++) {
      int base = 15 * (u % 4);
      java.util.Set<Integer> mine = new java.util.LinkedHashSet<>();
      while (mine.size() < 6) {
        mine.add(base + rng.nextInt(15));
      }
      int t = 0;
      for (int i : mine) {
        b.add("u" + u, "i" + i, Float.NaN, 100L * u + t++);
      }
    }
    return b.build();
  }

  private static java.util.Set<Integer> top(float[] scores, int n, int[] seen) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (int i : seen) {
      s.add(i);
    }
    java.util.Set<Integer> out = new java.util.HashSet<>();
    for (int i : Ranker.topN(scores, n, s::contains).items()) {
      out.add(i);
    }
    return out;
  }

  @Test
  void neuMfFoldInOfAUsersItemsRecommendsLikeTheTrainedUser() {
    // A user's items folded in as a user not in training must give recommendations close to what
    // the trained user gets; the old mean-user approximation gave a popularity-like list instead.
    Interactions data = fourGroups();
    NeuralModel m =
        new NeuralTrainer(new NeuMfOptions(8, "16/8", 4), FAST.withEpochs(40))
            .fit(data, NextItemTesting.oneThread(3));
    int[] count = new int[60];
    for (int k = 0; k < data.size(); k++) {
      count[data.item(k)]++;
    }
    float[] popularity = new float[60];
    for (int i = 0; i < 60; i++) {
      popularity[i] = count[i] + i * 1e-4f; // ties broken by index, fixed
    }
    int n = 5;
    double foldInOverlap = 0;
    double popularityOverlap = 0;
    float[] trained = new float[60];
    float[] folded = new float[60];
    float[] again = new float[60];
    for (int u = 0; u < 80; u++) {
      int[] items = m.history(u);
      m.score(u, trained);
      m.scoreItems(items, new float[items.length], folded);
      m.scoreItems(items, new float[items.length], again);
      assertArrayEquals(folded, again, 0f, "fold-in is deterministic");
      java.util.Set<Integer> want = top(trained, n, items);
      java.util.Set<Integer> f = top(folded, n, items);
      java.util.Set<Integer> pop = top(popularity, n, items);
      f.retainAll(want);
      pop.retainAll(want);
      foldInOverlap += f.size() / (double) n;
      popularityOverlap += pop.size() / (double) n;
    }
    foldInOverlap /= 80;
    popularityOverlap /= 80;
    assertTrue(
        foldInOverlap > popularityOverlap + 0.3 && foldInOverlap > 0.5,
        "top-5 overlap with the trained user's list: fold-in "
            + foldInOverlap
            + ", popularity "
            + popularityOverlap);
  }

  @Test
  void twoTowerGivesItemsWithoutInteractionsAVectorFromTheirFeatures() {
    // item 9 (group A) and 19 (group B) never occur in training; with features only (no id
    // embeddings) their vectors come from the group feature, so group-A users rank 9 above 19.
    Interactions data = groups();
    float[][] features = new float[20][2];
    for (int i = 0; i < 20; i++) {
      features[i][i < 10 ? 0 : 1] = 1f;
    }
    NeuralModel m =
        new NeuralTrainer(new TwoTowerOptions(8, 16, 6, 0.2, 4, false, 0), FAST.withEpochs(40))
            .withItemFeatures(features)
            .fit(data, NextItemTesting.oneThread(3));
    assertEquals("2", m.card().options().get("feature-dims"));
    int good = 0;
    float[] s = new float[20];
    for (int u = 0; u < 40; u++) {
      m.score(u, s);
      good += (s[9] > s[19]) == (u < 20) ? 1 : 0;
    }
    assertTrue(good >= 36, good + " of 40 users rank the unseen item of their group higher");
  }

  @Test
  void itemFeaturesAreCheckedAgainstTheData() {
    NeuralTrainer t =
        new NeuralTrainer(new TwoTowerOptions(8, 16, 6, 0.2, 4, true, 0), FAST.withEpochs(1))
            .withItemFeatures(new float[][] {{1f}, {0f}});
    InputException e =
        assertThrows(InputException.class, () -> t.fit(groups(), NextItemTesting.oneThread(1)));
    assertTrue(e.getMessage().contains("2 item feature rows"), e.getMessage());
    assertThrows(
        InputException.class,
        () -> NeuralTrainer.create("sasrec", Map.of()).withItemFeatures(new float[][] {{1f}}));
  }
}
