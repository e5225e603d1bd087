package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta.tables.DeltaTable;
import io.engagement.bench.HistoryCopies.CopiedDays;
import io.engagement.config.LoadedConfig;
import io.engagement.output.Columns;
import io.engagement.output.TableReader;
import io.engagement.output.Tables;
import io.engagement.pipeline.JobRunner;
import io.engagement.pipeline.JobRunner.DayResult;
import io.engagement.testing.ProcessedTinyDays;
import io.engagement.testing.SparkTestSession;
import io.engagement.testing.TinyInputs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history made of three processed days and copies of the newest, on the tiny inputs (u1: a page
 * view and an action 5 minutes apart, one visit a day; u2: one purchase a day): the copies have the
 * template's rows, count as processed, and the next day runs on them without --allow-gaps. The
 * processed days are {@link ProcessedTinyDays}' (shared with other test classes: a day's run
 * costs seconds).
 *
 * <p>Layout, with a 7-day activity window for the next day (the window of Nov 4 is Oct 29 .. Nov 4):
 *
 * <pre>
 *   Oct 27, Oct 28            copies of Nov 3, sampled to 1 row per table (beyond the window)
 *   Oct 29, 30, 31            copies of Nov 3, every row
 *   Nov 1, 2, 3               run by the job (Nov 3 is the template)
 *   Nov 4                     the daily run checked at the end
 * </pre>
 */
class HistoryCopiesTest {
  private static final LocalDate OCT_27 = LocalDate.parse("2026-10-27");
  private static final LocalDate OCT_28 = LocalDate.parse("2026-10-28");
  private static final LocalDate OCT_29 = LocalDate.parse("2026-10-29");
  private static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");
  private static final LocalDate NOV_1 = ProcessedTinyDays.D1;
  private static final LocalDate NOV_3 = ProcessedTinyDays.D3;
  private static final LocalDate NOV_4 = NOV_3.plusDays(1);
  private static final List<LocalDate> FULL = OCT_29.datesUntil(NOV_1).toList();
  private static final List<LocalDate> SAMPLED = List.of(OCT_27, OCT_28);

  @TempDir static Path tmp;
  private static Path output;
  private static Map<String, Long> written;
  private static DayResult next;

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  @BeforeAll
  static void copyTheNewestOfThreeProcessedDaysAndRunTheNextDay() {
    output = TinyInputs.copyOutput(ProcessedTinyDays.get().after(NOV_3), tmp.resolve("out"));
    written = HistoryCopies.copy(spark(), output.toString(), new CopiedDays(NOV_3, FULL, SAMPLED, 1));
    Path input = tmp.resolve("in");
    TinyInputs.writeUsers(input);
    TinyInputs.writeDay(input, NOV_4, true);
    LoadedConfig config = TinyInputs.config(input, output, Map.of("window-days", "7"));
    next = new JobRunner(config, false, new PrintStream(OutputStream.nullOutputStream())).daily(NOV_4, false, false);
  }

  private static Dataset<Row> rows(Tables table, LocalDate day) {
    return spark().read().format("delta").load(output.resolve(table.tableName()).toString())
        .where(table.dateColumn() + " = DATE'" + day + "'");
  }

  /** A table's rows per day, read once (a Delta read per table and day made this test slow). */
  private static Map<LocalDate, Long> rowsPerDay(Tables table) {
    Map<LocalDate, Long> perDay = new java.util.HashMap<>();
    for (Row r : spark().read().format("delta").load(output.resolve(table.tableName()).toString())
        .groupBy(table.dateColumn()).count().collectAsList()) {
      perDay.put(r.getDate(0).toLocalDate(), r.getLong(1));
    }
    return perDay;
  }

