package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A neural recommender's architecture: its parameters, its training loss on a batch, and its scores
 * for all items. Instances are immutable configuration; the values live in {@link Params}.
 */
abstract class Network {
  final int numUsers;
  final int numItems;

  Network(int numUsers, int numItems) {
    this.numUsers = numUsers;
    this.numItems = numItems;
  }

  /** The algorithm name. */
  abstract String algorithm();

  /** The architecture options as text. */
  abstract Map<String, String> options();

  /** The parameters in a fixed order. */
  abstract List<ParamSpec> specs();

  /** Draws a parameter's initial values; networks override it for {@code FIXED} parameters. */
  float[] initial(ParamSpec spec, SplittableRandom rng) {
    return spec.initial(rng);
  }

  /** Users scored per forward pass when scoring many. */
  int scoreBatch() {
    return 256;
  }

  /**
   * Returns the training units of an epoch (shuffled by the loop and cut into batches); the default
   * is every user with at least two training items.
   */
  int[] units(TrainData data) {
    int n = 0;
    for (int[] s : data.sequences) {
      n += s.length >= 2 ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int u = 0; u < data.sequences.length; u++) {
      if (data.sequences[u].length >= 2) {
        out[k++] = u;
      }
    }
    return out;
  }

  /**
   * Builds the mean training loss of a batch.
   *
   * @param p parameters, attached to {@code m}
   * @param data training data
   * @param units the batch's units
   * @param rng the sampling generator
   * @param m owns the arrays of this step
   * @return a scalar loss
   */
  abstract NDArray loss(Params p, TrainData data, int[] units, SplittableRandom rng, NDManager m);

  /**
   * Scores all items for a batch of users.
   *
   * @param p parameters, attached to {@code m}
   * @param users user indices ({@code -1} for an anonymous session)
   * @param histories each user's items, oldest first
   * @param m owns the arrays
   * @return scores of shape (batch, numItems)
   */
  abstract NDArray scores(Params p, int[] users, int[][] histories, NDManager m);
}
