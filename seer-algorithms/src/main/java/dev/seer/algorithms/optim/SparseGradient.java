package dev.seer.algorithms.optim;

import java.util.Arrays;

/**
 * Collects the gradient of one minibatch for the few rows of a parameter block that it touches,
 * then hands those rows, and only those, to a {@link RowOptimizer}. Memory is one slot index per
 * block row plus {@code dim} floats per touched row. Not thread-safe; use one per thread.
 */
public final class SparseGradient {
  private final int dim;
  private final int[] slotOfRow;
  private int[] touched = new int[16];
  private float[] values;
  private int size;

  /**
   * Creates an empty accumulator.
   *
   * @param rows rows of the parameter block
   * @param dim values per row
   */
  public SparseGradient(int rows, int dim) {
    if (rows < 0 || dim < 1) {
      throw new IllegalArgumentException("bad shape " + rows + " x " + dim);
    }
    this.dim = dim;
    this.slotOfRow = new int[rows];
    Arrays.fill(slotOfRow, -1);
    this.values = new float[16 * dim];
  }

  /**
   * Returns the offset in {@link #values()} where a row's gradient is accumulated, adding the row
   * (with a zero gradient) if it is not touched yet. The offset stays valid until the next call
   * that adds a row.
   *
   * @param row the block row
   * @return the offset of the row's {@code dim} values
   */
  public int offset(int row) {
    int s = slotOfRow[row];
    if (s < 0) {
      if (size == touched.length) {
        touched = Arrays.copyOf(touched, size * 2);
        values = Arrays.copyOf(values, size * 2 * dim);
      }
      s = size++;
      slotOfRow[row] = s;
      touched[s] = row;
    }
    return s * dim;
  }

  /**
   * Returns the accumulation buffer; read and write it at the offsets {@link #offset} gives.
   *
   * @return the buffer (do not keep it across calls that add rows)
   */
  public float[] values() {
    return values;
  }

  /**
   * Adds {@code scale * src[from .. from + dim - 1]} to a row's gradient.
   *
   * @param row the block row
   * @param scale the factor
   * @param src the source values
   * @param from where they start
   */
  public void add(int row, float scale, float[] src, int from) {
    int o = offset(row);
    for (int k = 0; k < dim; k++) {
      values[o + k] += scale * src[from + k];
    }
  }

  /**
   * Returns the number of touched rows.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the {@code k}-th touched row, in the order rows were first touched.
   *
   * @param k from 0 to {@link #size()} - 1
   * @return the block row
   */
  public int row(int k) {
    return touched[k];
  }

  /**
   * Updates each touched row once with its accumulated gradient, in the order rows were first
   * touched, then clears the accumulator.
   *
   * @param optimizer the optimiser of the block
   * @param params the block
   */
  public void apply(RowOptimizer optimizer, float[] params) {
    for (int s = 0; s < size; s++) {
      optimizer.update(params, touched[s], values, s * dim);
    }
    clear();
  }

  /** Forgets every touched row. */
  public void clear() {
    for (int s = 0; s < size; s++) {
      slotOfRow[touched[s]] = -1;
    }
    Arrays.fill(values, 0, size * dim, 0f);
    size = 0;
  }
}
