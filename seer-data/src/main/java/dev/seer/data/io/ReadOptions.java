package dev.seer.data.io;

import dev.seer.api.InputException;

/**
 * How readers treat malformed input.
 *
 * @param onError fail at the first bad line, or skip bad lines and report them
 * @param maxExamples how many skipped lines a report quotes ({@code >= 0})
 */
public record ReadOptions(ErrorPolicy onError, int maxExamples) {
  /** Validates the options. */
  public ReadOptions {
    if (onError == null) {
      throw new InputException("The error policy is missing; use fail or skip.");
    }
    if (maxExamples < 0) {
      throw new InputException(
          "maxExamples is " + maxExamples + "; use 0 or more examples of skipped lines.");
    }
  }

  /**
   * Fails at the first malformed line (the default).
   *
   * @return {@code (FAIL, 5)}
   */
  public static ReadOptions strict() {
    return new ReadOptions(ErrorPolicy.FAIL, 5);
  }

  /**
   * Skips malformed lines and quotes the first five in the report.
   *
   * @return {@code (SKIP, 5)}
   */
  public static ReadOptions skipping() {
    return new ReadOptions(ErrorPolicy.SKIP, 5);
  }
}
