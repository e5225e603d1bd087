package io.engagement.output;

import static io.engagement.output.JobRunFixtures.run;
import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.input.InputSchemas;
import io.engagement.output.JobRun.Status;
import io.engagement.output.TableMaintenance.Compaction;
import io.engagement.output.TableMaintenance.Outcome;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TestFrames;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMaintenanceTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");
  private static final LocalDate D2 = LocalDate.parse("2026-11-02");
  private static final Tables TABLE = Tables.USER_ENGAGEMENT;
  private static final StructType SCHEMA =
      new StructType()
          .add(InputSchemas.USER_ID, DataTypes.StringType)
          .add(Columns.SCORE_DATE, DataTypes.DateType)
          .add(Columns.SCORE, DataTypes.DoubleType);

  @TempDir Path root;
  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> rows() {
    return spark.read().format("delta").load(root.resolve(TABLE.tableName()).toString());
  }

  /** Files of the latest snapshot holding the day's rows. */
  private long files(LocalDate day) {
    return rows().where(Columns.SCORE_DATE + " = DATE'" + day + "'").select("_metadata.file_path").distinct().count();
  }

  private static Outcome outcomeOf(List<Outcome> outcomes, Tables table) {
    return outcomes.stream().filter(o -> o.table() == table).findFirst().orElseThrow();
  }

  /**
   * Two days of user_engagement in two small files each (two appends: the writer's optimized
   * writes make one file per write), and job_runs saying both days were processed (one file each).
   */
  @Test
  void compactsTheRecentDaysKeepingTheRowsAndAShortVacuumNeedsTheFlag() {
    // as a local run sizes it (DeltaSessionConfig): VACUUM's listing in a few tasks, not 10000
    spark.conf().set(DeltaSessionConfig.LISTING_PARALLELISM_KEY, "2");
    DeltaTableWriter writer = new DeltaTableWriter(spark, root.toString());
    for (LocalDate day : List.of(D1, D2)) {
      writer.append(TABLE, TestFrames.of(SCHEMA).row("u1", date(day.toString()), 10.0).toDF());
      writer.append(TABLE, TestFrames.of(SCHEMA).row("u2", date(day.toString()), 20.0).toDF());
    }
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, run("r1", "2026-11-01", Status.SUCCEEDED, "2026-11-02T01:00:00Z", 2)));
    writer.append(Tables.JOB_RUNS, JobRunsTable.toDataFrame(spark, run("r2", "2026-11-02", Status.SUCCEEDED, "2026-11-03T01:00:00Z", 2)));
    TableMaintenance maintenance = new TableMaintenance(spark, root.toString());
    List<Row> before = rows().collectAsList();
    assertEquals(2, files(D1));
    assertEquals(2, files(D2));

    // --days 1: only the latest processed day, D2: its 2 files become 1; D1 is not touched
    List<Outcome> heard = new ArrayList<>();
    List<Outcome> outcomes = maintenance.maintainAll(1, 168, false, heard::add);
    assertEquals(outcomes, heard);
    Outcome table = outcomeOf(outcomes, TABLE);
    assertEquals(Optional.of(new Compaction(D2, 2, 1, Optional.empty())), table.compaction());
    assertEquals(2, files(D1));
    assertEquals(1, files(D2));
    // the replaced files are younger than 7 days: vacuum keeps them
    assertEquals(0, table.vacuum().orElseThrow().filesDeleted());
    assertEquals(
        "user_engagement: days from 2026-11-02 compacted, 2 files into 1; vacuum deleted 0 files"
            + " unreferenced for over 168 h",
        table.describe());
    // job_runs: one file per day, nothing to compact; a table never written is reported
    assertEquals(0, outcomeOf(outcomes, Tables.JOB_RUNS).compaction().orElseThrow().filesRemoved());
    assertFalse(outcomeOf(outcomes, Tables.SAY_DO).exists());
    assertEquals("say_do: never written, skipped", outcomeOf(outcomes, Tables.SAY_DO).describe());

    // from D1 on: D1's 2 files become 1, D2 is already one file
    assertEquals(new Compaction(D1, 2, 1, Optional.empty()), maintenance.compact(TABLE, D1));
    assertEquals(1, files(D1));
    DataFrameAssertions.assertSameRows(spark.createDataFrame(before, rows().schema()), rows());

    // below 168 h without the flag: refused, nothing deleted
    EngagementException refused = assertThrows(EngagementException.class, () -> maintenance.vacuum(TABLE, 167, false));
    assertEquals(ExitCode.BAD_USAGE, refused.exitCode());
    assertThrows(EngagementException.class, () -> maintenance.maintainAll(7, 0, false, o -> {}));
    // with it: the 4 replaced files go, Delta's own check is on again after the call
    assertEquals(4, maintenance.vacuum(TABLE, 0, true).filesDeleted());
    DataFrameAssertions.assertSameRows(spark.createDataFrame(before, rows().schema()), rows());
    assertEquals("true", spark.conf().get(TableMaintenance.RETENTION_CHECK_KEY, "true"));
  }

  @Test
  void theFirstDayToCompactCountsBackFromTheLatestProcessedDay() {
    assertEquals(Optional.of(D2), TableMaintenance.firstDayToCompact(new TreeSet<>(List.of(D1, D2)), 1));
    // 2026-11-02 - 6 days
    assertEquals(Optional.of(LocalDate.parse("2026-10-27")), TableMaintenance.firstDayToCompact(new TreeSet<>(List.of(D1, D2)), 7));
    assertEquals(Optional.empty(), TableMaintenance.firstDayToCompact(new TreeSet<>(), 7));
  }

  @Test
  void aRetentionBelowSevenDaysNeedsTheFlag() {
    EngagementException e = assertThrows(EngagementException.class, () -> TableMaintenance.checkRetention(167, false));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    TableMaintenance.checkRetention(168, false);
    TableMaintenance.checkRetention(0, true);
    assertThrows(EngagementException.class, () -> TableMaintenance.checkRetention(-1, true));
  }
}
