package io.engagement.output;

import io.engagement.input.InputSchemas;
import io.engagement.input.SourceCounts;
import static io.engagement.output.Columns.COMMAND;
import static io.engagement.output.Columns.CONFIG_HASH;
import static io.engagement.output.Columns.COUNTS_BALANCED;
import static io.engagement.output.Columns.ERROR_MESSAGE;
import static io.engagement.output.Columns.EVENTS_ACCEPTED;
import static io.engagement.output.Columns.EVENTS_INPUT;
import static io.engagement.output.Columns.EVENTS_REJECTED;
import static io.engagement.output.Columns.EXIT_CODE;
import static io.engagement.output.Columns.FINISHED_AT;
import static io.engagement.output.Columns.ROWS_WRITTEN;
import static io.engagement.output.Columns.RUN_DATE;
import static io.engagement.output.Columns.RUN_ID;
import static io.engagement.output.Columns.STARTED_AT;
import static io.engagement.output.Columns.STATUS;
import static io.engagement.output.Columns.SURVEYS_ACCEPTED;
import static io.engagement.output.Columns.SURVEYS_INPUT;
import static io.engagement.output.Columns.SURVEYS_REJECTED;
import static io.engagement.output.Columns.USERS_ACCEPTED;
import static io.engagement.output.Columns.USERS_INPUT;
import static io.engagement.output.Columns.USERS_REJECTED;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code job_runs} table's schema and the mapping between its rows and {@link JobRun}. The
 * per-source counts are flat columns (not a map) because they are what an operator filters and
 * charts first; rows written per table vary with the tables and are a map.
 */
public final class JobRunsTable {
  /** The columns of job_runs; only {@code error_message} may be null. */
  public static final StructType SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add(COMMAND, DataTypes.StringType, false)
          .add(STATUS, DataTypes.StringType, false)
          .add(STARTED_AT, DataTypes.TimestampType, false)
          .add(FINISHED_AT, DataTypes.TimestampType, false)
          .add(CONFIG_HASH, DataTypes.StringType, false)
          .add(RUN_DATE, DataTypes.DateType, false)
          .add(EXIT_CODE, DataTypes.IntegerType, false)
          .add(ERROR_MESSAGE, DataTypes.StringType, true)
          .add(EVENTS_INPUT, DataTypes.LongType, false)
          .add(EVENTS_ACCEPTED, DataTypes.LongType, false)
          .add(EVENTS_REJECTED, DataTypes.LongType, false)
          .add(SURVEYS_INPUT, DataTypes.LongType, false)
          .add(SURVEYS_ACCEPTED, DataTypes.LongType, false)
          .add(SURVEYS_REJECTED, DataTypes.LongType, false)
          .add(USERS_INPUT, DataTypes.LongType, false)
          .add(USERS_ACCEPTED, DataTypes.LongType, false)
          .add(USERS_REJECTED, DataTypes.LongType, false)
          .add(COUNTS_BALANCED, DataTypes.BooleanType, false)
          .add(
              ROWS_WRITTEN,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false);

  private JobRunsTable() {}

  public static Row toRow(JobRun run) {
    return RowFactory.create(
        run.runId(),
        run.command(),
        run.status().value(),
        Timestamp.from(run.startedAt()),
        Timestamp.from(run.finishedAt()),
        run.configHash(),
        Date.valueOf(run.runDate()),
        run.exitCode(),
        run.errorMessage(),
        run.events().input(),
        run.events().accepted(),
        run.events().rejected(),
        run.surveys().input(),
        run.surveys().accepted(),
        run.surveys().rejected(),
        run.users().input(),
        run.users().accepted(),
        run.users().rejected(),
        run.countsBalanced(),
        run.rowsWritten());
  }

  /** A one-row DataFrame of the run, ready for {@link DeltaTableWriter#append}. */
  public static Dataset<Row> toDataFrame(SparkSession spark, JobRun run) {
    return spark.createDataFrame(List.of(toRow(run)), SCHEMA);
  }

  /** A job_runs row read back (columns are found by name, so extra columns are ignored). */
  public static JobRun fromRow(Row row) {
    Map<String, Long> rowsWritten = new TreeMap<>(row.<String, Long>getJavaMap(row.fieldIndex(ROWS_WRITTEN)));
    return new JobRun(
        row.getAs(RUN_ID),
        row.getAs(COMMAND),
        JobRun.Status.of(row.getAs(STATUS)),
        instant(row.getAs(STARTED_AT)),
        instant(row.getAs(FINISHED_AT)),
        row.getAs(CONFIG_HASH),
        localDate(row.getAs(RUN_DATE)),
        row.<Integer>getAs(EXIT_CODE),
        row.getAs(ERROR_MESSAGE),
        counts(row, InputSchemas.EVENTS, EVENTS_INPUT, EVENTS_ACCEPTED, EVENTS_REJECTED),
        counts(row, InputSchemas.SURVEYS, SURVEYS_INPUT, SURVEYS_ACCEPTED, SURVEYS_REJECTED),
        counts(row, InputSchemas.USERS, USERS_INPUT, USERS_ACCEPTED, USERS_REJECTED),
        rowsWritten);
  }

  /** Spark gives java.time values when spark.sql.datetime.java8API.enabled is on, java.sql ones otherwise. */
  static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }

  static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static SourceCounts counts(Row row, String source, String input, String accepted, String rejected) {
    return new SourceCounts(source, row.<Long>getAs(input), row.<Long>getAs(accepted), row.<Long>getAs(rejected));
  }
}
