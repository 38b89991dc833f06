package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/** Divides interactions into train and test parts (and, for some splitters, fold-in). */
public interface Splitter {
  /**
   * Splits the data. The parts share the input's id indices.
   *
   * @param data the interactions
   * @return the split, named after this splitter and its parameters
   */
  Split split(Interactions data);

  /**
   * Describes the splitter with its parameters and seed, for reports.
   *
   * @return the description
   */
  String describe();
}
