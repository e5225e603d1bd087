package io.engagement.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads what earlier runs wrote: days of a table (the history a day depends on) and, from
 * {@code job_runs}, which days were processed, for gap, stale-day and volume checks.
 *
 * <p>A day counts as processed when its latest run (by finish time) succeeded: a day whose rerun
 * failed a quality gate has tables from that rerun's partial writes, so it is not processed.
 */
public final class TableReader {
  private static final String LATEST = "_latest";

  private final SparkSession spark;
  private final String outputRoot;

  public TableReader(SparkSession spark, String outputRoot) {
    this.spark = spark;
    this.outputRoot = outputRoot;
  }

  public boolean exists(Tables table) {
    return DeltaTable.isDeltaTable(spark, path(table));
  }

  /**
   * The table's rows from {@code fromInclusive} to {@code toInclusive} by its date column; the
   * filter is on the partition column, so only those days' files are read. Empty when the table
   * was never written.
   */
  public Optional<Dataset<Row>> readDays(Tables table, LocalDate fromInclusive, LocalDate toInclusive) {
    if (!exists(table)) {
      return Optional.empty();
    }
    Dataset<Row> rows = spark.read().format("delta").load(path(table));
    return Optional.of(rows.where(col(table.dateColumn()).between(lit(fromInclusive), lit(toInclusive))));
  }

  /** The days whose latest run succeeded. */
  public SortedSet<LocalDate> processedDays() {
    SortedSet<LocalDate> days = new TreeSet<>();
    latestSucceededRuns().ifPresent(runs ->
        runs.select(Columns.RUN_DATE).collectAsList()
            .forEach(r -> days.add(JobRunsTable.localDate(r.get(0)))));
    return Collections.unmodifiableSortedSet(days);
  }

  /**
   * The run that made {@code day}'s partitions: its latest run, if that succeeded (the benchmark
   * copies a processed day's output and its job_runs row to other dates). Empty otherwise.
   */
  public Optional<JobRun> succeededRun(LocalDate day) {
    return latestSucceededRuns().flatMap(runs ->
        runs.where(col(Columns.RUN_DATE).equalTo(lit(day))).collectAsList().stream()
            .findFirst()
            .map(JobRunsTable::fromRow));
  }

  /**
   * Accepted events of the latest {@code maxDays} processed days before {@code day}, by day: the
   * baseline of the volume gate (contract.md, {@code quality.min-volume-ratio}).
   */
  public SortedMap<LocalDate, Long> acceptedEventsBefore(LocalDate day, int maxDays) {
    TreeMap<LocalDate, Long> all = new TreeMap<>();
    latestSucceededRuns().ifPresent(runs ->
        runs.where(col(Columns.RUN_DATE).lt(lit(day)))
            .select(Columns.RUN_DATE, Columns.EVENTS_ACCEPTED)
            .collectAsList()
            .forEach(r -> all.put(JobRunsTable.localDate(r.get(0)), r.getLong(1))));
    while (all.size() > maxDays) {
      all.pollFirstEntry();
    }
    return Collections.unmodifiableSortedMap(all);
  }

  /**
   * Rows of the day's rejected_records partition per source, as written: the rejected term of the
   * row accounting ({@code io.engagement.input.RowAccounting}). Empty when the table does not exist.
   */
  public Map<String, Long> rejectedRowsBySource(LocalDate day) {
    Map<String, Long> rows = new HashMap<>();
    readDays(Tables.REJECTED_RECORDS, day, day).ifPresent(rejected ->
        rejected.groupBy(Columns.SOURCE).count().collectAsList()
            .forEach(r -> rows.put(r.getString(0), r.getLong(1))));
    return rows;
  }

  /**
   * The latest job_runs row of every day, kept only if it succeeded. Ties on finish time (two
   * runs finishing in the same microsecond) go to the later start, then the larger run id, so
   * the answer does not depend on file order.
   */
  private Optional<Dataset<Row>> latestSucceededRuns() {
    if (!exists(Tables.JOB_RUNS)) {
      return Optional.empty();
    }
    Dataset<Row> runs = spark.read().format("delta").load(path(Tables.JOB_RUNS));
    var latestFirst =
        Window.partitionBy(Columns.RUN_DATE)
            .orderBy(col(Columns.FINISHED_AT).desc(), col(Columns.STARTED_AT).desc(), col(Columns.RUN_ID).desc());
    return Optional.of(
        runs.withColumn(LATEST, row_number().over(latestFirst))
            .where(col(LATEST).equalTo(1).and(col(Columns.STATUS).equalTo(JobRun.Status.SUCCEEDED.value())))
            .drop(LATEST));
  }

  private String path(Tables table) {
    return DeltaTableWriter.pathOf(outputRoot, table);
  }
}
