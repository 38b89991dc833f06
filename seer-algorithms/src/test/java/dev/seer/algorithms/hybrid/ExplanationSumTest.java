package dev.seer.algorithms.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.algorithms.Algorithms;
import dev.seer.api.Dataset;
import dev.seer.api.Explainable;
import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import dev.seer.data.io.DatasetReaders;
import dev.seer.testkit.SharedData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On MovieLens latest-small (titles and genres as content): for every item of the top 10 of several
 * users, the reasons of the content model, the hybrids and both kinds of ensemble add up to the
 * score the ranker used, within a relative 1e-6 (the score is a float; the reasons are doubles).
 */
class ExplanationSumTest {
  /** Relative tolerance of the sum of the reasons against the ranker's float score. */
  private static final double RELATIVE = 1e-6;

  private static final String CONTENT_OPTIONS =
      "epochs=5,maxWords=500,minWordCount=5,fullSoftmaxLimit=1000,negatives=100";
  private static final String CONTENT = "content(" + CONTENT_OPTIONS.replace(',', ';') + ")";
  private static final int[] USERS = {0, 7, 99, 250, 413, 609};

  private static Dataset data;
  private static TrainingContext context;

  @BeforeAll
  static void load() {
    data = DatasetReaders.read(SharedData.movieLensLatestSmall(), "ml-csv", null, null).dataset();
    context = new TrainingContext(11, data.items(), ProgressListener.NONE, 2);
  }

  private static Recommender fit(String algorithm, String options) {
    return Algorithms.create(algorithm, options).fit(data.interactions(), context);
  }

  /** Checks every top-10 item of the users; returns the reason kinds seen. */
  private static Set<String> assertReasonsAddUp(Recommender m) {
    Interactions d = data.interactions();
    Set<String> kinds = new HashSet<>();
    float[] s = new float[m.items().size()];
    for (int u : USERS) {
      Ranking top = Ranker.recommend(m, u, 10, d.byUser(), null);
      assertEquals(10, top.size());
      m.score(u, s);
      for (int k = 0; k < top.size(); k++) {
        int i = top.items()[k];
        assertEquals(s[i], top.scores()[k], 0f, "the ranker's score");
        List<Reason> reasons = ((Explainable) m).explain(u, i, Integer.MAX_VALUE);
        double sum = 0;
        for (Reason r : reasons) {
          sum += r.contribution();
          kinds.add(r.kind());
        }
        double score = top.scores()[k];
        assertEquals(
            score,
            sum,
            RELATIVE * Math.abs(score),
            m.card().algorithm() + ": user " + u + ", item " + i + ", reasons " + reasons);
        for (int r = 1; r < reasons.size(); r++) {
          assertTrue(reasons.get(r - 1).contribution() >= reasons.get(r).contribution());
        }
      }
    }
    return kinds;
  }

  @Test
  void contentModelFeatureTermsAddUpToTheScore() {
    Set<String> kinds = assertReasonsAddUp(fit("content", CONTENT_OPTIONS));
    assertEquals(Set.of("feature"), kinds);
  }

  @Test
  void hybridReasonsAddUpToTheScore() {
    Recommender m = fit("hybrid", "cf=item-knn,content=" + CONTENT + ",alphaSteps=4,maxUsers=200");
    assertTrue(m instanceof FoldingHybridModel);
    Set<String> kinds = assertReasonsAddUp(m);
    // item-kNN's and content's reasons are their whole scores: no "part" reason is needed.
    assertEquals(Set.of("item", "feature", "baseline"), kinds);
  }

  @Test
  void hybridWithReasonsThatAreNotSharesAddsUpThroughAPartReason() {
    // BPR's reasons are cosines, not shares of its score: the rest is one "part" reason.
    Recommender m =
        fit(
            "hybrid",
            "cf=bpr(epochs=3;factors=16),content=" + CONTENT + ",alphaSteps=2,maxUsers=200");
    Set<String> kinds = assertReasonsAddUp(m);
    assertTrue(kinds.contains("part"), kinds.toString());
  }

  @Test
  void weightedEnsembleReasonsAddUpToTheScore() {
    Recommender m =
        fit("ensemble", "components=item-knn+" + CONTENT + "+popularity,rounds=1,maxUsers=100");
    Set<String> kinds = assertReasonsAddUp(m);
    assertEquals(Set.of("item", "feature", "popularity", "baseline"), kinds);
  }

  @Test
  void rrfEnsembleShapleyValuesAddUpToTheScore() {
    Recommender m =
        fit("ensemble", "components=item-knn+" + CONTENT + ",method=rrf,rounds=1,maxUsers=100");
    Set<String> kinds = assertReasonsAddUp(m);
    assertTrue(kinds.containsAll(Set.of("item", "feature", "baseline")), kinds.toString());
  }
}
