/**
 * Seer's pipeline on Apache Spark: reading (CSV, TSV, JSON lines, Parquet) with the same
 * malformed-row policy as seer-data, cleaning, k-core and the very same per-user splits ({@link
 * dev.seer.data.split.PerUser}), MLlib ALS and distributed item-kNN training, distributed
 * full-ranking evaluation, batch top-N to Parquet, and export of ALS models in Seer's model file
 * format so that {@code seer serve} deploys them. {@link dev.seer.spark.SeerSpark} is the {@code
 * spark-submit} entry point.
 */
package dev.seer.spark;
