package io.engagement.output;

import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import io.engagement.errors.EngagementException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the output tables as Delta tables under one output root: a day's partition is replaced
 * atomically (a rerun of the day leaves exactly its rows), {@code job_runs} is appended.
 *
 * <p>Why it is built this way:
 *
 * <ul>
 *   <li>A day is replaced with {@code replaceWhere} on the table's DATE column, not with dynamic
 *       partition overwrite: dynamic overwrite only replaces partitions the new data touches, so a
 *       rerun that yields no rows would leave the day's old rows behind.
 *   <li>Tables are created before the first write (create-if-not-exists, retried), because two
 *       writers racing to create a table with their first write make one of them fail.
 *   <li>Concurrent writers (a backfill and a daily run, or two days in parallel) get Delta's
 *       optimistic-concurrency exceptions when their commits overlap. Each attempt is a whole
 *       replace of one day (or a blind append), so retrying it is safe; the attempts are bounded.
 *   <li>Tables use only reader protocol 1 (no deletion vectors, column mapping, timestamp_ntz or
 *       v2 checkpoints), so Delta Kernel, Trino and DuckDB read them.
 *   <li>Few files per day: the tables have optimized writes on, which shuffles a write by the
 *       partition column and bin-packs each day into files of up to
 *       {@code spark.databricks.delta.optimizeWrite.binSize} (512 MiB in memory by default). A
 *       day of a table is one file, or a few for a very large day, without guessing sizes here.
 *   <li>No column statistics are collected, only each file's row count: with one unsorted file
 *       per day, the date partition already prunes all that min/max values could.
 *   <li>The rows written are counted by an {@link Observation} during the write itself, so
 *       counting them costs no second Spark job over the data.
 * </ul>
 */
