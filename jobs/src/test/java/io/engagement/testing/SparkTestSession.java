package io.engagement.testing;

import io.engagement.output.DeltaSessionConfig;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the whole test suite: starting Spark with Delta costs seconds,
 * so every test class of a surefire fork shares it (each fork is reused for many classes). Small and
 * deterministic: local[2], few shuffle partitions, no UI, UTC.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  /** One per surefire fork, so parallel forks never share a warehouse folder. */
  private static String warehouseDir() {
    return System.getProperty("java.io.tmpdir") + "/engagement-test-warehouse-"
        + System.getProperty("test.fork.number", "0");
  }

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("engagement-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config(DeltaSessionConfig.SORT_AGGREGATE_ON_SORTED_INPUT_KEY, "true")
              .config("spark.sql.warehouse.dir", warehouseDir())
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