  @Test
  void everyDayTableHasTheTemplatesRowsOnFullDaysAndASampleBeyond() {
    for (Tables table : Tables.dayTables()) {
      Map<LocalDate, Long> perDay = rowsPerDay(table);
      long template = perDay.getOrDefault(NOV_3, 0L);
      for (LocalDate day : FULL) {
        assertEquals(template, perDay.getOrDefault(day, 0L), table + " on " + day);
      }
      for (LocalDate day : SAMPLED) {
        assertEquals(Math.min(1, template), perDay.getOrDefault(day, 0L), table + " on " + day);
      }
      if (table == Tables.USER_DAILY_ACTIVITY) {
        // By hand: Nov 3 has u1 and u2 active (2 activity rows) and no bad row.
        assertEquals(2L, perDay.get(OCT_31));
        assertEquals(1L, perDay.get(OCT_28));
      } else if (table == Tables.USER_ENGAGEMENT) {
        // 2 users scored on Nov 3
        assertEquals(2L, perDay.get(OCT_29));
      } else if (table == Tables.REJECTED_RECORDS) {
        assertEquals(0L, perDay.getOrDefault(OCT_29, 0L));
      }
    }
    // 3 full days x 2 rows + 2 sampled days x 1 row = 8 activity rows; one job_runs row per copied day: 5.
    assertEquals(8L, written.get(Tables.USER_DAILY_ACTIVITY.tableName()));
    assertEquals(5L, written.get(Tables.JOB_RUNS.tableName()));
  }

  @Test
  void eachTableGotOneCommitForAllCopiedDays() {
    for (Tables table : Tables.dayTables()) {
      // The job replaces days (Overwrite); the copies are the table's only append. A template with
      // no rows (rejected_records here) may make no commit at all: Delta skips recording a commit
      // that adds and removes no file.
      long appends = DeltaTable.forPath(spark(), output.resolve(table.tableName()).toString()).history()
          .where("operation = 'WRITE' and operationParameters['mode'] = 'Append'").count();
      long expected = written.get(table.tableName()) == 0 ? Math.min(appends, 1) : 1;
      assertEquals(expected, appends, table.tableName());
    }
  }

  @Test
  void jobRunsHasASucceededRowForEachCopiedDay() {
    Dataset<Row> runs = spark().read().format("delta").load(output.resolve(Tables.JOB_RUNS.tableName()).toString());
    for (LocalDate day : List.of(OCT_27, OCT_28, OCT_29, OCT_31)) {
      List<Row> ofDay = runs.where(Columns.RUN_DATE + " = DATE'" + day + "'").collectAsList();
      assertEquals(1, ofDay.size(), day.toString());
      assertEquals("succeeded", ofDay.get(0).getAs(Columns.STATUS));
      // The template's counts: Nov 3 accepted u1's 2 events and u2's purchase = 3.
      assertEquals(3L, ofDay.get(0).<Long>getAs(Columns.EVENTS_ACCEPTED));
    }
    // 3 processed days + 5 copies + the daily run of Nov 4 = 9 rows, each with its own run id.
    assertEquals(9, runs.count());
    assertEquals(9, runs.select(Columns.RUN_ID).distinct().count());
    // Every day from Oct 27 to Nov 4 counts as processed: 9 days.
    assertEquals(OCT_27.datesUntil(NOV_4.plusDays(1)).toList(),
        List.copyOf(new TableReader(spark(), output.toString()).processedDays()));
  }

  @Test
  void theNextDayRunsWithoutGapsOnAWindowOfCopiedDays() {
    // It ran without --allow-gaps: its window (Oct 29 .. Nov 3 before it) had no gap.
    assertEquals(List.of(), next.plan().gaps());
    // u1 has one visit a day on each of the 7 days of the window: 3 copies, Nov 1, 2, 3 and Nov 4
    // itself; without the copies it would be 4.
    Row u1 = rows(Tables.USER_ENGAGEMENT, NOV_4).where("user_id = 'u1'").first();
    assertEquals(7L, ((Number) u1.getAs(Columns.UNIQUE_VISITS)).longValue());
    assertEquals(7L, ((Number) u1.getAs(Columns.TOTAL_VISITS)).longValue());
  }
}
