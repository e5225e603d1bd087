package io.engagement.activity;

import static io.engagement.testing.TestFrames.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.config.EngagementConfig;
import io.engagement.testing.Events;
import io.engagement.testing.TestConfigs;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.engagement.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DailyActivityTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");

  private static Row only(org.apache.spark.sql.Dataset<Row> activity, String user) {
    List<Row> rows = activity.where(org.apache.spark.sql.functions.col("user_id").equalTo(user)).collectAsList();
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  @Test
  void summarisesOneUsersDay() {
    // u1: visit s1 = 09:00 page_view, 09:10 upload_file (pages "12.5"), 09:20 upload_file (pages "n/a")
    //     -> 3 events, 1200 s;
    //     sessionised: 14:00 purchase 30.0, 14:20 purchase 45.5 (gap 20 min) -> 2 events, 1200 s;
    //     an email_open at 20:00 without session -> its own visit, 0 s (all types form visits by default).
    // visits = 3, events = 6, duration = 1200 + 1200 + 0 = 2400 s.
    // features: dashboard, editor, billing (sorted: billing, dashboard, editor); channels: email, web.
    // event_counts: upload_file 2, open 1 (the email's event_name).
    // KPIs: revenue = 30.0 + 45.5 = 75.5; purchases = 2; pages_uploaded = 12.5 ("n/a" skipped);
    //       largest_order = max(30.0, 45.5) = 45.5.
    var events =
        Events.builder()
            .full("a", "2026-11-03T09:00:00Z", "u1", null, "s1", "page_view", null, "dashboard", "web", null, null)
            .full("b", "2026-11-03T09:10:00Z", "u1", "acc-1", "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "12.5"))
            .full("c", "2026-11-03T09:20:00Z", "u1", null, "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "n/a"))
            .full("d", "2026-11-03T14:00:00Z", "u1", "acc-2", null, "purchase", null, "billing", "web", 30.0, null)
            .full("e", "2026-11-03T14:20:00Z", "u1", null, null, "purchase", null, "billing", "web", 45.5, null)
            .full("f", "2026-11-03T20:00:00Z", "u1", null, null, "email_open", "open", null, "email", null, null)
            .toDF();
    Row r = only(DailyActivity.build(events, TestConfigs.defaults(), DAY), "u1");
    assertEquals(TestFrames.date("2026-11-03"), r.getAs("activity_date"));
    assertEquals(3L, (long) r.getAs("visits"));
    assertEquals(6L, (long) r.getAs("events"));
    assertEquals(2400.0, (double) r.getAs("duration_seconds"), 1e-9);
    assertEquals(List.of("billing", "dashboard", "editor"), r.getList(r.fieldIndex("features_used")));
    assertEquals(List.of("email", "web"), r.getList(r.fieldIndex("channels_used")));
    assertEquals(Map.of("upload_file", 2L, "open", 1L), r.getJavaMap(r.fieldIndex("event_counts")));
    assertEquals(
        Map.of("revenue", 75.5, "purchases", 2.0, "pages_uploaded", 12.5, "largest_order", 45.5),
        r.getJavaMap(r.fieldIndex("kpi_values")));
    assertEquals(TestFrames.ts("2026-11-03T09:00:00Z"), r.getAs("first_event_time"));
    assertEquals(TestFrames.ts("2026-11-03T20:00:00Z"), r.getAs("last_event_time"));
    // The latest event with an account_id is d at 14:00 (acc-2).
    assertEquals("acc-2", r.getAs("event_account_id"));
  }

  @Test
  void onlyConfiguredEventTypesFormVisitsButAllCount() {
    // visit-event-types = [page_view]: the purchase forms no visit but counts in KPIs and event_counts.
    EngagementConfig config = TestConfigs.withVisitEventTypes(List.of("page_view"));
    var events =
        Events.builder()
            .full("a", "2026-11-03T09:00:00Z", "u1", null, "s1", "page_view", null, null, "web", null, null)
            .full("b", "2026-11-03T12:00:00Z", "u1", null, null, "purchase", "buy", null, "api", 10.0, null)
            .full("c", "2026-11-03T12:00:00Z", "u2", null, null, "purchase", "buy", null, "api", 5.0, null)
            .toDF();
    var activity = DailyActivity.build(events, config, DAY);
    Row u1 = only(activity, "u1");
    assertEquals(1L, (long) u1.getAs("visits"));
    assertEquals(1L, (long) u1.getAs("events"));
    assertEquals(10.0, (double) u1.getJavaMap(u1.fieldIndex("kpi_values")).get("revenue"), 1e-9);
    assertEquals(1L, u1.getJavaMap(u1.fieldIndex("event_counts")).get("buy"));
    // u2 has a valid event but no visit: a row with 0 visits, its KPIs still counted.
    Row u2 = only(activity, "u2");
    assertEquals(0L, (long) u2.getAs("visits"));
    assertEquals(0.0, (double) u2.getAs("duration_seconds"), 0);
    assertEquals(5.0, (double) u2.getJavaMap(u2.fieldIndex("kpi_values")).get("revenue"), 1e-9);
    assertNull(u2.getAs("event_account_id"));
  }

  @Test
  void absentKpisAreZero() {
    var events = Events.builder().view("u1", "2026-11-03T09:00:00Z", "s1").toDF();
    Row r = only(DailyActivity.build(events, TestConfigs.defaults(), DAY), "u1");
    assertEquals(
        Map.of("revenue", 0.0, "purchases", 0.0, "pages_uploaded", 0.0, "largest_order", 0.0),
        r.getJavaMap(r.fieldIndex("kpi_values")));
    assertEquals(Map.of(), r.getJavaMap(r.fieldIndex("event_counts")));
  }

  @Test
  void ofTwoAccountEventsInTheSameMicrosecondTheGreaterEventIdWins() {
    // b and a both at 14:00:00 with an account_id; the later event c has none. Ties on time go to
    // the greater event_id: "b" > "a", so acc-b, in whichever order the rows come.
    var events =
        Events.builder()
            .full("b", "2026-11-03T14:00:00Z", "u1", "acc-b", null, "page_view", null, null, "web", null, null)
            .full("a", "2026-11-03T14:00:00Z", "u1", "acc-a", null, "page_view", null, null, "web", null, null)
            .full("c", "2026-11-03T15:00:00Z", "u1", null, null, "page_view", null, null, "web", null, null)
            .toDF();
    assertEquals("acc-b", only(DailyActivity.build(events, TestConfigs.defaults(), DAY), "u1").getAs("event_account_id"));
  }

  @Test
  void readsTheEventsInOneShuffleAndOneSort() {
    // The plan's shape is what keeps the activity one pass over a large day (benchmarks/README.md):
    // one shuffle by user, one sort, then each user's events folded as they stream past (no window,
    // no aggregation that could fall back to sorting again, no second shuffle).
    var events =
        Events.builder().view("u1", "2026-11-03T09:00:00Z", "s1").view("u2", "2026-11-03T09:05:00Z", null).toDF();
    String plan =
        ((org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec)
                DailyActivity.sortedEvents(events, TestConfigs.defaults()).queryExecution().executedPlan())
            .initialPlan()
            .toString();
    assertEquals(1, plan.split("Exchange ", -1).length - 1, plan);
    assertEquals(1, plan.split("Sort \\[", -1).length - 1, plan);
    assertEquals(0, plan.split("Window|Aggregate", -1).length - 1, plan);
  }

  @Test
  void manyUsersInFewTasksEachGetTheirOwnRow() {
    // 50 users with 1..3 page views each (user i has i % 3 + 1 views, one minute apart, sessionless:
    // one visit each) in two tasks: the fold must cut the sorted stream at every change of user.
    var builder = Events.builder();
    for (int i = 0; i < 50; i++) {
      for (int v = 0; v <= i % 3; v++) {
        builder.view("u" + i, "2026-11-03T09:0" + v + ":00Z", null);
      }
    }
    List<Row> rows =
        DailyActivity.build(builder.toDF().repartition(2), TestConfigs.defaults(), DAY).collectAsList();
    assertEquals(50, rows.size());
    for (Row r : rows) {
      int i = Integer.parseInt(r.<String>getAs("user_id").substring(1));
      assertEquals(i % 3 + 1L, (long) r.getAs("events"), r::toString);
      assertEquals(1L, (long) r.getAs("visits"), r::toString);
      // (views - 1) minutes between the first and the last view
      assertEquals(60.0 * (i % 3), (double) r.getAs("duration_seconds"), 1e-9, r::toString);
    }
  }

  @Test
  void textsAreSortedAsSparkSortsStrings() {
    // Spark orders strings by their UTF-8 bytes (code points): U+E000 (EE 80 80) comes before
    // U+1F600 (F0 9F 98 80), although Java's String.compareTo, by UTF-16 units, puts the emoji's
    // surrogate D83D first. The features must come out as array_sort orders them.
    String emoji = "\uD83D\uDE00";
    List<String> features = List.of("b", emoji, "\uE000", "a" + emoji, "a", "Z", "\u00e9", "a\uFFFF");
    var builder = Events.builder();
    for (String feature : features) {
      builder.full("e-" + feature, "2026-11-03T09:00:00Z", "u1", null, null, "page_view", null, feature, "web", null, null);
    }
    Row r = only(DailyActivity.build(builder.toDF(), TestConfigs.defaults(), DAY), "u1");
    Row sparkSorted =
        SparkTestSession.get()
            .createDataFrame(
                List.of(RowFactory.create((Object) features.toArray(String[]::new))),
                new StructType().add("v", DataTypes.createArrayType(DataTypes.StringType)))
            .select(functions.array_sort(functions.col("v")))
            .first();
    assertEquals(sparkSorted.getList(0), r.getList(r.fieldIndex("features_used")));
    // By bytes: Z 5A < a 61 < a EF BF BF (U+FFFF) < a F0 9F 98 80 < b 62 < é C3 A9 < EE 80 80 < F0 9F.
    assertEquals(
        List.of("Z", "a", "a\uFFFF", "a" + emoji, "b", "\u00e9", "\uE000", emoji),
        r.getList(r.fieldIndex("features_used")));
  }
}
