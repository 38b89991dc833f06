package dev.seer.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Creates Spark sessions: the cluster's under spark-submit, a local one in tests and benchmarks.
 */
public final class Sessions {
  private Sessions() {}

  /**
   * Returns the session configured by spark-submit, or a local session on all cores when no master
   * was given (running the jar directly).
   *
   * @param app application name
   * @return the session
   */
  public static SparkSession fromEnvironment(String app) {
    SparkSession.Builder b = SparkSession.builder().appName(app);
    if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    return b.getOrCreate();
  }

  /**
   * Returns a local session with the UI off and few shuffle partitions, for tests and benchmarks.
   *
   * @param master e.g. {@code local[2]}
   * @param shufflePartitions {@code spark.sql.shuffle.partitions}
   * @return the session
   */
  public static SparkSession local(String master, int shufflePartitions) {
    return SparkSession.builder()
        .appName("seer")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
        .config("spark.default.parallelism", Integer.toString(shufflePartitions))
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