public final class DeltaTableWriter {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTableWriter.class);

  /**
   * The properties of every table. Each keeps the table readable by open-source readers (reader
   * protocol 1) or bounds its storage: 30 days of log for time travel and audits, 7 days before
   * replaced files are vacuumable (a reader of an older version needs them that long).
   */
  public static final Map<String, String> TABLE_PROPERTIES = tableProperties();

  static final int MAX_ATTEMPTS = 5;
  private static final long FIRST_BACKOFF_MILLIS = 200;
  /** Commits read back to find our own; older commits are only read if a burst of writers passed us. */
  private static final String ROWS = "rows";

  private final SparkSession spark;
  private final String outputRoot;

  public DeltaTableWriter(SparkSession spark, String outputRoot) {
    this.spark = spark;
    this.outputRoot = outputRoot;
    String timestampType = spark.conf().get(DeltaSessionConfig.OUTPUT_TIMESTAMP_TYPE_KEY, "INT96");
    if (!DeltaSessionConfig.TIMESTAMP_MICROS.equalsIgnoreCase(timestampType)) {
      throw new IllegalStateException(
          DeltaSessionConfig.OUTPUT_TIMESTAMP_TYPE_KEY + " is " + timestampType
              + ", the tables need " + DeltaSessionConfig.TIMESTAMP_MICROS
              + ": build the session with DeltaSessionConfig");
    }
  }

  /** Where a table lives: {@code <output-root>/<table name>}, for paths and URIs alike. */
  public String pathOf(Tables table) {
    return pathOf(outputRoot, table);
  }

  static String pathOf(String outputRoot, Tables table) {
    return stripTrailingSlash(outputRoot) + "/" + table.tableName();
  }

  /**
   * Creates the table with this schema, partitioned by its date column and with {@link
   * #TABLE_PROPERTIES}, unless it exists. An existing table is left as it is: new columns are
   * added by the writes ({@code mergeSchema}), never here.
   */
  public void ensureTable(Tables table, StructType schema) {
    validateSchema(table, schema);
    String path = pathOf(table);
    if (DeltaTable.isDeltaTable(spark, path)) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        // Hadoop's Path spells the location the way Delta qualifies it (file:/x, not file:///x);
        // otherwise Delta sees two different locations for one table and refuses to create it.
        var builder =
            DeltaTable.createIfNotExists(spark)
                .location(new Path(path).toString())
                .addColumns(nullable(schema))
                .partitionedBy(table.dateColumn());
        TABLE_PROPERTIES.forEach(builder::property);
        builder.execute();
        return;
      } catch (Exception e) {
        // A concurrent creator won the race (or is still writing its first commit, which makes
        // the location "not empty and not a Delta table" for a moment): its table is the one we
        // wanted, so check again, after a pause if it is not there yet. Delta's analysis errors
        // are checked exceptions in Java's eyes, hence Exception.
        if (DeltaTable.isDeltaTable(spark, path)) {
          return;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw EngagementException.runFailed(
              "creating table " + table.tableName() + " at " + path + " failed after " + attempt
                  + " attempts: " + firstLine(e) + "; check the output root and retry the run",
              e);
        }
        LOG.warn("creating {} failed (attempt {}), retrying: {}", path, attempt, firstLine(e));
        backoff(attempt);
      }
    }
  }

  /**
   * Replaces one day's partition of a table with these rows, atomically: readers see either the
   * old day or the new one. Empty rows empty the day. Every row's date column must be {@code
   * day}; Delta checks it and refuses the write otherwise. Columns the table lacks are added;
   * the other days are untouched.
   *
   * @return the number of rows written
   */
  public long replaceDay(Tables table, LocalDate day, Dataset<Row> rows) {
    ensureTable(table, rows.schema());
    String condition = table.dateColumn() + " = DATE'" + day + "'";
    return commit(
        table,
        table.tableName() + " " + day,
        rows,
        observed ->
            observed.write()
                .format("delta")
                .mode(SaveMode.Overwrite)
                .option("replaceWhere", condition)
                .option("mergeSchema", "true"));
  }

  /** Appends rows (job_runs: a rerun adds rows, never replaces them). */
  public long append(Tables table, Dataset<Row> rows) {
    ensureTable(table, rows.schema());
    return commit(
        table,
        table.tableName() + " append",
        rows,
        observed -> observed.write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true"));
  }

  private interface Write {
    DataFrameWriter<Row> writer(Dataset<Row> observedRows);
  }

  /**
   * Runs one write with retries and returns how many rows it wrote. The rows are counted by an
   * {@link Observation} while they are written, so no second Spark job recounts the data, and
   * the count does not depend on what Delta records for a commit (an empty write of a new table
   * may record nothing at all).
   */
  private long commit(Tables table, String what, Dataset<Row> rows, Write write) {
    String path = pathOf(table);
    for (int attempt = 1; ; attempt++) {
      Observation observation = new Observation();
      try {
        write.writer(rows.observe(observation, functions.count(functions.lit(1)).as(ROWS))).save(path);
        return observedRows(observation);
      } catch (RuntimeException e) {
        if (!isConcurrentModification(e)) {
          throw e;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw EngagementException.runFailed(
              "writing " + what + " at " + path + " failed after " + attempt
                  + " attempts, other writers kept changing the table: " + firstLine(e)
                  + "; retry the run when they are done",
              e);
        }
        LOG.warn("writing {} conflicted with another writer (attempt {}), retrying: {}", what, attempt, firstLine(e));
        backoff(attempt);
      }
    }
  }

  private static long observedRows(Observation observation) {
    try {
      return ((Number) observation.getAsJava().get(ROWS)).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the rows written", e);
    }
  }

  static boolean isConcurrentModification(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private static void validateSchema(Tables table, StructType schema) {
    if (!Arrays.asList(schema.fieldNames()).contains(table.dateColumn())) {
      throw new IllegalArgumentException(
          "rows for " + table.tableName() + " have no " + table.dateColumn() + " column: " + schema.simpleString());
    }
    DataType dateType = schema.apply(table.dateColumn()).dataType();
    if (!DataTypes.DateType.equals(dateType)) {
      throw new IllegalArgumentException(
          table.tableName() + "." + table.dateColumn() + " must be DATE, is " + dateType.simpleString());
    }
    for (StructField field : schema.fields()) {
      if (containsTimestampNtz(field.dataType())) {
        throw new IllegalArgumentException(
            table.tableName() + "." + field.name() + " is TIMESTAMP_NTZ, which raises the table's reader"
                + " protocol: use TIMESTAMP (an instant)");
      }
    }
  }

  private static boolean containsTimestampNtz(DataType type) {
    if (type instanceof TimestampNTZType) {
      return true;
    }
    if (type instanceof StructType s) {
      return Arrays.stream(s.fields()).anyMatch(f -> containsTimestampNtz(f.dataType()));
    }
    if (type instanceof ArrayType a) {
      return containsTimestampNtz(a.elementType());
    }
    if (type instanceof MapType m) {
      return containsTimestampNtz(m.keyType()) || containsTimestampNtz(m.valueType());
    }
    return false;
  }

  /**
   * The schema with every field nullable. A Spark plan often marks a column non-nullable (a
   * count, a literal); as a table column that would become a NOT NULL constraint that a later
   * run, or a new column added by schema evolution, could break.
   */
  static StructType nullable(StructType schema) {
    return (StructType) nullableType(schema);
  }

  private static DataType nullableType(DataType type) {
    if (type instanceof StructType s) {
      StructField[] fields =
          Arrays.stream(s.fields())
              .map(f -> new StructField(f.name(), nullableType(f.dataType()), true, f.metadata()))
              .toArray(StructField[]::new);
      return new StructType(fields);
    }
    if (type instanceof ArrayType a) {
      return DataTypes.createArrayType(nullableType(a.elementType()), true);
    }
    if (type instanceof MapType m) {
      return DataTypes.createMapType(nullableType(m.keyType()), nullableType(m.valueType()), true);
    }
    return type;
  }

  private static Map<String, String> tableProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("delta.minReaderVersion", "1");
    p.put("delta.minWriterVersion", "2");
    p.put("delta.enableDeletionVectors", "false");
    p.put("delta.columnMapping.mode", "none");
    p.put("delta.checkpointPolicy", "classic");
    p.put("delta.logRetentionDuration", "interval 30 days");
    p.put("delta.deletedFileRetentionDuration", "interval 7 days");
    p.put("delta.autoOptimize.optimizeWrite", "true");
    // No per-column min/max/null statistics, only each file's row count: a day is one file of
    // every user in no particular order, so the date partition is all a reader can skip by, and
    // the statistics cost a quarter of a large table's write (benchmarks/README.md, change 26).
    p.put("delta.dataSkippingNumIndexedCols", "0");
    return Collections.unmodifiableMap(p);
  }

  static void backoff(int attempt) {
    long base = FIRST_BACKOFF_MILLIS << (attempt - 1);
    // Jitter, so writers that collided once do not collide again in lockstep.
    long millis = base + ThreadLocalRandom.current().nextLong(base);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a Delta write", e);
    }
  }

  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String stripTrailingSlash(String root) {
    String r = root;
    while (r.endsWith("/") && r.length() > 1) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
