package dev.seer.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for all tests of the module (local[2], UI off, 4 shuffle partitions). */
final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  static synchronized SparkSession get() {
    if (spark == null) {
      spark = Sessions.local("local[2]", 4);
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }
}
