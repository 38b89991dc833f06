package dev.seer.data.io;

/** What a reader does with a malformed line (CLI flag {@code --on-error fail|skip}). */
public enum ErrorPolicy {
  /** Stop at the first malformed line with a {@link dev.seer.api.DataFormatException}. */
  FAIL,
  /** Skip malformed lines, count them and keep the first few as examples in the report. */
  SKIP
}
