package dev.seer.data.io;

import dev.seer.api.Dataset;
import java.util.List;

/**
 * A dataset and one report per file read to build it (interactions file first).
 *
 * @param dataset the dataset
 * @param reports what was read from each file
 */
public record ReadResult(Dataset dataset, List<ReadReport> reports) {
  /** Validates and copies. */
  public ReadResult {
    if (dataset == null) {
      throw new IllegalArgumentException("dataset");
    }
    reports = reports == null ? List.of() : List.copyOf(reports);
  }

  /**
   * Returns the total number of skipped records over all files.
   *
   * @return skipped records
   */
  public long skipped() {
    long s = 0;
    for (ReadReport r : reports) {
      s += r.skipped();
    }
    return s;
  }
}
