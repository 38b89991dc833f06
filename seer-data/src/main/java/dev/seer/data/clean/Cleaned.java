package dev.seer.data.clean;

import dev.seer.api.Interactions;
import java.util.List;

/**
 * The result of a cleaning pipeline.
 *
 * @param interactions the cleaned interactions
 * @param steps one report per step, in pipeline order
 */
public record Cleaned(Interactions interactions, List<StepReport> steps) {
  /** Copies the step list. */
  public Cleaned {
    steps = List.copyOf(steps);
  }
}
