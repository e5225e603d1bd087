package io.engagement.pipeline;

import static io.engagement.testing.TinyInputs.config;
import static io.engagement.testing.TinyInputs.copyOutput;
import static io.engagement.testing.TinyInputs.table;
import static io.engagement.testing.TinyInputs.write;
import static io.engagement.testing.TinyInputs.writeDay;
import static io.engagement.testing.TinyInputs.writeUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.engagement.config.LoadedConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.Events;
import io.engagement.testing.ProcessedTinyDays;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TinyInputs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell around the pipeline, on tiny Parquet inputs in a temporary folder: safe reruns,
 * backfills equal to daily runs, gaps, stale days and the quality gate.
 */
class JobRunnerTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D2 = LocalDate.parse("2026-11-02");
  private static final LocalDate D3 = LocalDate.parse("2026-11-03");

  @TempDir Path tmp;
  private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  private JobRunner runner(LoadedConfig config) {
    return new JobRunner(config, false, new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
  }

  private String progress() {
    return progressBytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertSameTables(Path expected, Path actual) {
    for (Tables table : Tables.dayTables()) {
      DataFrameAssertions.assertSameRows(table(expected, table), table(actual, table));
    }
  }

  private static Path inputWithThreeDays(Path root) {
    return TinyInputs.writeDays(root, D1, D3);
  }

  /**
   * Shared by the tests below (a day's run costs seconds): one output root filled by a backfill
   * of D1..D3, one by three daily runs followed by a rerun of D2 (which makes D3 stale). The three
   * daily runs are {@link ProcessedTinyDays}' (the same input, shared with other test classes);
   * the backfill runs in a thread of its own meanwhile, on an input of its own.
   */
  @TempDir static Path shared;
  private static Path backfilled;
  private static Path dailyThenRerun;
  private static String dailyProgress;

  @BeforeAll
  static void backfillAndDailyRuns() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<String> backfill = thread.submit(() -> {
        Path input = inputWithThreeDays(shared);
        backfilled = shared.resolve("backfill");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JobRunner(config(input, backfilled, Map.of()), false, new PrintStream(bytes, true, StandardCharsets.UTF_8))
            .backfill(D1, D3);
        return bytes.toString(StandardCharsets.UTF_8);
      });
      ProcessedTinyDays days = ProcessedTinyDays.get();
      dailyThenRerun = copyOutput(days.after(D3), shared.resolve("daily"));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new JobRunner(config(days.input(), dailyThenRerun, Map.of()), false, new PrintStream(bytes, true, StandardCharsets.UTF_8))
          .daily(D2, false, false);
      dailyProgress = backfill.get() + bytes.toString(StandardCharsets.UTF_8);
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aBackfillEqualsDailyRunsAndARerunLeavesTheSameTables() {
    assertSameTables(backfilled, dailyThenRerun);
    assertTrue(dailyProgress.contains("day 3 of 3"), dailyProgress);
    // D2's promoter is still counted on D3 (within the 90-day NPS window)
    assertEquals(1L, table(backfilled, Tables.SEGMENT_NPS).where("score_date = DATE'2026-11-03' and segment_dimension = 'all'").first().<Long>getAs("respondents"));
  }

  @Test
  void aRerunReplacesTheDayInsteadOfAppending() {
    Row last =
        DeltaTable.forPath(spark(), dailyThenRerun.resolve("user_engagement").toString()).history(1).collectAsList().get(0);
    assertEquals("WRITE", last.getAs("operation"));
    assertEquals("Overwrite", last.<scala.collection.Map<String, String>>getAs("operationParameters").get("mode").get());
    // 2 users scored on D2, once each, despite two runs of D2
    assertEquals(2, table(dailyThenRerun, Tables.USER_ENGAGEMENT).where("score_date = DATE'2026-11-02'").count());
    // job_runs keeps every run: appended (4 daily runs)
    assertEquals(4, table(dailyThenRerun, Tables.JOB_RUNS).count());
  }

  @Test
  void rerunningAnEarlierDayWarnsThatLaterDaysAreStale() {
    assertTrue(dailyProgress.contains("stale") && dailyProgress.contains("2026-11-03"), dailyProgress);
  }

  @Test
  void aGapCanBeAllowedAndCascadeRerunsTheLaterDays() {
    // D1 processed (a copy of ProcessedTinyDays' state after D1, on the same input)
    ProcessedTinyDays days = ProcessedTinyDays.get();
    Path output = copyOutput(days.after(D1), tmp.resolve("out"));
    JobRunner runner = runner(config(days.input(), output, Map.of()));
    // D2 was never processed: allowed explicitly
    runner.daily(D3, false, true);
    assertEquals(2, table(output, Tables.USER_ENGAGEMENT).where("score_date = DATE'2026-11-03'").count());
    long runsBefore = table(output, Tables.JOB_RUNS).count();
    runner.daily(D2, true, false);
    // D2 itself plus the cascade of D3: two more job_runs rows
    assertEquals(runsBefore + 2, table(output, Tables.JOB_RUNS).count());
    assertTrue(progress().contains("cascade"), progress());
  }

  @Test
  void aGapInTheWindowFailsAndAShrunkInputRemovesRows() {
    // an input of its own, changed below; D1 processed from the same days (ProcessedTinyDays)
    Path input = inputWithThreeDays(tmp);
    Path output = copyOutput(ProcessedTinyDays.get().after(D1), tmp.resolve("out"));
    JobRunner runner = runner(config(input, output, Map.of()));
    assertEquals(2, table(output, Tables.USER_DAILY_ACTIVITY).count());
    EngagementException e = assertThrows(EngagementException.class, () -> runner.daily(D3, false, false));
    assertEquals(ExitCode.RUN_FAILED, e.exitCode());
    assertTrue(e.getMessage().contains("2026-11-02") && e.getMessage().contains("--allow-gaps"), e.getMessage());
    // D1's export shrank: u2's events are gone; the rerun removes u2's activity of D1.
    writeDay(input, D1, false);
    runner.daily(D1, false, false);
    assertEquals(
        List.of("u1"),
        table(output, Tables.USER_DAILY_ACTIVITY).select("user_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    // u2 stays scored (in the users dimension), idle
    assertEquals(2, table(output, Tables.USER_ENGAGEMENT).count());
  }

  @Test
  void tooManyRejectedRowsFailTheQualityGateAfterRecordingThem() {
    Path input = tmp.resolve("in");
    writeUsers(input);
    // 1 valid event, 1 without user_id: 50% rejected > 5%
    write(
        Events.builder()
            .full("a", "2026-11-01T09:00:00Z", "u1", null, "s1", "page_view", null, null, "web", null, null)
            .full("b", "2026-11-01T09:01:00Z", null, null, "s1", "page_view", null, null, "web", null, null)
            .toDF(),
        input.resolve("events/date=2026-11-01"));
    Path output = tmp.resolve("out");
    EngagementException e =
        assertThrows(EngagementException.class, () -> runner(config(input, output, Map.of())).daily(D1, false, false));
    assertEquals(ExitCode.QUALITY_GATE, e.exitCode());
    assertEquals(1, table(output, Tables.REJECTED_RECORDS).count());
    Row run = table(output, Tables.JOB_RUNS).first();
    assertEquals("quality_failed", run.getAs("status"));
    assertEquals(3, (int) run.getAs("exit_code"));
    // counted apart: 2 rows read, 1 accepted, 1 in rejected_records; 2 = 1 + 1
    assertEquals(2L, (long) run.getAs("events_input"));
    assertEquals(1L, (long) run.getAs("events_accepted"));
    assertEquals(1L, (long) run.getAs("events_rejected"));
    assertEquals(true, run.getAs("counts_balanced"));
  }
}
