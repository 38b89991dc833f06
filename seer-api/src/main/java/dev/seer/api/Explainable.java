package dev.seer.api;

import java.util.List;

/** Ability to give the evidence behind a score. */
public interface Explainable {
  /**
   * Returns the strongest reasons why {@code item} scores as it does for {@code user}, strongest
   * first.
   *
   * @param user user index
   * @param item item index
   * @param max the most reasons to return
   * @return reasons, possibly empty
   */
  List<Reason> explain(int user, int item, int max);
}
