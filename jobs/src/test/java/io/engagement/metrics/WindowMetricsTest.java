package io.engagement.metrics;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.activity.DailyActivity;
import io.engagement.input.InputSchemas;
import io.engagement.testing.TestConfigs;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D = 2026-11-28, W = 28 (window 2026-11-01 .. 11-28), R = 7, dormant after 90 days.
 *
 * <ul>
 *   <li>new: signed up 11-20 (inside the window), active 11-20, 11-22, 11-28;
 *   <li>idle: last active 2026-10-19 (40 days before D), signed up 2025-01-01;
 *   <li>dormant: last active 2026-08-01 (119 days before D): not scored;
 *   <li>future: in the dimension with signup 2026-12-01, no events: not scored;
 *   <li>never: in the dimension, no signup date, no events: scored, all zero;
 *   <li>old: signed up 2026-01-01, active 11-05 and 11-06 in the window.
 * </ul>
 */
class WindowMetricsTest {
  private static final LocalDate D = LocalDate.parse("2026-11-28");
  private static Map<String, Row> byUser;

  private static Object[] activity(String user, String day, long visits, long events, double duration,
      List<String> features, Map<Object, Object> counts, Map<Object, Object> kpis) {
    return new Object[] {user, date(day), visits, events, duration, features, List.of("web"), counts, kpis,
        TestFrames.ts(day + "T10:00:00Z"), TestFrames.ts(day + "T11:00:00Z"), null};
  }

  private static Map<Object, Object> kpis(double revenue, double purchases, double pages, double largest) {
    return map("revenue", revenue, "purchases", purchases, "pages_uploaded", pages, "largest_order", largest);
  }

