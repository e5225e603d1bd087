package io.engagement.output;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark settings every session that writes our tables needs, in one place, so a local run
 * and a spark-submit on a cluster write the same files.
 *
 * <p>Why each setting: Delta's SQL extension and catalog make {@code delta.`path`} and the
 * Delta builder work; Parquet timestamps are written as INT64 TIMESTAMP_MICROS because Spark's
 * INT96 default is deprecated and read differently (or not at all) by Trino, DuckDB and Delta
 * Kernel; the session time zone is UTC so that instants print and cast the same on every
 * machine (business days use the configured zone explicitly); adaptive execution coalesces the
 * small shuffles of a daily run, and an aggregation over rows already sorted by its keys streams
 * over them ({@link #SORT_AGGREGATE_ON_SORTED_INPUT_KEY}). The {@code properties.defaults} settings keep a table created
 * outside {@link DeltaTableWriter} (say, by a SQL user) on reader protocol 1 too.
 */
public final class DeltaSessionConfig {
  static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String EXTENSIONS_KEY = "spark.sql.extensions";
  public static final String OUTPUT_TIMESTAMP_TYPE_KEY = "spark.sql.parquet.outputTimestampType";
  public static final String TIMESTAMP_MICROS = "TIMESTAMP_MICROS";
  /**
   * An aggregation whose input already comes sorted by its keys streams over it instead of
   * building a hash map (a hash map of collected sets falls back to sorting everything again past
   * 128 keys). Turned on for the daily activity's aggregation of sorted events (benchmarks/,
   * change 9); the activity now folds its sorted events without an aggregation (change 16), and
   * the setting stays for the other aggregations over sorted rows, not measured again since.
   */
  public static final String SORT_AGGREGATE_ON_SORTED_INPUT_KEY = "spark.sql.execution.replaceHashWithSortAgg";
  /**
   * HotSpot never JIT-compiles a method of more than 8,000 bytes of bytecode, and whole-stage code
   * generation writes bigger ones for wide projections (the scores' maps of metrics and
   * sub-scores), which then run interpreted. Measured on a 10M-event day: the scores stage took
   * 15.3 s without this option and 7.3 s with it, the whole run 122.1 s and 110.1 s (Spark's
   * own alternative, {@code spark.sql.codegen.hugeMethodLimit=8000}, gave 122.7 s). Executors get
   * it from {@link #apply} unless their options are set explicitly; a driver's JVM is started
   * before any session, so the scripts pass it (scripts/lib/java.sh), as should a spark-submit
   * in local mode ({@code --driver-java-options}).
   */
  public static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";
  static final String EXECUTOR_JAVA_OPTIONS_KEY = "spark.executor.extraJavaOptions";
  /** The partitions a shuffle starts with before adaptive execution merges the small ones. */
  public static final String INITIAL_PARTITIONS_KEY = "spark.sql.adaptive.coalescePartitions.initialPartitionNum";
  /** Local runs start a shuffle with this many partitions per core ({@link #localDefaults}). */
  static final int INITIAL_PARTITIONS_PER_CORE = 16;

  public static final String LISTING_PARALLELISM_KEY =
      "spark.sql.sources.parallelPartitionDiscovery.parallelism";

  private DeltaSessionConfig() {}

  /**
   * Adds the Delta and output settings to a builder; Spark extensions already configured are
   * kept, and {@link #defaultsUnlessSet} are added where nothing is set.
   */
  public static SparkSession.Builder apply(SparkSession.Builder builder) {
    SparkConf conf = new SparkConf();
    settings(conf.get(EXTENSIONS_KEY, "")).forEach(builder::config);
    defaultsUnlessSet(conf).forEach(builder::config);
    return builder;
  }

  /**
   * The settings {@link #apply} adds only where the configuration has none: the sort aggregate
   * ({@link #SORT_AGGREGATE_ON_SORTED_INPUT_KEY}) and the executors' JVM option {@link
   * #COMPILE_HUGE_METHODS}.
   */
  static Map<String, String> defaultsUnlessSet(SparkConf conf) {
    Map<String, String> s = new LinkedHashMap<>();
    if (!conf.contains(SORT_AGGREGATE_ON_SORTED_INPUT_KEY)) {
      s.put(SORT_AGGREGATE_ON_SORTED_INPUT_KEY, "true");
    }
    if (!conf.contains(EXECUTOR_JAVA_OPTIONS_KEY)) {
      s.put(EXECUTOR_JAVA_OPTIONS_KEY, COMPILE_HUGE_METHODS);
    }
    return s;
  }

  /** The settings {@link #apply} adds, given the extensions configured so far. */
  static Map<String, String> settings(String configuredExtensions) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(EXTENSIONS_KEY, extensionsWithDelta(configuredExtensions));
    s.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    s.put(OUTPUT_TIMESTAMP_TYPE_KEY, TIMESTAMP_MICROS);
    s.put("spark.sql.session.timeZone", "UTC");
    s.put("spark.sql.adaptive.enabled", "true");
    s.put("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false");
    s.put("spark.databricks.delta.properties.defaults.columnMapping.mode", "none");
    s.put("spark.databricks.delta.properties.defaults.checkpointPolicy", "classic");
    return s;
  }

  /**
   * The job's session. Under spark-submit the cluster's master is used (spark-submit passes it
   * as {@code spark.master}); a plain {@code java -jar} run (scripts/run.sh) has none and runs on
   * local Spark with every core.
   */
  public static SparkSession getOrCreate(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
      localDefaults(conf, Runtime.getRuntime().availableProcessors()).forEach(builder::config);
    }
    return apply(builder).getOrCreate();
  }

  /**
   * Sizes for one machine, unless set explicitly: Spark's 200 shuffle partitions and Delta's 50
   * snapshot partitions are made for clusters and make a laptop schedule thousands of tiny tasks
   * per day (measured: 170 s instead of 60 s for a sample day on 2 cores); so is the listing
   * parallelism of VACUUM.
   *
   * <p>Adaptive execution starts each shuffle of a query with {@link #INITIAL_PARTITIONS_PER_CORE}
   * partitions a core and merges them down to at least 1 MB each, so a small day still runs a
   * few tasks per shuffle while a large day's shuffles are cut fine enough that a task's sort
   * fits in memory: with the 4 partitions of 2 cores, the 30M-event day's activity sorted 8M
   * events a task and spilled 3.6 GB to disk.
   */
  static Map<String, String> localDefaults(SparkConf conf, int cores) {
    Map<String, String> s = new LinkedHashMap<>();
    String partitions = Integer.toString(Math.max(2, 2 * cores));
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      s.put("spark.sql.shuffle.partitions", partitions);
      if (!conf.contains(INITIAL_PARTITIONS_KEY)) {
        s.put(INITIAL_PARTITIONS_KEY, Integer.toString(INITIAL_PARTITIONS_PER_CORE * Math.max(1, cores)));
      }
    }
    if (!conf.contains("spark.databricks.delta.snapshotPartitions")) {
      s.put("spark.databricks.delta.snapshotPartitions", partitions);
    }
    // Delta's VACUUM lists a table's folders as a Spark job of this many tasks (10000 by default),
    // which makes a local VACUUM of even a tiny table take tens of seconds.
    if (!conf.contains(LISTING_PARALLELISM_KEY)) {
      s.put(LISTING_PARALLELISM_KEY, partitions);
    }
    s.put("spark.ui.showConsoleProgress", "false");
    return s;
  }

  /** The comma-separated extension list with Delta's added once. */
  static String extensionsWithDelta(String configured) {
    Set<String> extensions = new LinkedHashSet<>();
    Arrays.stream(configured.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .forEach(extensions::add);
    extensions.add(DELTA_EXTENSION);
    return String.join(",", extensions);
  }
}
