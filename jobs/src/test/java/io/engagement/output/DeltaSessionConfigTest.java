package io.engagement.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.delta.tables.DeltaTable;
import io.engagement.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaSessionConfigTest {
  private static final String DELTA = "io.delta.sql.DeltaSparkSessionExtension";

  @TempDir Path root;

  @Test
  void deltaIsAddedToTheConfiguredExtensionsOnce() {
    assertEquals(DELTA, DeltaSessionConfig.extensionsWithDelta(""));
    assertEquals("com.example.Ext," + DELTA, DeltaSessionConfig.extensionsWithDelta("com.example.Ext"));
    assertEquals("com.example.Ext," + DELTA, DeltaSessionConfig.extensionsWithDelta(" com.example.Ext , " + DELTA));
  }

  @Test
  void theTableDefaultsAreAcceptedByDeltaAndKeepSqlCreatedTablesOnReaderProtocolOne() {
    // a fresh session on the shared context, so the shared test session's conf is not changed
    SparkSession session = SparkTestSession.get().newSession();
    DeltaSessionConfig.settings("").forEach((key, value) -> {
      if (session.conf().isModifiable(key)) {
        session.conf().set(key, value);
      }
    });
    String path = root.resolve("by_sql").toString();

    session.sql("CREATE TABLE delta.`" + path + "` (id STRING, d DATE) USING delta PARTITIONED BY (d)");

    Row detail = DeltaTable.forPath(session, path).detail().first();
    assertEquals(1, detail.<Integer>getAs("minReaderVersion"));
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertFalse("true".equals(properties.get("delta.enableDeletionVectors")), properties.toString());
  }

  @Test
  void localRunsGetSmallShuffleAndSnapshotPartitionsUnlessSet() {
    // 2 cores -> 2 * 2 = 4 partitions
    var defaults = DeltaSessionConfig.localDefaults(new org.apache.spark.SparkConf(false), 2);
    org.junit.jupiter.api.Assertions.assertEquals("4", defaults.get("spark.sql.shuffle.partitions"));
    org.junit.jupiter.api.Assertions.assertEquals("4", defaults.get("spark.databricks.delta.snapshotPartitions"));
    org.junit.jupiter.api.Assertions.assertEquals("4", defaults.get(DeltaSessionConfig.LISTING_PARALLELISM_KEY));
    // adaptive execution starts a shuffle with 16 * 2 = 32 partitions and merges small ones
    assertEquals("32", defaults.get(DeltaSessionConfig.INITIAL_PARTITIONS_KEY));
    var explicit =
        DeltaSessionConfig.localDefaults(
            new org.apache.spark.SparkConf(false).set("spark.sql.shuffle.partitions", "64"), 2);
    org.junit.jupiter.api.Assertions.assertFalse(explicit.containsKey("spark.sql.shuffle.partitions"));
    // an explicit shuffle partition count is what adaptive execution starts from too
    assertFalse(explicit.containsKey(DeltaSessionConfig.INITIAL_PARTITIONS_KEY));
  }

  @Test
  void theSortAggregateAndTheExecutorsJitOptionAreDefaultsAnExplicitSettingKeeps() {
    var none = DeltaSessionConfig.defaultsUnlessSet(new org.apache.spark.SparkConf(false));
    assertEquals("true", none.get(DeltaSessionConfig.SORT_AGGREGATE_ON_SORTED_INPUT_KEY));
    assertEquals("-XX:-DontCompileHugeMethods", none.get("spark.executor.extraJavaOptions"));
    var explicit =
        DeltaSessionConfig.defaultsUnlessSet(
            new org.apache.spark.SparkConf(false)
                .set("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1")
                .set(DeltaSessionConfig.SORT_AGGREGATE_ON_SORTED_INPUT_KEY, "false"));
    assertEquals(Map.of(), explicit);
  }
}
