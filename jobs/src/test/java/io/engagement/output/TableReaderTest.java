package io.engagement.output;

import static io.engagement.output.JobRunFixtures.run;
import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.input.InputSchemas;
import io.engagement.output.JobRun.Status;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
  private static final StructType SCHEMA =
      new StructType()
          .add(InputSchemas.ACCOUNT_ID, DataTypes.StringType)
          .add(Columns.SCORE_DATE, DataTypes.DateType)
          .add(Columns.SCORE, DataTypes.DoubleType);

  @TempDir Path root;
  private final SparkSession spark = SparkTestSession.get();
  private DeltaTableWriter writer;
  private TableReader reader;

  @BeforeEach
  void setUp() {
    writer = new DeltaTableWriter(spark, root.toString());
    reader = new TableReader(spark, root.toString());
  }

  @Test
  void aTableNeverWrittenDoesNotExistAndReadsAsEmpty() {
    assertFalse(reader.exists(Tables.ACCOUNT_ENGAGEMENT));
    assertEquals(Optional.empty(), reader.readDays(Tables.ACCOUNT_ENGAGEMENT, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03")));
    assertTrue(reader.processedDays().isEmpty());
    assertTrue(reader.acceptedEventsBefore(LocalDate.parse("2026-11-03"), 28).isEmpty());
  }

  @Test
  void readsTheDaysOfTheRangeBothEndsIncluded() {
    for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04")) {
      writer.replaceDay(Tables.ACCOUNT_ENGAGEMENT, LocalDate.parse(day), TestFrames.of(SCHEMA).row("a1", date(day), 50.0).toDF());
    }

    Dataset<Row> read =
        reader.readDays(Tables.ACCOUNT_ENGAGEMENT, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")).orElseThrow();

    assertTrue(reader.exists(Tables.ACCOUNT_ENGAGEMENT));
    DataFrameAssertions.assertSameRows(
        TestFrames.of(SCHEMA).row("a1", date("2026-11-02"), 50.0).row("a1", date("2026-11-03"), 50.0).toDF(), read);
    // the range is a partition filter: Delta skips the other days' files instead of reading them
    String plan = read.queryExecution().executedPlan().toString();
    assertTrue(plan.matches("(?s).*PartitionFilters: \\[[^\\]]*" + Columns.SCORE_DATE + ".*"), plan);
  }

  @Test
  void aDayIsProcessedWhenItsLatestRunSucceeded() {
    append(run("r1", "2026-11-01", Status.FAILED, "2026-11-02T01:00:00Z", 0));
    append(run("r2", "2026-11-01", Status.SUCCEEDED, "2026-11-02T02:00:00Z", 100));
    append(run("r3", "2026-11-02", Status.SUCCEEDED, "2026-11-03T01:00:00Z", 120));
    append(run("r4", "2026-11-02", Status.QUALITY_FAILED, "2026-11-03T02:00:00Z", 10));
    append(run("r5", "2026-11-03", Status.SUCCEEDED, "2026-11-04T01:00:00Z", 90));

    // 11-01: failed, then succeeded -> processed; 11-02: succeeded, then failed the gate -> not
    assertEquals(Set.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03")), reader.processedDays());
  }

  @Test
  void acceptedEventsOfTheLatestProcessedDaysBeforeTheDay() {
    append(run("r1", "2026-11-01", Status.SUCCEEDED, "2026-11-02T01:00:00Z", 100));
    append(run("r2", "2026-11-02", Status.SUCCEEDED, "2026-11-03T01:00:00Z", 120));
    append(run("r3", "2026-11-02", Status.SUCCEEDED, "2026-11-03T05:00:00Z", 125));
    append(run("r4", "2026-11-03", Status.QUALITY_FAILED, "2026-11-04T01:00:00Z", 10));
    append(run("r5", "2026-11-04", Status.SUCCEEDED, "2026-11-05T01:00:00Z", 90));
    append(run("r6", "2026-11-05", Status.SUCCEEDED, "2026-11-06T01:00:00Z", 80));

    // before 11-05, at most 2 days: processed days are 11-01, 11-02 (latest run: 125), 11-04;
    // 11-03 failed the gate and 11-05 is not before the day; the latest 2 are 11-02 and 11-04
    Map<LocalDate, Long> expected = new TreeMap<>(Map.of(LocalDate.parse("2026-11-02"), 125L, LocalDate.parse("2026-11-04"), 90L));
    assertEquals(expected, reader.acceptedEventsBefore(LocalDate.parse("2026-11-05"), 2));
  }

  private void append(JobRun run) {
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, run));
  }
}
