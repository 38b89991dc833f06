package dev.seer.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place tests find the shared datasets ({@code ../shared/data} beside the repository). The
 * environment variable {@code SEER_SHARED_DATA} overrides the search. A test that needs a missing
 * dataset fails with a message that says where it looked.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns the shared data folder.
   *
   * @return the folder holding {@code movielens-100k/} and the others
   * @throws IllegalStateException with the places searched, when none exists
   */
  public static Path root() {
    String env = System.getenv("SEER_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      if (Files.isDirectory(p)) {
        return p;
      }
      throw new IllegalStateException(
          "SEER_SHARED_DATA=" + env + " is not a folder; point it at shared/data.");
    }
    Path dir = Path.of("").toAbsolutePath();
    StringBuilder tried = new StringBuilder();
    for (Path d = dir; d != null; d = d.getParent()) {
      for (Path candidate : new Path[] {d.resolve("shared/data"), d.resolve("../shared/data")}) {
        Path c = candidate.normalize();
        if (Files.isDirectory(c.resolve("movielens-100k"))) {
          return c;
        }
        tried.append(' ').append(c);
      }
    }
    throw new IllegalStateException(
        "The shared datasets were not found (looked in:"
            + tried
            + "); put shared/ beside the repository or set SEER_SHARED_DATA.");
  }

  /**
   * Returns a dataset folder or file below the shared data folder.
   *
   * @param relative path below {@code shared/data}
   * @return the path
   * @throws IllegalStateException if it does not exist
   */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException(
          p + " is missing from the shared datasets; see shared/data/README.md.");
    }
    return p;
  }

  /**
   * Returns the MovieLens 100K folder.
   *
   * @return the folder with u.data, u.item, u1.base ...
   */
  public static Path movieLens100k() {
    return path("movielens-100k");
  }

  /**
   * Returns the MovieLens latest-small folder.
   *
   * @return the folder with ratings.csv, movies.csv ...
   */
  public static Path movieLensLatestSmall() {
    return path("movielens-latest-small");
  }

  /**
   * Returns the MovieLens 1M folder (movies.dat, users.dat, derived/).
   *
   * @return the folder
   */
  public static Path movieLens1m() {
    return path("movielens-1m");
  }

  /**
   * Returns the Amazon 2014 Musical Instruments 5-core reviews file.
   *
   * @return the .json.gz file
   */
  public static Path amazonMusicalInstruments() {
    return path("amazon-2014-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz");
  }
}
