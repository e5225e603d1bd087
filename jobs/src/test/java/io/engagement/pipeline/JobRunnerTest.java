package io.engagement.pipeline;

import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.Events;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
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

  /** Two users; u1 visits every day, u2 only when {@code withU2}; one survey answer on D2. */
  private static void writeDay(Path input, LocalDate day, boolean withU2) {
    String d = day.toString();
    Events events =
        Events.builder()
            .full("a-" + d, d + "T09:00:00Z", "u1", "acc-1", "s1", "page_view", null, "dashboard", "web", null, null)
            .full("b-" + d, d + "T09:05:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "2"));
    if (withU2) {
      events.full("c-" + d, d + "T11:00:00Z", "u2", "acc-2", null, "purchase", null, "billing", "api", 20.0, null);
    }
    write(events.toDF(), input.resolve("events/date=" + d));
    if (day.equals(D2)) {
      write(
          TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
              .row("r1", TestFrames.ts(d + "T12:00:00Z"), "u1", "acc-1", "relationship", 9, "great", "email")
              .toDF(),
          input.resolve("surveys/date=" + d));
    }
  }

  private static void writeUsers(Path input) {
    write(
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("u1", "acc-1", date("2026-10-01"), "pro", "emea")
            .row("u2", "acc-2", date("2026-10-15"), "free", "amer")
            .toDF(),
        input.resolve("users"));
  }

  private static void write(Dataset<Row> rows, Path path) {
    rows.coalesce(1).write().mode("overwrite").parquet(path.toString());
  }

  private static LoadedConfig config(Path input, Path output, Map<String, String> extra) {
    Map<String, String> sets = new HashMap<>(extra);
    sets.put("input.root", input.toString());
    sets.put("output.root", output.toString());
    return ConfigLoader.load(Optional.empty(), sets, Map.of());
  }

  private JobRunner runner(LoadedConfig config) {
    return new JobRunner(config, false, new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
  }

  private String progress() {
    return progressBytes.toString(StandardCharsets.UTF_8);
  }

  private static Dataset<Row> table(Path output, Tables table) {
    return spark().read().format("delta").load(output.resolve(table.tableName()).toString()).drop(Columns.RUN_ID);
  }

  private static void assertSameTables(Path expected, Path actual) {
    for (Tables table : Tables.dayTables()) {
      DataFrameAssertions.assertSameRows(table(expected, table), table(actual, table));
    }
  }

  private static Path inputWithThreeDays(Path root) {
    Path input = root.resolve("in");
    writeUsers(input);
    writeDay(input, D1, true);
    writeDay(input, D2, true);
    writeDay(input, D3, true);
    return input;
  }

  /**
   * Shared by the tests below (a day's run costs seconds): one output root filled by a backfill
   * of D1..D3, one by three daily runs followed by a rerun of D2 (which makes D3 stale).
   */
  @TempDir static Path shared;
  private static Path backfilled;
  private static Path dailyThenRerun;
  private static String dailyProgress;

  @BeforeAll
  static void backfillAndDailyRuns() {
    Path input = inputWithThreeDays(shared);
    backfilled = shared.resolve("backfill");
    dailyThenRerun = shared.resolve("daily");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream progress = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new JobRunner(config(input, backfilled, Map.of()), false, progress).backfill(D1, D3);
    JobRunner daily = new JobRunner(config(input, dailyThenRerun, Map.of()), false, progress);
    daily.daily(D1, false, false);
    daily.daily(D2, false, false);
    daily.daily(D3, false, false);
    daily.daily(D2, false, false);
    dailyProgress = bytes.toString(StandardCharsets.UTF_8);
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
    Path input = inputWithThreeDays(tmp);
    Path output = tmp.resolve("out");
    JobRunner runner = runner(config(input, output, Map.of()));
    runner.daily(D1, false, false);
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
    Path input = inputWithThreeDays(tmp);
    Path output = tmp.resolve("out");
    JobRunner runner = runner(config(input, output, Map.of()));
    runner.daily(D1, false, false);
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
    assertEquals(2L, (long) run.getAs("events_input"));
  }
}
