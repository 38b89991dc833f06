package dev.seer.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SasRecTest {
  private static final TrainOptions FAST =
      new TrainOptions(
          60, 16, 1e-2, OptimizerKind.ADAM, Schedule.CONSTANT, 10, 0.5, 0, false, 5, 4, "");

  private static NeuralTrainer trainer(Loss loss, int negatives, TrainOptions t) {
    return new NeuralTrainer(new SasRecOptions(16, 1, 1, 8, 0.0, loss, negatives, 0.75), t);
  }

  @Test
  void learnsThatEachItemIsFollowedByTheNext() {
    NeuralModel m =
        trainer(Loss.BCE, 1, FAST).fit(NextItemTesting.successors(), NextItemTesting.oneThread(1));
    double hr = NextItemTesting.successorHitRate(m, 20, 8);
    assertTrue(hr >= 0.9, "HR@1 of the successor is " + hr);
  }

  @Test
  void sgdWithMomentumAndTheStepAndCosineSchedulesLearnThePatternToo() {
    // SGD (momentum 0.9) with a larger rate; the rate halves every 20 epochs, or follows a cosine.
    for (Schedule schedule : new Schedule[] {Schedule.STEP, Schedule.COSINE}) {
      TrainOptions sgd =
          new TrainOptions(60, 16, 0.1, OptimizerKind.SGD, schedule, 20, 0.5, 0, false, 5, 4, "");
      NeuralModel m =
          trainer(Loss.BCE, 1, sgd).fit(NextItemTesting.successors(), NextItemTesting.oneThread(1));
      double hr = NextItemTesting.successorHitRate(m, 20, 8);
      assertTrue(hr >= 0.9, schedule + ": HR@1 of the successor is " + hr);
    }
  }

  @Test
  void gbceAndSampledSoftmaxLearnThePatternToo() {
    for (Loss loss : new Loss[] {Loss.GBCE, Loss.SAMPLED_SOFTMAX}) {
      NeuralModel m =
          trainer(loss, 8, FAST).fit(NextItemTesting.successors(), NextItemTesting.oneThread(2));
      double hr = NextItemTesting.successorHitRate(m, 20, 8);
      assertTrue(hr >= 0.9, loss + ": HR@1 of the successor is " + hr);
    }
  }

  @Test
  void aPositionNeverSeesLaterItems() {
    // With a broken causal mask the hidden state at position t would change with the items after t.
    SasRec net = new SasRec(1, 20, new SasRecOptions(8, 2, 2, 6, 0.0, Loss.BCE, 1, 0.75));
    SplittableRandom rng = new SplittableRandom(3);
    float[][] init = new float[net.specs().size()][];
    for (int i = 0; i < init.length; i++) {
      init[i] = net.specs().get(i).initial(rng);
    }
    try (NDManager m = NeuralEngine.newManager()) {
      Params p = Params.create(m, net.specs(), init, false);
      long[] a = {20, 20, 3, 4, 5, 6};
      long[] b = {20, 20, 3, 4, 11, 17};
      float[] ha = net.encode(p, m.create(a, new Shape(1, 6)), false).toFloatArray();
      float[] hb = net.encode(p, m.create(b, new Shape(1, 6)), false).toFloatArray();
      int upTo = 4 * 8; // positions 0..3 are identical in both inputs
      assertArrayEquals(Arrays.copyOf(ha, upTo), Arrays.copyOf(hb, upTo), 1e-6f);
      assertFalse(
          Arrays.equals(
              Arrays.copyOfRange(ha, upTo, ha.length), Arrays.copyOfRange(hb, upTo, hb.length)),
          "later positions do read their own items");
      NDArray unused = m.zeros(new Shape(1));
      assertEquals(1, unused.size());
    }
  }

  @Test
  void cannotPredictShuffledTargets() {
    // Random sequences hold nothing to learn: a model that peeked at the next item would score far
    // above chance on the held-out last items of the training users.
    Interactions data = Synthetic.shuffled(80, 30, 10, 9);
    TrainOptions t =
        new TrainOptions(
            30, 16, 5e-3, OptimizerKind.ADAM, Schedule.CONSTANT, 10, 0.5, 0, true, 30, 4, "");
    NeuralModel m = trainer(Loss.BCE, 1, t).fit(data, NextItemTesting.oneThread(4));
    double ndcg = m.card().metrics().get("validation-ndcg@10");
    // chance: the target is one of the 30 - 9 unseen items, so NDCG@10 is about 0.19
    assertTrue(ndcg < 0.4, "validation NDCG@10 on random sequences is " + ndcg);
  }

  @Test
  void sameSeedGivesBitIdenticalParametersOnOneThread() {
    Interactions data = NextItemTesting.successors();
    TrainOptions t = FAST.withEpochs(3);
    NeuralTrainer tr = new NeuralTrainer(new SasRecOptions(16, 1, 1, 8, 0.3, Loss.BCE, 1, 0.75), t);
    float[][] a = tr.fit(data, NextItemTesting.oneThread(11)).values();
    float[][] b = tr.fit(data, NextItemTesting.oneThread(11)).values();
    float[][] c = tr.fit(data, NextItemTesting.oneThread(12)).values();
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 0f, "parameter " + i);
    }
    assertFalse(Arrays.equals(a[0], c[0]), "another seed gives other parameters");
  }

  @Test
  void resumingFromACheckpointEqualsTrainingStraight(@TempDir Path dir) {
    Interactions data = NextItemTesting.successors();
    TrainOptions base =
        new TrainOptions(
            4, 16, 5e-3, OptimizerKind.ADAM, Schedule.COSINE, 10, 0.5, 1e-4, true, 1, 10, "");
    NeuralTrainer straight =
        new NeuralTrainer(new SasRecOptions(16, 1, 1, 8, 0.2, Loss.BCE, 1, 0.75), base);
    float[][] expected = straight.fit(data, NextItemTesting.oneThread(5)).values();

    String ckpt = dir.resolve("ckpt").toString();
    TrainOptions half = base.withEpochs(2).withCheckpoint(ckpt);
    new NeuralTrainer(straight.network(), half).fit(data, NextItemTesting.oneThread(5));
    assertTrue(dir.resolve("ckpt").resolve(Checkpoint.FILE).toFile().isFile());
    // Cosine decay depends on the total epoch count, so the first half used 2 as the total; use a
    // schedule-independent check: resuming the 2-epoch run with 4 epochs equals a straight 4-epoch
    // run only for schedules that ignore the total, which cosine does not. Re-run with STEP.
    TrainOptions step =
        new TrainOptions(
            4, 16, 5e-3, OptimizerKind.ADAM, Schedule.STEP, 1, 0.7, 1e-4, true, 1, 10, "");
    float[][] stepStraight =
        new NeuralTrainer(straight.network(), step)
            .fit(data, NextItemTesting.oneThread(5))
            .values();
    String ckpt2 = dir.resolve("ckpt2").toString();
    new NeuralTrainer(straight.network(), step.withEpochs(2).withCheckpoint(ckpt2))
        .fit(data, NextItemTesting.oneThread(5));
    float[][] resumed =
        new NeuralTrainer(straight.network(), step.withCheckpoint(ckpt2))
            .fit(data, NextItemTesting.oneThread(5))
            .values();
    for (int i = 0; i < resumed.length; i++) {
      assertArrayEquals(stepStraight[i], resumed[i], 0f, "parameter " + i);
    }
    assertEquals(expected.length, resumed.length);
  }

  @Test
  void aCheckpointOfOtherOptionsIsRefused(@TempDir Path dir) {
    Interactions data = NextItemTesting.successors();
    String ckpt = dir.toString();
    new NeuralTrainer(
            new SasRecOptions(16, 1, 1, 8, 0.2, Loss.BCE, 1, 0.75),
            FAST.withEpochs(1).withCheckpoint(ckpt))
        .fit(data, NextItemTesting.oneThread(5));
    NeuralTrainer other =
        new NeuralTrainer(
            new SasRecOptions(8, 1, 1, 8, 0.2, Loss.BCE, 1, 0.75),
            FAST.withEpochs(2).withCheckpoint(ckpt));
    InputException e =
        assertThrows(InputException.class, () -> other.fit(data, NextItemTesting.oneThread(5)));
    assertTrue(e.getMessage().contains("other data or options"), e.getMessage());
  }

  @Test
  void badOptionsNameTheValue() {
    InputException e =
        assertThrows(
            InputException.class, () -> new SasRecOptions(10, 1, 3, 8, 0.1, Loss.BCE, 1, 0.75));
    assertTrue(e.getMessage().contains("dims=10"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> NeuralTrainer.create("sasrec", Map.of("dropout", "1.5")));
    assertTrue(e.getMessage().contains("dropout=1.5"), e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> NeuralTrainer.create("sasrec", Map.of("layers", "2")));
    assertTrue(e.getMessage().contains("Unknown option 'layers'"), e.getMessage());
  }
}
