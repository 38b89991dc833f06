package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.data.split.LeaveLastKSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import org.junit.jupiter.api.Test;

/**
 * The evaluator scores a neural model's users in batches ({@link dev.seer.api.BatchScorer}); the
 * metrics are those of scoring one user at a time (the same model behind a plain {@link
 * Recommender} view), and so are the batch scores themselves.
 */
class BatchEvaluationTest {
  @Test
  void batchScoringGivesTheMetricsOfOneUserAtATime() {
    Interactions data = NextItemTesting.successors();
    Split split = new LeaveLastKSplitter(1).split(data);
    NeuralModel m =
        new NeuralTrainer(
                new SasRecOptions(16, 1, 1, 8, 0.0, Loss.BCE, 1, 0.75),
                new TrainOptions(
                    20,
                    16,
                    1e-2,
                    OptimizerKind.ADAM,
                    Schedule.CONSTANT,
                    10,
                    0.5,
                    0,
                    false,
                    5,
                    4,
                    ""))
            .fit(split.train(), NextItemTesting.oneThread(3));
    Recommender plain =
        new Recommender() {
          @Override
          public ModelCard card() {
            return m.card();
          }

          @Override
          public IdIndex users() {
            return m.users();
          }

          @Override
          public IdIndex items() {
            return m.items();
          }

          @Override
          public void score(int user, float[] out) {
            m.score(user, out);
          }
        };
    EvalOptions eo = new EvalOptions(new int[] {10}, null, 0, 42, 2);
    EvalResult batched = Evaluator.evaluate("sasrec", m, split, eo);
    EvalResult single = Evaluator.evaluate("sasrec", plain, split, eo);
    assertEquals(single.counts().testUsers(), batched.counts().testUsers());
    assertArrayEquals(single.perUser("NDCG@10"), batched.perUser("NDCG@10"), 1e-9);
    assertArrayEquals(single.perUser("AUC"), batched.perUser("AUC"), 1e-6);
    int n = m.items().size();
    int[] users = {0, 5, 17, 33};
    float[][] rows = new float[users.length][n];
    m.scoreUsers(users, rows);
    for (int k = 0; k < users.length; k++) {
      float[] one = new float[n];
      m.score(users[k], one);
      assertArrayEquals(one, rows[k], 1e-5f, "user " + users[k]);
    }
  }
}
