package io.engagement.output;

import io.engagement.input.InputSchemas;
import io.engagement.input.SourceCounts;
import static io.engagement.output.JobRunFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.output.JobRun.Status;
import io.engagement.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunsTableTest {
  @TempDir Path root;
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void runsReadBackAsTheyWereWrittenAndTheLatestDecides() {
    DeltaTableWriter writer = new DeltaTableWriter(spark, root.toString());
    JobRun failed =
        new JobRun(
            "20261102T010000Z-20261101-0000000a",
            "daily",
            Status.QUALITY_FAILED,
            Instant.parse("2026-11-02T01:00:00Z"),
            Instant.parse("2026-11-02T01:05:30.123456Z"),
            "cfg1",
            LocalDate.parse("2026-11-01"),
            3,
            "events rejected share 0.2 > 0.05",
            new SourceCounts(InputSchemas.EVENTS, 10, 8, 2),
            new SourceCounts(InputSchemas.SURVEYS, 3, 3, 0),
            new SourceCounts(InputSchemas.USERS, 5, 5, 0),
            Map.of("rejected_records", 2L));
    JobRun succeeded =
        new JobRun(
            "20261102T020000Z-20261101-0000000b",
            "backfill",
            Status.SUCCEEDED,
            Instant.parse("2026-11-02T02:00:00Z"),
            Instant.parse("2026-11-02T02:04:00Z"),
            "cfg2",
            LocalDate.parse("2026-11-01"),
            0,
            null,
            new SourceCounts(InputSchemas.EVENTS, 10, 10, 0),
            new SourceCounts(InputSchemas.SURVEYS, 3, 3, 0),
            new SourceCounts(InputSchemas.USERS, 5, 5, 0),
            Map.of("rejected_records", 0L, "user_engagement", 5L));

    assertEquals(1, writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, failed)));
    assertEquals(1, writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, succeeded)));

    List<JobRun> read =
        spark.read().format("delta").load(writer.pathOf(Tables.JOB_RUNS)).collectAsList().stream()
            .map(JobRunsTable::fromRow)
            .sorted(Comparator.comparing(JobRun::finishedAt))
            .toList();
    assertEquals(List.of(failed, succeeded), read);
    // both runs of 11-01 are kept (appended); the later one succeeded, so the day is processed
    assertEquals(Set.of(LocalDate.parse("2026-11-01")), new TableReader(spark, root.toString()).processedDays());
  }

  @Test
  void aLaterFailedRunUnprocessesTheDay() {
    DeltaTableWriter writer = new DeltaTableWriter(spark, root.toString());
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, run("a", "2026-11-01", Status.SUCCEEDED, "2026-11-02T01:00:00Z", 5)));
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, run("b", "2026-11-01", Status.FAILED, "2026-11-02T03:00:00Z", 0)));

    assertEquals(Set.of(), new TableReader(spark, root.toString()).processedDays());
  }

  @Test
  void errorMessagesKeepTheirFirstLineOnly() {
    String sparkError = "Job aborted: bad value\n  row: {\"user_id\":\"u1\",\"email\":\"a@b.c\"}\n  at ...";

    JobRun run = withError(sparkError);

    assertEquals("Job aborted: bad value", run.errorMessage());
    assertNull(withError(null).errorMessage());
    // 5000 characters on one line: cut to 997 + "..." = 1000
    assertEquals(JobRun.MAX_ERROR_MESSAGE_LENGTH, withError("x".repeat(5000)).errorMessage().length());
  }

  @Test
  void statusesAreStoredByTheirContractNames() {
    assertEquals("succeeded", Status.SUCCEEDED.value());
    assertEquals("failed", Status.FAILED.value());
    assertEquals("quality_failed", Status.QUALITY_FAILED.value());
    assertEquals(Status.QUALITY_FAILED, Status.of("quality_failed"));
  }

  private static JobRun withError(String message) {
    JobRun r = run("r", "2026-11-01", Status.FAILED, "2026-11-02T01:00:00Z", 0);
    return new JobRun(r.runId(), r.command(), r.status(), r.startedAt(), r.finishedAt(), r.configHash(), r.runDate(),
        r.exitCode(), message, r.events(), r.surveys(), r.users(), r.rowsWritten());
  }
}
