package io.engagement.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.input.InputSchemas;
import io.engagement.testing.Events;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class VisitsTest {
  private static final List<String> ALL_TYPES = List.of();

  /** Each event's marks as text: "start", "+<seconds since the previous event of its visit>", or "none". */
  private static Map<String, String> marks(Dataset<Row> events, List<String> visitTypes) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : Visits.mark(events, visitTypes, 30).collectAsList()) {
      long inVisit = r.getAs(Visits.IN_VISIT);
      long starts = r.getAs(Visits.STARTS_VISIT);
      long gap = r.getAs(Visits.GAP_MICROS);
      String mark = inVisit == 0 ? "none" : starts == 1 ? "start" : "+" + gap / 1e6;
      if (inVisit == 0 && (starts != 0 || gap != 0)) {
        mark = "not in a visit, yet marked: " + starts + "/" + gap;
      }
      out.put(r.getAs(InputSchemas.EVENT_ID), mark);
    }
    return out;
  }

  private static Map<String, String> marks(Dataset<Row> events) {
    return marks(events, ALL_TYPES);
  }

  @Test
  void aGapOfExactlyTheTimeoutStaysInTheVisit() {
    // 10:00:00 -> 10:30:00 is a gap of exactly 30 min: not greater than the timeout, one visit of 1800 s.
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", null).view("u1", "2026-11-03T10:30:00Z", null).toDF();
    assertEquals(Map.of("e1", "start", "e2", "+1800.0"), marks(events));
  }

  @Test
  void aGapOneMicrosecondOverTheTimeoutStartsANewVisit() {
    // 10:00:00 -> 10:30:00.000001 is 30 min + 1 µs > 30 min: two single-event visits of 0 s.
    var events =
        Events.builder().view("u1", "2026-11-03T10:00:00Z", null).view("u1", "2026-11-03T10:30:00.000001Z", null).toDF();
    assertEquals(Map.of("e1", "start", "e2", "start"), marks(events));
  }

  @Test
  void aSingleEventVisitLastsZeroSeconds() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").toDF();
    Row r = Visits.mark(events, ALL_TYPES, 30).first();
    assertEquals(1L, (long) r.getAs(Visits.STARTS_VISIT));
    assertEquals(0L, (long) r.getAs(Visits.GAP_MICROS));
  }

  @Test
  void aSessionIdIsOneVisitWhateverTheGapsInside() {
    // s1 at 09:00, 10:00, 11:00: gaps of 1 h, still one visit: 3600 + 3600 = 7200 s.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T09:00:00Z", "s1")
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T11:00:00Z", "s1")
            .toDF();
    assertEquals(Map.of("e1", "start", "e2", "+3600.0", "e3", "+3600.0"), marks(events));
  }

  @Test
  void eventsWithoutSessionIdAreSessionisedAmongThemselvesOnly() {
    // With session s1: e1 10:00, e3 10:20, e5 10:50 -> one visit, gaps 1200 and 1800 s (3000 s).
    // Without session: e2 10:10 and e4 10:45 (gap 35 min > 30: two visits), even though the s1
    // event at 10:20 would be a neighbour within 30 min if it counted; then e6 11:00 and e7 11:20
    // (gaps 15 and 20 min after 10:45: they join e4's visit, 900 + 1200 = 2100 s).
    // Visits: s1, [e2], [e4, e6, e7] -> 3 starts; durations 3000 + 0 + 2100 = 5100 s.
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
    assertEquals(
        Map.of("e1", "start", "e3", "+1200.0", "e5", "+1800.0",
            "e2", "start", "e4", "start", "e6", "+900.0", "e7", "+1200.0"),
        marks(events));
  }

  @Test
  void eventsThatFormNoVisitAreNotNeighbours() {
    // Visits made of page views only: the purchase (e2, 10:20) forms no visit, so the views at
    // 10:00 and 10:45 are 45 min apart (> 30): two visits, although each is 20 or 25 min from it.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", null)
            .event("u1", "2026-11-03T10:20:00Z", null, "purchase", null, null, "web", 9.0, null)
            .view("u1", "2026-11-03T10:45:00Z", null)
            .toDF();
    assertEquals(Map.of("e1", "start", "e2", "none", "e3", "start"), marks(events, List.of("page_view")));
  }

  @Test
  void theSameSessionIdOfTwoUsersIsTwoVisits() {
    var events = Events.builder().view("u1", "2026-11-03T10:00:00Z", "s1").view("u2", "2026-11-03T10:01:00Z", "s1").toDF();
    assertEquals(Map.of("e1", "start", "e2", "start"), marks(events));
  }

  @Test
  void twoSessionsOfOneUserAreTwoVisitsEvenWhenInterleaved() {
    // s1 at 10:00 and 10:30, s2 at 10:10 and 10:20: each session is one visit of its own span,
    // 1800 s and 600 s, whatever the other's events in between.
    var events =
        Events.builder()
            .view("u1", "2026-11-03T10:00:00Z", "s1")
            .view("u1", "2026-11-03T10:10:00Z", "s2")
            .view("u1", "2026-11-03T10:20:00Z", "s2")
            .view("u1", "2026-11-03T10:30:00Z", "s1")
            .toDF();
    assertEquals(Map.of("e1", "start", "e4", "+1800.0", "e2", "start", "e3", "+600.0"), marks(events));
  }

  @Test
  void gapsAreExactToTheMicrosecond() {
    // 10:00:00.000001 -> 10:00:01.000003 = 1,000,002 µs
    var events =
        Events.builder().view("u1", "2026-11-03T10:00:00.000001Z", "s1").view("u1", "2026-11-03T10:00:01.000003Z", "s1").toDF();
    long gap =
        Visits.mark(events, ALL_TYPES, 30)
            .where(org.apache.spark.sql.functions.col(InputSchemas.EVENT_ID).equalTo("e2"))
            .first()
            .getAs(Visits.GAP_MICROS);
    assertEquals(1_000_002L, gap);
  }
}
