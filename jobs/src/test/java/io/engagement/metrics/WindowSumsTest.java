package io.engagement.metrics;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.activity.DailyActivity;
import io.engagement.config.KpiConfig;
import io.engagement.config.KpiConfig.Aggregation;
import io.engagement.testing.TestFrames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The per-user window sums (metrics.md 3), each column checked by hand on a few days. */
class WindowSumsTest {
  private static final List<String> ACTIONS = List.of("upload_file", "share");
  private static final List<KpiConfig> KPIS =
      List.of(
          new KpiConfig("revenue", Optional.of("purchase"), Optional.empty(), Optional.of("amount"), Aggregation.SUM),
          new KpiConfig("largest_order", Optional.of("purchase"), Optional.empty(), Optional.of("amount"), Aggregation.MAX));

  private static Object[] day(String user, String date, long visits, long events, double duration,
      List<String> features, Map<Object, Object> counts, Map<Object, Object> kpis) {
    return new Object[] {user, date(date), visits, events, duration, features, List.of("web"), counts, kpis,
        TestFrames.ts(date + "T10:00:00Z"), TestFrames.ts(date + "T11:00:00Z"), null};
  }

  private static Map<String, Row> sums(TestFrames window, int partitions) {
    Dataset<Row> rows = window.toDF().repartition(partitions);
    return WindowSums.of(rows, ACTIONS, KPIS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r));
  }

  @Test
  void sumsCountsAndDistinctFeaturesPerUser() {
    TestFrames window = TestFrames.of(DailyActivity.SCHEMA);
    window.row(day("a", "2026-11-01", 2, 5, 60, Arrays.asList("x", "y"), map("upload_file", 2L, "other", 7L),
        map("revenue", 10.0, "largest_order", -5.0)));
    // A day without a visit (events of types that form none): not an active day, no share.
    window.row(day("a", "2026-11-02", 0, 4, 0, Arrays.asList("y", null), map("share", 0L), map("revenue", 2.5)));
    window.row(day("a", "2026-11-03", 1, 1, 30, Arrays.asList("z", null), map("upload_file", 1L, "share", 3L),
        map("largest_order", -2.0)));
    window.row(day("b", "2026-11-03", 3, 9, 90, List.of(), map(), map()));
    Map<String, Row> byUser = sums(window, 2);

    Row a = byUser.get("a");
    assertEquals(2 + 0 + 1L, a.getLong(1)); // visits
    assertEquals(2L, a.getLong(2)); // active days: 11-01 and 11-03
    assertEquals(5 + 4 + 1L, a.getLong(3)); // events
    assertEquals(60 + 0 + 30.0, a.getDouble(4)); // duration
    assertEquals(4L, a.getLong(5)); // breadth: x, y, z and null
    assertEquals(2 + 0 + 1L, a.getLong(6)); // upload_file count ("other" is not an action)
    assertEquals(2L, a.getLong(7)); // upload_file days: 11-01, 11-03
    assertEquals(0 + 0 + 3L, a.getLong(8)); // share count
    assertEquals(1L, a.getLong(9)); // share days: 11-03 only (0 on 11-02)
    assertEquals(10.0 + 2.5 + 0.0, a.getDouble(10)); // revenue, missing on 11-03 = 0
    // largest_order: -5 on 11-01, missing (0) on 11-02, -2 on 11-03: max = 0.
    assertEquals(0.0, a.getDouble(11));

    Row b = byUser.get("b");
    assertEquals(List.of("b", 3L, 1L, 9L, 90.0, 0L, 0L, 0L, 0L, 0L, 0.0, 0.0),
        Arrays.asList(b.getString(0), b.getLong(1), b.getLong(2), b.getLong(3), b.getDouble(4), b.getLong(5),
            b.getLong(6), b.getLong(7), b.getLong(8), b.getLong(9), b.getDouble(10), b.getDouble(11)));
    assertEquals(2, byUser.size());
  }

  @Test
  void doublesAreAddedInDateOrderWhateverTheRowOrder() {
    // (0.1 + 0.2) + 0.3 = 0.6000000000000001 in doubles, while (0.3 + 0.2) + 0.1 = 0.6: the rows
    // arrive newest first and spread over three tasks, the sums still run from the oldest day.
    double dateOrder = ((0.0 + 0.1) + 0.2) + 0.3;
    TestFrames window = TestFrames.of(DailyActivity.SCHEMA);
    window.row(day("u", "2026-11-03", 1, 1, 0.3, List.of(), map(), map("revenue", 0.3)));
    window.row(day("u", "2026-11-02", 1, 1, 0.2, List.of(), map(), map("revenue", 0.2)));
    window.row(day("u", "2026-11-01", 1, 1, 0.1, List.of(), map(), map("revenue", 0.1)));
    for (int partitions : new int[] {1, 3}) {
      Row u = sums(window, partitions).get("u");
      assertEquals(dateOrder, u.getDouble(4), "duration on " + partitions + " partitions");
      assertEquals(dateOrder, u.getDouble(10), "revenue on " + partitions + " partitions");
    }
  }
}
