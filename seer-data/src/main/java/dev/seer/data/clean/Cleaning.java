package dev.seer.data.clean;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, ordered cleaning pipeline. Each fluent call returns a new pipeline with one more
 * step; {@link #apply(Interactions)} runs the steps in order and reports what each one did.
 *
 * <pre>{@code
 * Cleaned c = Cleaning.pipeline().dedup(DedupPolicy.LAST).implicitThreshold(4f)
 *     .kCore(5, 5).compact().apply(data);
 * }</pre>
 *
 * <p>Without {@link #compact()} the user and item indices are unchanged (removed users and items
 * stay in the indices, without rows).
 */
public final class Cleaning {
  private final List<CleaningStep> steps;
  private final boolean implicit;

  private Cleaning(List<CleaningStep> steps, boolean implicit) {
    this.steps = steps;
    this.implicit = implicit;
  }

  /**
   * Returns an empty pipeline.
   *
   * @return a pipeline that changes nothing
   */
  public static Cleaning pipeline() {
    return new Cleaning(List.of(), false);
  }

  private Cleaning with(CleaningStep step, boolean nowImplicit) {
    if (implicit && step.needsRatings()) {
      throw new InputException(
          "The cleaning step "
              + step.describe()
              + " needs ratings, but an earlier implicitThreshold step drops them;"
              + " put "
              + step.describe()
              + " before implicitThreshold or remove it.");
    }
    List<CleaningStep> next = new ArrayList<>(steps);
    next.add(step);
    return new Cleaning(List.copyOf(next), implicit || nowImplicit);
  }

  /**
   * Adds a step that collapses repeated (user, item) pairs to one row.
   *
   * @param policy which row or value to keep
   * @return the extended pipeline
   */
  public Cleaning dedup(DedupPolicy policy) {
    if (policy == null) {
      throw new InputException("dedup needs a policy; pass FIRST, LAST or MEAN.");
    }
    return with(new Dedup(policy), false);
  }

  /**
   * Adds a step that keeps rows rated at least {@code minRating} and drops ratings, making the data
   * implicit. Needs ratings.
   *
   * @param minRating the lowest rating kept
   * @return the extended pipeline
   */
  public Cleaning implicitThreshold(float minRating) {
    if (!Float.isFinite(minRating)) {
      throw new InputException(
          "implicitThreshold got " + minRating + "; pass a finite rating such as 4.");
    }
    return with(new ImplicitThreshold(minRating), true);
  }

  /**
   * Adds a step that subtracts each user's mean rating. Needs ratings.
   *
   * @return the extended pipeline
   */
  public Cleaning centerPerUser() {
    return with(new CenterPerUser(), false);
  }

  /**
   * Adds a step that scales ratings linearly to [0, 1]; when all ratings are equal they all become
   * 0.5 (and the report says so). Needs ratings.
   *
   * @return the extended pipeline
   */
  public Cleaning minMax() {
    return with(new MinMax(), false);
  }

  /**
   * Adds an iterative k-core step: users with fewer than {@code minPerUser} distinct items and
   * items with fewer than {@code minPerItem} distinct users are removed, repeatedly, until none is
   * left.
   *
   * @param minPerUser least distinct items per user, at least 1
   * @param minPerItem least distinct users per item, at least 1
   * @return the extended pipeline
   */
  public Cleaning kCore(int minPerUser, int minPerItem) {
    if (minPerUser < 1 || minPerItem < 1) {
      throw new InputException(
          "kCore got minPerUser="
              + minPerUser
              + " and minPerItem="
              + minPerItem
              + "; both must be at least 1 (5 and 5 are common choices).");
    }
    return with(new KCore(minPerUser, minPerItem), false);
  }

  /**
   * Adds a step that orders rows by timestamp (stable: equal timestamps keep their order). Needs
   * timestamps.
   *
   * @return the extended pipeline
   */
  public Cleaning sortByTime() {
    return with(new SortByTime(), false);
  }

  /**
   * Adds a step that rebuilds the user and item indices with only the ids that still have rows,
   * numbered in order of first appearance.
   *
   * @return the extended pipeline
   */
  public Cleaning compact() {
    return with(new Compact(), false);
  }

  /**
   * Describes the steps in order, for example {@code [dedup(LAST), kCore(5,5)]}.
   *
   * @return one entry per step
   */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (CleaningStep s : steps) {
      out.add(s.describe());
    }
    return List.copyOf(out);
  }

  /**
   * Runs the pipeline.
   *
   * @param data the input (not modified)
   * @return the cleaned interactions and one report per step
   * @throws InputException if a step needs ratings or timestamps the data lacks
   */
  public Cleaned apply(Interactions data) {
    List<StepReport> reports = new ArrayList<>();
    Interactions cur = data;
    for (CleaningStep s : steps) {
      CleaningStep.Outcome o = s.apply(cur);
      reports.add(o.report());
      cur = o.data();
    }
    return new Cleaned(cur, reports);
  }

  @Override
  public String toString() {
    return "Cleaning" + describe();
  }
}
