package dev.seer.data.clean;

import dev.seer.api.Interactions;

/** One step of a {@link Cleaning} pipeline. Implementations are immutable. */
interface CleaningStep {
  /**
   * Describes the step with its parameters, for example {@code kCore(5,5)}.
   *
   * @return the description
   */
  String describe();

  /**
   * Tells whether the step needs explicit ratings.
   *
   * @return true if it fails on implicit data
   */
  boolean needsRatings();

  /**
   * Applies the step.
   *
   * @param in the input
   * @return the output and the report
   */
  Outcome apply(Interactions in);

  /** What a step produced. */
  record Outcome(Interactions data, StepReport report) {}
}
