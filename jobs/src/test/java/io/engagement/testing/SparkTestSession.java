package io.engagement.testing;

import io.engagement.output.DeltaSessionConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the whole test suite: starting Spark with Delta costs seconds,
 * so every test class of a surefire fork shares it (each fork is reused for many classes). Small and
 * deterministic: local[2], few shuffle partitions, no UI, UTC.
 */
public final class SparkTestSession {
  /**
   * The session's sizes, also set as system properties. The job's session ({@code
   * DeltaSessionConfig.getOrCreate}, called by every JobRunner and CLI command) takes {@code spark.*}
   * system properties as explicit settings, like a {@code --conf}, and leaves them alone; without
   * them it applies its local defaults (2 x cores) to this shared session at the first day run, and
   * every later test ran with 4 shuffle and 4 snapshot partitions (and DeterminismTest's own
   * partition counts were overwritten). Measured on a tiny day: about 17% more CPU for a day run and
   * 27% more for reading a table with 4 than with 2.
   */
  static final Map<String, String> SIZES =
      Map.of(
          "spark.sql.shuffle.partitions", "2",
          "spark.databricks.delta.snapshotPartitions", "2",
          "spark.sql.sources.parallelPartitionDiscovery.parallelism", "2");

  /**
   * Compiled generated code kept for reuse. A day's run compiles about 430 generated classes
   * (Janino), more than Spark's default cache of 100 holds, so every run compiled them all again
   * (and the JIT then compiled the new classes); with room for 2000, a repeated day compiles next to
   * none. Measured on a tiny day run repeatedly: about 25% less CPU per run. Only the reuse of
   * compiled code changes, not what runs.
   */
  static final String CODEGEN_CACHE_ENTRIES = "2000";

  /**
   * Interpreted instead of generated code wherever Spark offers both (projections, predicates and
   * orderings outside whole-stage code generation); whole stages are still generated and compiled.
   * On tiny data, generating the code costs far more than running it: every task that touches a
   * Delta table's log state builds the source of a projection over Delta's action schema (hundreds
   * of fields), and the compiled-code cache above only helps once that source exists. Profiled on a
   * warm sample day, building that source was 30% of the JVM's samples; with interpreted
   * projections a warm day run took 25-38 s of CPU against 47-61 s. Both paths compute the same
   * values (Spark's own test suites check them against each other). The job keeps Spark's default:
   * on a 1M-event day of 300k users interpreted projections made a warm run slower (100.7-103.0 s
   * against 70.9-90.4 s). The runs that test the job as it ships keep that default: the cluster
   * test and the local run beside it, and one side of DeterminismTest, which compares it with an
   * interpreted run. With this setting the clean-clone CI took 14 min 33 s instead of 17 min 10 s.
   */
  static final String CODEGEN_FACTORY_MODE = "NO_CODEGEN";

  public static final String CODEGEN_FACTORY_MODE_KEY = "spark.sql.codegen.factoryMode";

  /**
   * The interpreted projections above as {@code spark.*} system properties, for a job in a child
   * JVM ({@link ChildJob}) that tests something other than Spark's code generation.
   */
  public static final Map<String, String> INTERPRETED_PROJECTIONS =
      Map.of(CODEGEN_FACTORY_MODE_KEY, CODEGEN_FACTORY_MODE);

  private static SparkSession session;

  private SparkTestSession() {}

  /** One per surefire fork, so parallel forks never share a warehouse folder. */
  private static String warehouseDir() {
    return System.getProperty("java.io.tmpdir") + "/engagement-test-warehouse-"
        + System.getProperty("test.fork.number", "0");
  }

  public static synchronized SparkSession get() {
    if (session == null) {
      SIZES.forEach(System::setProperty);
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
              .config("spark.sql.codegen.cache.maxEntries", CODEGEN_CACHE_ENTRIES)
              .config(CODEGEN_FACTORY_MODE_KEY, CODEGEN_FACTORY_MODE)
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
