package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.input.RecordValidator;
import io.engagement.testing.Events;
import io.engagement.testing.TestConfigs;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Visits never cross midnight of the configured time zone: each business day is validated and
 * processed alone, so two events 20 minutes apart on either side of midnight are two visits on
 * two days, even without a session_id.
 */
class MidnightCutTest {

  /** Visits per day of user u1 after validation in {@code zone}, for each given partition day. */
  private static List<Long> visitsPerDay(Dataset<Row> events, ZoneId zone, LocalDate... days) {
    return java.util.Arrays.stream(days)
        .map(
            day -> {
              Dataset<Row> accepted = RecordValidator.validateEvents(events, day, zone).accepted();
              List<Row> rows = DailyActivity.build(accepted, TestConfigs.defaults(), day).collectAsList();
              return rows.isEmpty() ? 0L : rows.get(0).<Long>getAs("visits");
            })
        .toList();
  }

  @Test
  void utcMidnightSplitsAVisit() {
    // 23:50 and 00:10 UTC: 20 min apart (< 30) but on two days -> one visit on each day.
    var events =
        Events.builder().view("u1", "2026-11-02T23:50:00Z", null).view("u1", "2026-11-03T00:10:00Z", null).toDF();
    assertEquals(
        List.of(1L, 1L),
        visitsPerDay(events, ZoneId.of("UTC"), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")));
  }

  @Test
  void newYorkMidnightOnTheDstChange() {
    // America/New_York leaves DST on 2026-11-01 (a 25-hour day: 04:00Z .. 05:00Z next day).
    // 2026-11-01T03:50Z is 23:50 EDT on 10-31; 04:10Z is 00:10 EDT on 11-01: two days.
    // 2026-11-02T04:50Z is 23:50 EST on 11-01 (still 11-01: the day has 25 hours);
    // 2026-11-02T05:10Z is 00:10 EST on 11-02.
    var events =
        Events.builder()
            .view("u1", "2026-11-01T03:50:00Z", null)
            .view("u1", "2026-11-01T04:10:00Z", null)
            .view("u1", "2026-11-02T04:50:00Z", null)
            .view("u1", "2026-11-02T05:10:00Z", null)
            .toDF();
    // 10-31: 1 visit; 11-01: 04:10Z and 04:50Z next day are 24h40 apart -> 2 visits; 11-02: 1 visit.
    assertEquals(
        List.of(1L, 2L, 1L),
        visitsPerDay(
            events,
            ZoneId.of("America/New_York"),
            LocalDate.parse("2026-10-31"),
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-02")));
  }
}
