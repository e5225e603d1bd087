package io.engagement.pipeline;

import static org.apache.spark.sql.functions.lit;

import io.engagement.config.EngagementConfig;
import io.engagement.config.LoadedConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.input.DayInputReader;
import io.engagement.input.InputSchemas;
import io.engagement.input.QualityGate;
import io.engagement.input.RawDay;
import io.engagement.input.RowAccounting;
import io.engagement.input.SourceCounts;
import io.engagement.output.Columns;
import io.engagement.output.DeltaSessionConfig;
import io.engagement.output.DeltaTableWriter;
import io.engagement.output.JobRun;
import io.engagement.output.JobRunsTable;
import io.engagement.output.RunIds;
import io.engagement.output.TableReader;
import io.engagement.output.Tables;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell around {@link DailyPipeline}: reads a day, checks it, writes every table and the
 * job_runs row, and runs days in order for a backfill. Everything that touches storage or decides
 * an exit code is here; the numbers are computed in the pipeline.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private final LoadedConfig loaded;
  private final EngagementConfig config;
  private final PrintStream progress;
  private SparkSession spark;

  public JobRunner(LoadedConfig loaded, boolean verbose) {
    this(loaded, verbose, System.err);
  }

  public JobRunner(LoadedConfig loaded, boolean verbose, PrintStream progress) {
    this.loaded = loaded;
    this.config = loaded.config();
    this.progress = progress;
    config.requireRoots();
  }

  /** Runs one day; warns about (or with {@code cascade} reruns) the later days it makes stale. */
  public DayResult daily(LocalDate date, boolean cascade, boolean allowGaps) {
    DayResult result = runDay(date, "daily", allowGaps);
    progress.println(result.describe());
    List<LocalDate> stale = result.plan().staleLaterDays();
    if (!stale.isEmpty()) {
      if (cascade) {
        progress.printf("cascade: rerunning %d later day(s) that depend on %s%n", stale.size(), date);
        runInOrder(stale, "daily", allowGaps);
      } else {
        progress.printf(
            "warning: later days already processed are now stale because they depend on %s: %s;"
                + " rerun them with daily --date %s --cascade, or backfill --from %s --to %s%n",
            date, stale, date, stale.get(0), stale.get(stale.size() - 1));
      }
    }
    RunSummary.print(session(), config, stale.isEmpty() || !cascade ? date : stale.get(stale.size() - 1), progress);
    return result;
  }

  /** Runs each day from {@code from} to {@code to} in order, stopping at the first failure. */
  public void backfill(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw EngagementException.badUsage("backfill --from " + from + " is after --to " + to + ": swap them");
    }
    runInOrder(from.datesUntil(to.plusDays(1)).toList(), "backfill", false);
    RunSummary.print(session(), config, to, progress);
  }

  private void runInOrder(List<LocalDate> days, String command, boolean allowGaps) {
    int i = 0;
    for (LocalDate day : days) {
      i++;
      try {
        DayResult result = runDay(day, command, allowGaps);
        progress.printf("day %d of %d: %s%n", i, days.size(), result.describe());
      } catch (EngagementException e) {
        LocalDate last = days.get(days.size() - 1);
        throw new EngagementException(
            e.exitCode(),
            e.getMessage() + " (stopped at day " + i + " of " + days.size() + "; days before " + day
                + " are done: resume with backfill --from " + day + " --to " + last + ")",
            e);
      }
    }
  }

  /**
   * What one day's run did.
   *
   * @param stepMillis wall time of each step in run order: {@code plan}, {@code input} (read,
   *     validate, count, write rejected_records), {@code history} (read the history tables' logs,
   *     plan the day), then the pipeline's stages that compute shared intermediates ({@code
   *     activity}, {@code scores}, {@code roll-ups}, {@code nps}, {@code insights}), {@code writes}
   *     (the tables, in parallel, each computing what only it needs) and {@code job_runs}
   */
  public record DayResult(LocalDate day, DayPlan plan, SourceCounts events, Map<String, Long> rowsWritten,
      Map<String, Long> stepMillis, Duration took) {
    public String describe() {
      return String.format(
          "%s done in %.1f s: %d events accepted, %d rejected; %d users scored",
          day, took.toMillis() / 1000.0, events.accepted(), events.rejected(),
          rowsWritten.getOrDefault(Tables.USER_ENGAGEMENT.tableName(), 0L));
    }
  }

  DayResult runDay(LocalDate day, String command, boolean allowGaps) {
    Instant started = Instant.now();
    String runId = RunIds.newRunId(day, started);
    TableReader reader = new TableReader(session(), config.outputRoot());
    DeltaTableWriter writer = new DeltaTableWriter(session(), config.outputRoot());
    Map<String, Long> rowsWritten = new LinkedHashMap<>();
    StepTimer steps = new StepTimer();
    List<SourceCounts> counts = List.of();
    String stage = "planning";
    ValidatedDay validated = null;
    try {
      SortedSet<LocalDate> processed = reader.processedDays();

      // The input is checked (folders and footers, no Spark job) before the window: a day with no
      // or unreadable input (a mistyped or future date) is reported as such, not as a gap to backfill.
      stage = "reading the input";
      RawDay raw = new DayInputReader(session(), config.inputRoot()).read(day, config.segments());
      stage = "planning";
      DayPlan plan = DayPlan.of(processed, day, config.windowDays());
      if (!plan.gaps().isEmpty() && !allowGaps) {
        throw EngagementException.runFailed(
            "day " + day + " depends on days of its window that were never processed: " + describe(plan.gaps())
                + "; process them first (backfill --from " + plan.gaps().get(0) + " --to " + day
                + ") or pass --allow-gaps",
            null);
      }
      steps.done("plan");

      stage = "validating the input";
      validated = DailyPipeline.validate(raw, config).checkpointed();
      Map<String, Long> inputRows = RowAccounting.inputRows(raw);
      List<SourceCounts> validatedCounts = validated.counts();
      counts = validatedCounts;
      rowsWritten.put(
          Tables.REJECTED_RECORDS.tableName(),
          writer.replaceDay(Tables.REJECTED_RECORDS, day, withRunId(validated.rejectedRecords(), runId)));
      counts = RowAccounting.reconcile(validatedCounts, inputRows, reader.rejectedRowsBySource(day));
      Optional<String> unbalanced = RowAccounting.violation(day, counts);
      if (unbalanced.isPresent()) {
        throw EngagementException.runFailed(unbalanced.get(), null);
      }
      steps.done("input");
      Optional<String> gate = qualityGate(reader, counts, day);
      if (gate.isPresent()) {
        throw EngagementException.qualityGate(gate.get());
      }

      stage = "reading history";
      DayHistory history = new HistoryReader(reader, config).read(day, processed);
      steps.done("history");
      stage = "computing the day";
      DayOutputs outputs = DailyPipeline.compute(validated, history, config, steps::done);
      try {
        stage = "writing the tables";
        List<Tables> tables =
            Tables.dayTables().stream().filter(t -> t != Tables.REJECTED_RECORDS).toList();
        rowsWritten.putAll(
            ParallelTableWrites.writeAll(
                tables,
                table -> {
                  LOG.info("writing {} for {}", table.tableName(), day);
                  long rows = writer.replaceDay(table, day, withRunId(outputs.table(table), runId));
                  LOG.info("{}: {} rows written", table.tableName(), rows);
                  return rows;
                }));
        steps.done("writes");
      } catch (ParallelTableWrites.WriteFailed e) {
        rowsWritten.putAll(e.written());
        if (e.getCause() instanceof EngagementException failed) {
          throw failed;
        }
        stage = "writing " + e.table().tableName();
        throw (e.getCause() instanceof RuntimeException cause) ? cause : e;
      } finally {
        outputs.release();
      }
      recordRun(writer, runId, command, JobRun.Status.SUCCEEDED, started, day, ExitCode.SUCCESS, null, counts, rowsWritten);
      steps.done(Tables.JOB_RUNS.tableName());
      LOG.info("{} steps (ms): {}", day, steps.millis());
      return new DayResult(day, plan, countsOf(counts, InputSchemas.EVENTS), rowsWritten, steps.millis(),
          Duration.between(started, Instant.now()));
    } catch (EngagementException e) {
      JobRun.Status status =
          e.exitCode() == ExitCode.QUALITY_GATE ? JobRun.Status.QUALITY_FAILED : JobRun.Status.FAILED;
      recordFailure(writer, runId, command, status, started, day, e.exitCode(), e.getMessage(), counts, rowsWritten);
      throw e;
    } catch (RuntimeException e) {
      String message =
          "day " + day + " failed while " + stage + ": " + firstLine(e)
              + " (a Spark or storage error: worth a retry; rerun with --verbose for the stack trace)";
      recordFailure(writer, runId, command, JobRun.Status.FAILED, started, day, ExitCode.RUN_FAILED, message, counts, rowsWritten);
      throw EngagementException.runFailed(message, e);
    } finally {
      if (validated != null) {
        validated.release();
      }
    }
  }

  private Optional<String> qualityGate(TableReader reader, List<SourceCounts> counts, LocalDate day) {
    for (SourceCounts source : counts) {
      Optional<String> violation =
          QualityGate.rejectedShareViolation(day, source, config.quality().maxRejectedFraction());
      if (violation.isPresent()) {
        return violation;
      }
    }
    long accepted = countsOf(counts, InputSchemas.EVENTS).accepted();
    List<Long> previous = new ArrayList<>(reader.acceptedEventsBefore(day, config.windowDays()).values());
    return QualityGate.volumeViolation(day, accepted, previous, config.quality().minVolumeRatio());
  }

  private static SourceCounts countsOf(List<SourceCounts> counts, String source) {
    return counts.stream().filter(c -> c.source().equals(source)).findFirst().orElse(SourceCounts.empty(source));
  }

  private static Dataset<Row> withRunId(Dataset<Row> rows, String runId) {
    return rows.withColumn(Columns.RUN_ID, lit(runId));
  }

  private void recordFailure(DeltaTableWriter writer, String runId, String command, JobRun.Status status,
      Instant started, LocalDate day, ExitCode exitCode, String message, List<SourceCounts> counts,
      Map<String, Long> rowsWritten) {
    try {
      recordRun(writer, runId, command, status, started, day, exitCode, message, counts, rowsWritten);
    } catch (RuntimeException recordingFailed) {
      progress.println("warning: could not record the failed run in job_runs: " + firstLine(recordingFailed));
    }
  }

  private void recordRun(DeltaTableWriter writer, String runId, String command, JobRun.Status status,
      Instant started, LocalDate day, ExitCode exitCode, String message, List<SourceCounts> counts,
      Map<String, Long> rowsWritten) {
    JobRun run =
        new JobRun(runId, command, status, started, Instant.now(), loaded.configHash(), day, exitCode.code(), message,
            countsOf(counts, InputSchemas.EVENTS),
            countsOf(counts, InputSchemas.SURVEYS),
            countsOf(counts, InputSchemas.USERS),
            rowsWritten);
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(session(), run));
  }

  /** A few days by name, many as a count and a range. */
  private static String describe(List<LocalDate> days) {
    if (days.size() <= 3) {
      return days.toString();
    }
    return days.size() + " days from " + days.get(0) + " to " + days.get(days.size() - 1);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private SparkSession session() {
    if (spark == null) {
      spark = DeltaSessionConfig.getOrCreate("engagement");
    }
    return spark;
  }
}
