package dev.seer.data.clean;

/**
 * What one cleaning step did.
 *
 * @param step the step as described by {@link Cleaning#describe()}, for example {@code kCore(5,5)}
 * @param rowsBefore rows before the step
 * @param rowsAfter rows after the step
 * @param details one human-readable sentence on what was removed or changed
 */
public record StepReport(String step, long rowsBefore, long rowsAfter, String details) {
  /**
   * Returns how many rows the step removed.
   *
   * @return {@code rowsBefore - rowsAfter}
   */
  public long rowsRemoved() {
    return rowsBefore - rowsAfter;
  }

  @Override
  public String toString() {
    return step + ": " + rowsBefore + " -> " + rowsAfter + " rows; " + details;
  }
}