  @BeforeAll
  static void compute() {
    TestFrames window = TestFrames.of(DailyActivity.SCHEMA);
    window.row(activity("new", "2026-11-20", 2, 6, 100, List.of("a", "b"), map("upload_file", 2L), kpis(10, 1, 4, 10)));
    window.row(activity("new", "2026-11-22", 1, 2, 50, List.of("b", "c"), map("collaborate", 1L), kpis(0, 0, 0, 0)));
    window.row(activity("new", "2026-11-28", 3, 9, 300, List.of("a"), map("upload_file", 3L), kpis(5, 1, 6, 5)));
    window.row(activity("old", "2026-11-05", 1, 1, 0, List.of(), map(), kpis(0, 0, 0, 0)));
    window.row(activity("old", "2026-11-06", 1, 3, 60, List.of("x"), map(), kpis(0, 0, 0, 0)));
    // A day before the window: must be ignored.
    window.row(activity("old", "2026-10-31", 5, 50, 5000, List.of("y"), map("upload_file", 9L), kpis(99, 9, 9, 99)));

    Dataset<Row> state =
        TestFrames.of(UserState.SCHEMA)
            .row("new", date("2026-11-28"), date("2026-11-20"), date("2026-11-28"), null, null)
            .row("old", date("2026-11-28"), date("2026-02-01"), date("2026-11-06"), "acc-e", date("2026-11-06"))
            .row("idle", date("2026-11-28"), date("2025-03-01"), date("2026-10-19"), null, null)
            .row("dormant", date("2026-11-28"), date("2026-01-01"), date("2026-08-01"), null, null)
            .toDF();
    Dataset<Row> users =
        TestFrames.of(InputSchemas.usersSchema(List.of("plan", "region")))
            .row("new", "acc-1", date("2026-11-20"), "pro", "emea")
            .row("idle", "acc-1", date("2025-01-01"), "pro", null)
            .row("dormant", "acc-2", date("2025-01-01"), "free", "amer")
            .row("future", "acc-2", date("2026-12-01"), "free", "amer")
            .row("never", null, null, null, null)
            .row("old", null, date("2026-01-01"), "free", "apac")
            .toDF();
    var config = TestConfigs.defaults();
    Dataset<Row> scored = ScoredUsers.select(users, state, config.dormantAfterDays(), D);
    Dataset<Row> groups = UserGroups.resolve(users, state, config.segments());
    byUser =
        WindowMetrics.compute(window.toDF(), scored, groups, config, D).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("user_id"), r -> r));
  }

  private static double metric(String user, String name) {
    Row r = byUser.get(user);
    return (Double) r.getJavaMap(r.fieldIndex("metrics")).get(name);
  }

  @Test
  void scoresEveryCurrentUserButNotDormantOrFutureOnes() {
    assertEquals(java.util.Set.of("new", "idle", "never", "old"), byUser.keySet());
  }

  @Test
  void newUserSeenInsideTheWindow() {
    Row r = byUser.get("new");
    // total_visits = 2 + 1 + 3 = 6; unique_visits = 3 active days
    assertEquals(6L, (long) r.getAs("total_visits"));
    assertEquals(3L, (long) r.getAs("unique_visits"));
    // breadth = |{a,b} ∪ {b,c} ∪ {a}| = |{a,b,c}| = 3
    assertEquals(3L, (long) r.getAs("breadth"));
    // depth = (6 + 2 + 9) / 6 = 17/6; duration = (100 + 50 + 300) / 6 = 75
    assertEquals(17.0 / 6, (double) r.getAs("depth"), 1e-12);
    assertEquals(75.0, (double) r.getAs("duration"), 1e-12);
    assertEquals(0, (int) r.getAs("recency"));
    // tenure = 11-28 - min(11-20, 11-20) + 1 = 9; reliance = 3 / max(7, min(28, 9)) = 3/9
    assertEquals(9, (int) r.getAs("tenure_days"));
    assertEquals(3.0 / 9, (double) r.getAs("reliance"), 1e-12);
    // upload_file: count 2 + 3 = 5 on 2 days, reliance 2 / max(7, 3) = 2/7; collaborate: 1 on 1 day, 1/7
    assertEquals(5.0, metric("new", "upload_file.count"), 0);
    assertEquals(2.0, metric("new", "upload_file.days"), 0);
    assertEquals(2.0 / 7, metric("new", "upload_file.reliance"), 1e-12);
    assertEquals(1.0, metric("new", "collaborate.count"), 0);
    assertEquals(1.0 / 7, metric("new", "collaborate.reliance"), 1e-12);
    // KPIs: revenue (sum) 10 + 0 + 5 = 15; purchases (count) 1 + 0 + 1 = 2; largest_order (max) max(10, 0, 5) = 10
    assertEquals(15.0, metric("new", "revenue"), 0);
    assertEquals(2.0, metric("new", "purchases"), 0);
    assertEquals(10.0, metric("new", "pages_uploaded"), 0);
    assertEquals(10.0, metric("new", "largest_order"), 0);
    // the metrics map repeats the visit metrics
    assertEquals(3.0 / 9, metric("new", "reliance"), 1e-12);
    assertEquals("acc-1", r.getAs("account_id"));
    assertEquals("pro", r.getAs("plan"));
  }

  @Test
  void idleUserForFortyDays() {
    Row r = byUser.get("idle");
    assertEquals(0L, (long) r.getAs("total_visits"));
    assertEquals(0L, (long) r.getAs("breadth"));
    assertEquals(0.0, (double) r.getAs("depth"), 0);
    // recency = 2026-11-28 - 2026-10-19 = 12 (rest of October) + 28 = 40 days
    assertEquals(40, (int) r.getAs("recency"));
    assertEquals(0.0, (double) r.getAs("reliance"), 0);
    assertEquals(0.0, metric("idle", "upload_file.reliance"), 0);
    assertEquals(0.0, metric("idle", "revenue"), 0);
    // region missing in the dimension -> 'unknown'
    assertEquals("unknown", r.getAs("region"));
  }

  @Test
  void userWhoNeverActed() {
    Row r = byUser.get("never");
    assertNull(r.getAs("recency"));
    assertNull(r.getJavaMap(r.fieldIndex("metrics")).get("recency"));
    // neither signup nor first active day: tenure 1
    assertEquals(1, (int) r.getAs("tenure_days"));
    assertEquals("unknown", r.getAs("account_id"));
    assertEquals("unknown", r.getAs("plan"));
  }

  @Test
  void userOlderThanTheWindow() {
    Row r = byUser.get("old");
    // tenure = 2026-11-28 - min(2026-01-01, 2026-02-01) + 1 = 332; reliance = 2 / max(7, min(28, 332)) = 2/28
    assertEquals(332, (int) r.getAs("tenure_days"));
    assertEquals(2.0 / 28, (double) r.getAs("reliance"), 1e-12);
    // the 10-31 row is outside the window: total_visits = 1 + 1 = 2, breadth = |{x}| = 1
    assertEquals(2L, (long) r.getAs("total_visits"));
    assertEquals(1L, (long) r.getAs("breadth"));
    // no account in the dimension: the latest account of its events (acc-e)
    assertEquals("acc-e", r.getAs("account_id"));
    assertEquals(22, (int) r.getAs("recency"));
  }
}
