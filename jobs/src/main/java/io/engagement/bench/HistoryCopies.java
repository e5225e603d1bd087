package io.engagement.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;

import io.engagement.errors.EngagementException;
import io.engagement.output.DeltaTableWriter;
import io.engagement.output.JobRun;
import io.engagement.output.JobRunsTable;
import io.engagement.output.RunIds;
import io.engagement.output.TableReader;
import io.engagement.output.Tables;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Makes history days by copying one processed day's output to older dates, instead of running the
 * job for each of them. A history day run by the job costs tens of seconds of fixed overhead (a
 * Delta write per table), so a 365-day history takes hours; yet all a daily run asks of its past is
 * the days' partitions, read by date, and the days' job_runs rows (processed days, the volume
 * gate). A copy gives it both, for the price of one Spark job and one Delta commit per table.
 *
 * <p>For every day table, the template day's partition is written again with only its date column
 * changed, all copied days in one append; days older than the job's reach, whose volume the run
 * never reads, get only the first {@code sampleRows} rows of it. Then job_runs gets, for every
 * copied day, the template's succeeded row with that day and a run id of its own, last, as the job
 * writes it last: a copied day counts as processed only once its tables are there. Every other
 * column, run ids and counts included, is the template's: the copies are for timing, not for their
 * numbers.
 */
final class HistoryCopies {
  private HistoryCopies() {}

  /**
   * The days of a history made by copying {@code template}.
   *
   * @param fullDays days within the job's reach: the template's every row
   * @param sampledDays days beyond it: at most {@code sampleRows} rows per table
   */
  record CopiedDays(LocalDate template, List<LocalDate> fullDays, List<LocalDate> sampledDays, int sampleRows) {
    CopiedDays {
      fullDays = List.copyOf(fullDays);
      sampledDays = List.copyOf(sampledDays);
      if (sampleRows < 0) {
        throw new IllegalArgumentException("sampleRows " + sampleRows + " is negative");
      }
    }

    int count() {
      return fullDays.size() + sampledDays.size();
    }

    List<LocalDate> all() {
      return Stream.concat(fullDays.stream(), sampledDays.stream()).toList();
    }
  }

  /**
   * Copies the template day of an output root to the other days; the template must be processed.
   *
   * @return rows written per table name, job_runs last
   */
  static Map<String, Long> copy(SparkSession spark, String outputRoot, CopiedDays days) {
    TableReader reader = new TableReader(spark, outputRoot);
    JobRun templateRun = reader.succeededRun(days.template()).orElseThrow(() -> EngagementException.runFailed(
        "the template day " + days.template() + " has no succeeded run in " + outputRoot
            + ": process it before copying it", null));
    DeltaTableWriter writer = new DeltaTableWriter(spark, outputRoot);
    Map<String, Long> written = new LinkedHashMap<>();
    for (Tables table : Tables.dayTables()) {
      Dataset<Row> template = reader.readDays(table, days.template(), days.template())
          .orElseThrow(() -> new IllegalStateException(table.tableName() + " is missing from " + outputRoot
              + " although " + days.template() + " was processed"));
      written.put(table.tableName(), writer.append(table, copies(template, table.dateColumn(), days)));
    }
    List<Row> runs = days.all().stream().map(day -> JobRunsTable.toRow(onDay(templateRun, day))).toList();
    written.put(Tables.JOB_RUNS.tableName(),
        writer.append(Tables.JOB_RUNS, spark.createDataFrame(runs, JobRunsTable.SCHEMA)));
    return written;
  }

  /** The template's rows on every copied day: all of them on the full days, a sample on the others. */
  static Dataset<Row> copies(Dataset<Row> template, String dateColumn, CopiedDays days) {
    return Stream.of(
            onDates(template, dateColumn, days.fullDays()),
            onDates(template.limit(days.sampleRows()), dateColumn, days.sampledDays()))
        .flatMap(Optional::stream)
        .reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no days to copy " + days.template() + " to"));
  }

  /** Each row once per date, with the date in its date column; empty for no dates. */
  private static Optional<Dataset<Row>> onDates(Dataset<Row> rows, String dateColumn, List<LocalDate> dates) {
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    Column[] literals = dates.stream().map(functions::lit).toArray(Column[]::new);
    return Optional.of(rows.withColumn(dateColumn, explode(array(literals))));
  }

  /** The template's run as if it had run {@code day}: a run id of the day's own, the rest as is. */
  private static JobRun onDay(JobRun template, LocalDate day) {
    return new JobRun(RunIds.newRunId(day, template.startedAt()), template.command(), template.status(),
        template.startedAt(), template.finishedAt(), template.configHash(), day, template.exitCode(),
        template.errorMessage(), template.events(), template.surveys(), template.users(), template.rowsWritten());
  }
}
