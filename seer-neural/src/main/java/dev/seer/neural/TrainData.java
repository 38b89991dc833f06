package dev.seer.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a network trains on: each user's training sequence (without held-out validation items) and
 * the set of every item the user has, for rejecting sampled negatives.
 */
final class TrainData {
  final int numUsers;
  final int numItems;
  final int[][] sequences;

  /** Every training (user, item) pair, user by user in sequence order. */
  final int[] pairUser;

  final int[] pairItem;
  private final int[][] known;

  TrainData(int numUsers, int numItems, int[][] sequences, int[][] all) {
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.sequences = sequences;
    int n = 0;
    for (int[] s : sequences) {
      n += s.length;
    }
    pairUser = new int[n];
    pairItem = new int[n];
    int k = 0;
    for (int u = 0; u < sequences.length; u++) {
      for (int i : sequences[u]) {
        pairUser[k] = u;
        pairItem[k++] = i;
      }
    }
    this.known = new int[all.length][];
    for (int u = 0; u < all.length; u++) {
      int[] s = all[u].clone();
      Arrays.sort(s);
      known[u] = s;
    }
  }

  /** The user's items (training and held out), sorted; do not modify. */
  int[] known(int user) {
    return known[user];
  }

  boolean has(int user, int item) {
    return Arrays.binarySearch(known[user], item) >= 0;
  }

  /** Draws an item the user does not have (any item if rejection keeps failing). */
  int negative(int user, SplittableRandom rng) {
    int i = rng.nextInt(numItems);
    for (int t = 0; t < 64 && has(user, i); t++) {
      i = rng.nextInt(numItems);
    }
    return i;
  }
}
