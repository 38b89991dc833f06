package dev.seer.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelFiles;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every trainer and its model must keep. A test class per trainer extends this class
 * and supplies {@link #trainer()}; it may override {@link #data()} and the other hooks.
 */
public abstract class TrainerContract {
  private static final Set<String> REASON_KINDS =
      Set.of("item", "feature", "popularity", "random", "part", "baseline");

  /** Creates the contract. */
  protected TrainerContract() {}

  /**
   * Returns the trainer under test, with the options to test.
   *
   * @return a trainer
   */
  protected abstract Trainer<?> trainer();

  /**
   * Returns the training data; the default is {@code Fixtures.random(40, 30, 6, 20240607)}, with
   * explicit ratings, timestamps and some items without rows.
   *
   * @return the training data
   */
  protected Interactions data() {
    return Fixtures.random(40, 30, 6, 20240607L);
  }

  /**
   * Returns the training context for a seed; the default uses 2 threads and no progress.
   *
   * @param seed the seed
   * @return the context
   */
  protected TrainingContext context(long seed) {
    return new TrainingContext(seed, Map.of(), ProgressListener.NONE, 2);
  }

  /**
   * Tells whether folding in a training user's items must reproduce {@code score(user)}; true by
   * default, override for models whose fold-in only approximates the trained user.
   *
   * @return true to require equal scores
   */
  protected boolean foldInMatchesScore() {
    return true;
  }

  /**
   * Returns the absolute tolerance for comparing fold-in scores with trained scores.
   *
   * @return the tolerance, default {@code 1e-5}
   */
  protected double foldInTolerance() {
    return 1e-5;
  }

  private Recommender fit(Interactions train, long seed) {
    return trainer().fit(train, context(seed));
  }

  private static float[][] allScores(Recommender model) {
    int n = model.users().size();
    float[][] out = new float[n][model.items().size()];
    for (int u = 0; u < n; u++) {
      model.score(u, out[u]);
    }
    return out;
  }

  @Test
  void cardAndIndicesDescribeTheTrainingData() {
    Interactions train = data();
    Recommender model = fit(train, 7);
    assertEquals(trainer().algorithm(), model.card().algorithm());
    assertEquals(7, model.card().seed());
    assertEquals(train.fingerprint(), model.card().dataFingerprint());
    assertEquals(train.users(), model.users());
    assertEquals(train.items(), model.items());
  }

  @Test
  void sameSeedGivesIdenticalScores() {
    Interactions train = data();
    float[][] a = allScores(fit(train, 42));
    float[][] b = allScores(fit(train, 42));
    for (int u = 0; u < a.length; u++) {
      assertArrayEquals(a[u], b[u], "user " + u);
    }
  }

  @Test
  void scoresAreFinite() {
    float[][] s = allScores(fit(data(), 1));
    for (int u = 0; u < s.length; u++) {
      for (int i = 0; i < s[u].length; i++) {
        assertTrue(Float.isFinite(s[u][i]), "score of user " + u + ", item " + i);
      }
    }
  }

  @Test
  void saveAndLoadKeepScoresAndCard(@TempDir Path dir) {
    Interactions train = data();
    Recommender model = fit(train, 3);
    Path file = dir.resolve("model.seer");
    ModelFiles.save(file, model, train.byUser());
    SavedModel saved = ModelFiles.load(file);
    Recommender loaded = saved.model();
    assertSame(model.getClass(), loaded.getClass());
    assertEquals(model.card(), loaded.card());
    assertEquals(model.users(), loaded.users());
    assertEquals(model.items(), loaded.items());
    float[][] before = allScores(model);
    float[][] after = allScores(loaded);
    for (int u = 0; u < before.length; u++) {
      assertArrayEquals(before[u], after[u], "user " + u);
    }
    SparseMatrix seen = train.byUser();
    assertArrayEquals(seen.indptr(), saved.seen().indptr());
    assertArrayEquals(seen.indices(), saved.seen().indices());
  }

  @Test
  void rankerWithSeenExclusionNeverReturnsTrainingItems() {
    Interactions train = data();
    Recommender model = fit(train, 5);
    SparseMatrix seen = train.byUser();
    int numItems = model.items().size();
    for (int u = 0; u < model.users().size(); u++) {
      Ranking r = Ranker.recommend(model, u, numItems, seen, null);
      assertEquals(numItems - seen.rowNnz(u), r.size(), "every unseen item is ranked");
      for (int i : r.items()) {
        assertFalse(seen.contains(u, i), "user " + u + " got training item " + i);
      }
    }
  }

  @Test
  void concurrentScoringMatchesSequential() throws Exception {
    Recommender model = fit(data(), 11);
    float[][] expected = allScores(model);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<float[][]>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        tasks.add(
            () -> {
              int n = expected.length;
              float[][] got = new float[n][];
              for (int rep = 0; rep < 5; rep++) {
                for (int k = 0; k < n; k++) {
                  int u = (k * 7 + offset + rep) % n;
                  float[] s = new float[model.items().size()];
                  model.score(u, s);
                  got[u] = s;
                }
              }
              return got;
            });
      }
      for (Future<float[][]> f : pool.invokeAll(tasks)) {
        float[][] got = f.get();
        for (int u = 0; u < expected.length; u++) {
          assertArrayEquals(expected[u], got[u], "user " + u);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void userWithoutTrainingRowsGetsFiniteScores() {
    Interactions train = Fixtures.withColdUser(data());
    Recommender model = fit(train, 13);
    int cold = train.numUsers() - 1;
    float[] s = new float[model.items().size()];
    model.score(cold, s);
    for (int i = 0; i < s.length; i++) {
      assertTrue(Float.isFinite(s[i]), "cold user's score for item " + i);
    }
  }

  @Test
  void emptyTrainingDataIsRejected() {
    Interactions empty = data().select(new int[0]);
    assertThrows(InputException.class, () -> fit(empty, 1));
  }

  @Test
  void foldInOfATrainingUserMatchesTheirScores() {
    Interactions train = data();
    Recommender model = fit(train, 17);
    assumeTrue(model instanceof FoldIn, "the model does not fold in");
    FoldIn foldIn = (FoldIn) model;
    SparseMatrix byUser = train.byUser();
    int numItems = model.items().size();
    for (int u = 0; u < byUser.rows(); u++) {
      int[] items = byUser.row(u);
      float[] values = Arrays.copyOfRange(byUser.values(), byUser.rowStart(u), byUser.rowEnd(u));
      float[] folded = new float[numItems];
      foldIn.scoreItems(items, values, folded);
      float[] trained = new float[numItems];
      model.score(u, trained);
      for (int i = 0; i < numItems; i++) {
        assertTrue(Float.isFinite(folded[i]), "fold-in score is finite");
        if (foldInMatchesScore()) {
          assertEquals(trained[i], folded[i], foldInTolerance(), "user " + u + ", item " + i);
        }
      }
    }
  }

  @Test
  void explanationsReferToTheUsersItems() {
    Interactions train = data();
    Recommender model = fit(train, 19);
    assumeTrue(model instanceof Explainable, "the model does not explain");
    Explainable ex = (Explainable) model;
    SparseMatrix seen = train.byUser();
    int explained = 0;
    for (int u = 0; u < seen.rows(); u++) {
      for (int i : Ranker.recommend(model, u, 3, seen, null).items()) {
        List<Reason> reasons = ex.explain(u, i, 4);
        assertTrue(reasons.size() <= 4, "at most max reasons");
        assertTrue(ex.explain(u, i, 0).isEmpty(), "max 0 gives no reasons");
        for (Reason r : reasons) {
          assertTrue(REASON_KINDS.contains(r.kind()), "known reason kind " + r.kind());
          assertTrue(Double.isFinite(r.contribution()), "finite contribution");
          if (r.kind().equals("item")) {
            assertTrue(seen.contains(u, r.item()), "reason item " + r.item() + " of user " + u);
          }
        }
        explained += reasons.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(explained > 0, "some recommendation has a reason");
  }
}
