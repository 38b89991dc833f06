package dev.seer.neural;

import dev.seer.api.Interactions;
import dev.seer.api.Ranker;
import dev.seer.api.TrainingContext;
import java.util.Map;

/** Shared checks of the next-item tests. */
final class NextItemTesting {
  private NextItemTesting() {}

  static TrainingContext oneThread(long seed) {
    return new TrainingContext(seed, Map.of(), null, 1);
  }

  /**
   * Folds in sessions of {@code length} consecutive items and returns the share whose top item
   * (session items excluded) is the successor of the last one.
   */
  static double successorHitRate(NeuralModel model, int items, int length) {
    int hits = 0;
    for (int s = 0; s < items; s++) {
      int[] session = new int[length];
      boolean[] in = new boolean[items];
      for (int t = 0; t < length; t++) {
        session[t] = (s + t) % items;
        in[session[t]] = true;
      }
      float[] out = new float[items];
      model.scoreItems(session, new float[length], out);
      int top = Ranker.topN(out, 1, i -> in[i]).items()[0];
      hits += top == (s + length) % items ? 1 : 0;
    }
    return (double) hits / items;
  }

  static Interactions successors() {
    return Synthetic.successors(60, 20, 12, 5);
  }
}
