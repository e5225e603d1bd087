package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.EngagementConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.testing.Events;
import io.engagement.testing.TestConfigs;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * Visits (metrics.md 1) as the daily activity counts them. The events are given out of order on
 * purpose: the activity sorts each user's events itself.
 */
class VisitsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");

  /** user -> "visits/events/duration seconds" of the day. */
  private static Map<String, String> visits(Dataset<Row> events, List<String> visitTypes) {
    EngagementConfig config = TestConfigs.withVisitEventTypes(visitTypes);
    Map<String, String> out = new TreeMap<>();
    for (Row r : DailyActivity.build(events, config, DAY).collectAsList()) {
      out.put(
          r.getAs(InputSchemas.USER_ID),
          r.getAs(Columns.VISITS) + "/" + r.getAs(Columns.EVENTS) + "/" + r.getAs(Columns.DURATION_SECONDS));
    }
    return out;
  }

  private static Map<String, String> visits(Dataset<Row> events) {
    return visits(events, List.of());
  }

  @Test
  void aGapOfExactlyTheTimeoutStaysInTheVisit() {
    // 10:00:00 -> 10:30:00 is a gap of exactly 30 min: not greater than the timeout, one visit of 1800 s.
    var events = Events.builder().view("u1", "2026-11-03T10:30:00Z", null).view("u1", "2026-11-03T10:00:00Z", null).toDF();
    assertEquals(Map.of("u1", "1/2/1800.0"), visits(events));
  }

  @Test
  void aGapOneMicrosecondOverTheTimeoutStartsANewVisit() {
    // 10:00:00 -> 10:30:00.000001 is 30 min + 1 µs > 30 min: two single-event visits of 0 s.
    var events =
        Events.builder().view("u1", "2026-11-03T10:30:00.000001Z", null).view("u1", "2026-11-03T10:00:00Z", null).toDF();
    assertEquals(Map.of("u1", "2/2/0.0"), visits(events));
  }

  @Test
  void aSingleEventVisitLastsZeroSeconds() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").toDF();
    assertEquals(Map.of("u1", "1/1/0.0"), visits(events));
  }

  @Test
  void aSessionIdIsOneVisitWhateverTheGapsInside() {
    // s1 at 09:00, 10:00, 11:00: gaps of 1 h, still one visit: 11:00 - 09:00 = 7200 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T11:00:00Z", "s1")
            .view("u1", "2026-11-03T09:00:00Z", "s1")
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .toDF();
    assertEquals(Map.of("u1", "1/3/7200.0"), visits(events));
  }

  @Test
  void eventsWithoutSessionIdAreSessionisedAmongThemselvesOnly() {
    // With session s1: 10:00, 10:20, 10:50 -> one visit of 3000 s.
    // Without session: 10:10 and 10:45 (gap 35 min > 30: two visits), even though the s1
    // event at 10:20 would be a neighbour within 30 min if it counted; then 11:00 and 11:20
    // (gaps 15 and 20 min after 10:45: they join the 10:45 visit, 900 + 1200 = 2100 s).
    // Visits: s1, [10:10], [10:45, 11:00, 11:20] -> 3 visits of 7 events; 3000 + 0 + 2100 = 5100 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T11:20:00Z", null)
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T10:10:00Z", null)
            .view("u1", "2026-11-03T10:50:00Z", "s1")
            .view("u1", "2026-11-03T10:45:00Z", null)
            .view("u1", "2026-11-03T10:20:00Z", "s1")
            .view("u1", "2026-11-03T11:00:00Z", null)
            .toDF();
    assertEquals(Map.of("u1", "3/7/5100.0"), visits(events));
  }

  @Test
  void eventsThatFormNoVisitAreNotNeighbours() {
    // Visits made of page views only: the purchase (10:20) forms no visit, so the views at
    // 10:00 and 10:45 are 45 min apart (> 30): two visits of 0 s and 2 events, although each
    // view is 20 or 25 min from the purchase.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", null)
            .event("u1", "2026-11-03T10:20:00Z", null, "purchase", null, null, "web", 9.0, null)
            .view("u1", "2026-11-03T10:45:00Z", null)
            .toDF();
    assertEquals(Map.of("u1", "2/2/0.0"), visits(events, List.of("page_view")));
  }

  @Test
  void theSameSessionIdOfTwoUsersIsTwoVisits() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").view("u2", "2026-11-03T10:01:00Z", "s1").toDF();
    assertEquals(Map.of("u1", "1/1/0.0", "u2", "1/1/0.0"), visits(events));
  }

  @Test
  void twoSessionsOfOneUserAreTwoVisitsEvenWhenInterleaved() {
    // s1 at 10:00 and 10:30, s2 at 10:10 and 10:20: each session is one visit of its own span,
    // 1800 s and 600 s, whatever the other's events in between: 2 visits, 4 events, 2400 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T10:10:00Z", "s2")
            .view("u1", "2026-11-03T10:20:00Z", "s2")
            .view("u1", "2026-11-03T10:30:00Z", "s1")
            .toDF();
    assertEquals(Map.of("u1", "2/4/2400.0"), visits(events));
  }

  @Test
  void eventsOfTheSameMicrosecondAddNoDuration() {
    // Three sessionless views at 10:00:00 and one at 10:05:00: one visit of 4 events, 300 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", null)
            .view("u1", "2026-11-03T10:05:00Z", null)
            .view("u1", "2026-11-03T10:00:00Z", null)
            .view("u1", "2026-11-03T10:00:00Z", null)
            .toDF();
    assertEquals(Map.of("u1", "1/4/300.0"), visits(events));
  }

  @Test
  void durationsAreExactToTheMicrosecond() {
    // 10:00:00.000001 -> 10:00:01.000003 = 1,000,002 µs = 1.000002 s
    var events =
        Events.builder().view("u1", "2026-11-03T10:00:00.000001Z", "s1").view("u1", "2026-11-03T10:00:01.000003Z", "s1").toDF();
    assertEquals(Map.of("u1", "1/2/1.000002"), visits(events));
  }

  @Test
  void theTallyComparesEachEventWithThePreviousOneOfItsKind() {
    // Fed directly in visit order: session s1 (0 and 60 s), session s2 (30 s), then sessionless
    // events at 0, 1800 s (exactly the 30-min timeout: same visit) and 3600.000001 s (a new one),
    // then an event that forms no visit. Visits: s1, s2, [0, 1800], [3600.000001] = 4;
    // events 6; duration 60 + 0 + 1800 + 0 = 1860 s.
    VisitTally tally = new VisitTally(30);
    tally.add(Visits.SESSION, UTF8String.fromString("s1"), 0L);
    tally.add(Visits.SESSION, UTF8String.fromString("s1"), 60_000_000L);
    tally.add(Visits.SESSION, UTF8String.fromString("s2"), 30_000_000L);
    tally.add(Visits.SESSIONISED, null, 0L);
    tally.add(Visits.SESSIONISED, null, 1_800_000_000L);
    tally.add(Visits.SESSIONISED, null, 3_600_000_001L);
    tally.add(Visits.NO_VISIT, null, 3_700_000_000L);
    assertEquals(List.of(4L, 6L, 1_860_000_000L), List.of(tally.visits(), tally.events(), tally.durationMicros()));
  }
}
