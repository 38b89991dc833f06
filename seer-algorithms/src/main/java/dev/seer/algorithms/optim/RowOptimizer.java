package dev.seer.algorithms.optim;

/**
 * Applies an update rule to rows of one parameter block: a {@code float[]} of {@code rows() x
 * dim()} values, row {@code r} at offsets {@code r * dim() .. r * dim() + dim() - 1}. The block
 * itself belongs to the caller; the optimiser holds only its own per-row state (velocities or
 * moments), which starts at zero.
 *
 * <p>Updates are sparse and lazy: a row's state changes only when the row is updated, so each row
 * behaves exactly as the dense rule would on the sequence of steps in which that row received a
 * gradient. Untouched rows cost nothing. Arithmetic is done in double precision; parameters and
 * state are stored as floats. Updates of different rows may run concurrently on different threads;
 * updates of the same row must not.
 */
public abstract class RowOptimizer {
  private final int rows;
  private final int dim;

  RowOptimizer(int rows, int dim) {
    this.rows = rows;
    this.dim = dim;
  }

  /**
   * Returns the number of rows of the block.
   *
   * @return rows
   */
  public final int rows() {
    return rows;
  }

  /**
   * Returns the number of values per row.
   *
   * @return the row width
   */
  public final int dim() {
    return dim;
  }

  /**
   * Takes one descent step on one row: the row moves against the gradient.
   *
   * @param params the parameter block, length at least {@code rows() * dim()}
   * @param row the row to update
   * @param grad holds the row's gradient (of the loss to minimise)
   * @param gradOffset where the gradient starts in {@code grad}; {@code dim()} values are read
   */
  public abstract void update(float[] params, int row, float[] grad, int gradOffset);

  /**
   * Returns how many updates a row has received.
   *
   * @param row the row
   * @return the number of {@link #update} calls for the row
   */
  public abstract long steps(int row);
}
