package dev.seer.spark;

import java.util.List;

/**
 * What reading found.
 *
 * @param source the input path
 * @param rows rows seen
 * @param accepted rows kept
 * @param malformed rows that were malformed (skipped under policy SKIP)
 * @param examples the first few malformed rows, each described in one sentence
 */
public record ReadSummary(
    String source, long rows, long accepted, long malformed, List<String> examples) {
  /** Copies the examples. */
  public ReadSummary {
    examples = List.copyOf(examples);
  }

  /**
   * One line for logs and reports.
   *
   * @return the summary
   */
  public String summary() {
    return source
        + ": "
        + accepted
        + " of "
        + rows
        + " rows read, "
        + malformed
        + " malformed"
        + (examples.isEmpty() ? "" : " (first: " + examples.get(0) + ")");
  }
}
