package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.input.InputSchemas;
import io.engagement.testing.Events;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class VisitsTest {

  /** Visit durations in seconds of user u1, sorted. */
  private static List<Double> durations(Dataset<Row> events) {
    return Visits.of(events, 30)
        .where(org.apache.spark.sql.functions.col(InputSchemas.USER_ID).equalTo("u1"))
        .selectExpr("(visit_end_micros - visit_start_micros) / 1e6 as d")
        .orderBy("d")
        .collectAsList()
        .stream()
        .map(r -> r.getDouble(0))
        .toList();
  }

  @Test
  void aGapOfExactlyTheTimeoutStaysInTheVisit() {
    // 10:00:00 -> 10:30:00 is a gap of exactly 30 min: not greater than the timeout, one visit of 1800 s.
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", null).view("u1", "2026-11-03T10:30:00Z", null).toDF();
    assertEquals(List.of(1800.0), durations(events));
  }

  @Test
  void aGapOneMicrosecondOverTheTimeoutStartsANewVisit() {
    // 10:00:00 -> 10:30:00.000001 is 30 min + 1 µs > 30 min: two single-event visits of 0 s.
    var events =
        Events.builder().view("u1", "2026-11-03T10:00:00Z", null).view("u1", "2026-11-03T10:30:00.000001Z", null).toDF();
    assertEquals(List.of(0.0, 0.0), durations(events));
  }

  @Test
  void aSingleEventVisitLastsZeroSeconds() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").toDF();
    assertEquals(List.of(0.0), durations(events));
  }

  @Test
  void aSessionIdIsOneVisitWhateverTheGapsInside() {
    // s1 at 09:00, 10:00, 11:00: gaps of 1 h, still one visit of 2 h = 7200 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T09:00:00Z", "s1")
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T11:00:00Z", "s1")
            .toDF();
    assertEquals(List.of(7200.0), durations(events));
  }

  @Test
  void eventsWithoutSessionIdAreSessionisedAmongThemselvesOnly() {
    // With session s1: 10:00 and 10:50 (one visit, 3000 s).
    // Without session: 10:10 and 10:45 (gap 35 min > 30: two visits of 0 s), even though the
    // s1 event at 10:20 would be a neighbour within 30 min if it counted; then 11:00 and 11:20
    // (gap 15 min after 10:45: joins 10:45's visit -> 10:45..11:20 = 2100 s).
    // Visits: s1 (3000), [10:10] (0), [10:45, 11:00, 11:20] (2100) -> 3 visits.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T10:10:00Z", null)
            .view("u1", "2026-11-03T10:20:00Z", "s1")
            .view("u1", "2026-11-03T10:45:00Z", null)
            .view("u1", "2026-11-03T10:50:00Z", "s1")
            .view("u1", "2026-11-03T11:00:00Z", null)
            .view("u1", "2026-11-03T11:20:00Z", null)
            .toDF();
    assertEquals(List.of(0.0, 2100.0, 3000.0), durations(events));
  }

  @Test
  void theSameSessionIdOfTwoUsersIsTwoVisits() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").view("u2", "2026-11-03T10:01:00Z", "s1").toDF();
    assertEquals(2, Visits.of(events, 30).count());
  }

  @Test
  void durationsAreExactToTheMicrosecond() {
    // 10:00:00.000001 -> 10:00:01.000003 = 1.000002 s
    var events =
        Events.builder().view("u1", "2026-11-03T10:00:00.000001Z", "s1").view("u1", "2026-11-03T10:00:01.000003Z", "s1").toDF();
    assertEquals(1.000002, durations(events).get(0), 1e-12);
  }
}
