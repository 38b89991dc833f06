package dev.seer.spark;

import java.util.Arrays;

/**
 * Item-kNN scores: {@code score(u, i) = Σ_{j ∈ seen(u)} sim(j, i)} over each seen item's kept
 * neighbours.
 */
public final class NeighbourScorer implements Scorer {
  private static final long serialVersionUID = 1L;
  private final int n;
  private final int[] start;
  private final int[] neighbour;
  private final float[] sim;

  /**
   * Creates a scorer from neighbour lists in CSR form.
   *
   * @param n number of items
   * @param start row starts, length n + 1
   * @param neighbour neighbour indices
   * @param sim similarities
   */
  public NeighbourScorer(int n, int[] start, int[] neighbour, float[] sim) {
    this.n = n;
    this.start = start;
    this.neighbour = neighbour;
    this.sim = sim;
  }

  @Override
  public int numItems() {
    return n;
  }

  @Override
  public void score(float[] x, int[] seen, float[] out) {
    Arrays.fill(out, 0, n, 0f);
    for (int j : seen) {
      for (int q = start[j]; q < start[j + 1]; q++) {
        out[neighbour[q]] += sim[q];
      }
    }
  }
}
