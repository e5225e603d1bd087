package io.engagement.pipeline;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.ts;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.engagement.config.EngagementConfig;
import io.engagement.input.InputSchemas;
import io.engagement.input.RawDay;
import io.engagement.output.Tables;
import io.engagement.testing.Events;
import io.engagement.testing.TestConfigs;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole day on tiny data, the first day ever processed (no history), default config.
 *
 * <p>Users: u1 (acc-1, pro, signed up 11-01), u2 (acc-1, free, signed up 10-01), u3 (acc-2, no
 * plan, no signup date, never acts). Events of 2026-11-03: u1 visits once (s1: page_view 10:00 on
 * dashboard, upload_file 10:10 on editor with pages "3"); u2 buys for 50.0 at 12:00 (no session).
 * Bad rows: an event without user_id, a repeat of u1's first event_id at 10:05, a survey score 11.
 * Surveys: u1 answers 10 (promoter), u2 answers 3 (detractor).
 *
 * <p>Scores by hand (weights of the default config; visits 50, actions 30, kpis 20):
 * <pre>
 * u1: visits: total 1 -> ln2/ln41; unique 1 -> 1/20 (x2); breadth 2 -> 2/6; depth 2 -> ln3/ln11;
 *             duration 600 -> ln601/ln901; recency 0 -> 1; reliance 1/max(7, min(28, 3)) = 1/7 (x2);
 *             C = sum / 9
 *     actions: upload_file.count 1 -> ln2/ln21; upload_file.reliance 1/max(7,1) = 1/7; collaborate.days 0;
 *             C = sum / 3
 *     kpis: revenue 0; purchases 0; pages_uploaded 3 -> ln4/ln51; C = sum / 4
 * u2: visits: total 1 -> ln2/ln41; unique 1/20 (x2); breadth 1/6; depth 1 -> ln2/ln11; duration 0 -> 0;
 *             recency 1; reliance 1/max(7, min(28, 34)) = 1/28 (x2)   [tenure 11-03 - 10-01 + 1 = 34]
 *     actions: 0; kpis: revenue 50 -> ln51/ln501 (x2); purchases 1 -> ln2/ln6; pages 0
 * u3: every sub-score 0 (recency null -> 0): score 0.
 * score = 100 * (50 C_visits + 30 C_actions + 20 C_kpis) / 100
 * </pre>
 */
class DailyPipelineTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static DayOutputs outputs;
  private static ValidatedDay validated;

  static double u1Score() {
    double visits = (Math.log(2) / Math.log(41) + 2 * (1.0 / 20) + 2.0 / 6 + Math.log(3) / Math.log(11)
        + Math.log(601) / Math.log(901) + 1 + 2 * (1.0 / 7)) / 9;
    double actions = (Math.log(2) / Math.log(21) + 1.0 / 7 + 0) / 3;
    double kpis = (0 + 0 + Math.log(4) / Math.log(51)) / 4;
    return 100 * (50 * visits + 30 * actions + 20 * kpis) / 100;
  }

  static double u2Score() {
    double visits = (Math.log(2) / Math.log(41) + 2 * (1.0 / 20) + 1.0 / 6 + Math.log(2) / Math.log(11)
        + 0 + 1 + 2 * (1.0 / 28)) / 9;
    double kpis = (2 * Math.log(51) / Math.log(501) + Math.log(2) / Math.log(6) + 0) / 4;
    return 100 * (50 * visits + 30 * 0 + 20 * kpis) / 100;
  }

  @BeforeAll
  static void runTheDay() {
    EngagementConfig config = TestConfigs.defaults();
    Dataset<Row> events =
        Events.builder()
            .full("e1", "2026-11-03T10:00:00Z", "u1", null, "s1", "page_view", null, "dashboard", "web", null, null)
            .full("e2", "2026-11-03T10:10:00Z", "u1", null, "s1", "action", "upload_file", "editor", "web", null, Map.of("pages", "3"))
            .full("e3", "2026-11-03T12:00:00Z", "u2", null, null, "purchase", null, "billing", "web", 50.0, null)
            .full("e4", "2026-11-03T13:00:00Z", null, null, null, "page_view", null, null, "web", null, null)
            .full("e1", "2026-11-03T10:05:00Z", "u1", null, "s1", "page_view", null, "dashboard", "web", null, null)
            .toDF();
    Dataset<Row> surveys =
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", ts("2026-11-03T15:00:00Z"), "u1", null, "relationship", 10, "love it", "email")
            .row("r2", ts("2026-11-03T16:00:00Z"), "u2", null, "relationship", 3, "too slow", "email")
            .row("r3", ts("2026-11-03T17:00:00Z"), "u3", null, "relationship", 11, null, "email")
            .toDF();
    Dataset<Row> users =
        TestFrames.of(InputSchemas.usersSchema(config.segments()))
            .row("u1", "acc-1", date("2026-11-01"), "pro", "emea")
            .row("u2", "acc-1", date("2026-10-01"), "free", "emea")
            .row("u3", "acc-2", null, null, null)
            .toDF();
    validated = DailyPipeline.validate(new RawDay(DAY, events, surveys, users), config);
    outputs = DailyPipeline.compute(validated, DayHistory.none(), config);
  }

  @AfterAll
  static void release() {
    outputs.release();
  }

  private static Map<String, Row> byKey(Tables table, String key) {
    return outputs.table(table).collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(key).toString(), r -> r));
  }

  @Test
  void rejectsTheBadRowsWithTheirReasons() {
    List<String> reasons =
        validated.rejectedRecords().select("reason").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    assertEquals(List.of("duplicate_id", "missing_user_id", "score_out_of_range"), reasons);
    // events 5 in = 3 accepted + 2 rejected; surveys 3 = 2 + 1; users 3 = 3 + 0
    var counts = validated.counts();
    assertEquals(List.of(5L, 3L, 2L), List.of(counts.get(0).input(), counts.get(0).accepted(), counts.get(0).rejected()));
    assertEquals(List.of(3L, 2L, 1L), List.of(counts.get(1).input(), counts.get(1).accepted(), counts.get(1).rejected()));
    assertEquals(List.of(3L, 3L, 0L), List.of(counts.get(2).input(), counts.get(2).accepted(), counts.get(2).rejected()));
  }

  @Test
  void dailyActivityOfTheTwoActiveUsers() {
    Map<String, Row> activity = byKey(Tables.USER_DAILY_ACTIVITY, "user_id");
    assertEquals(java.util.Set.of("u1", "u2"), activity.keySet());
    // u1: one visit s1 of 2 events, 10:00 -> 10:10 = 600 s (the duplicate at 10:05 is rejected)
    assertEquals(1L, (long) activity.get("u1").getAs("visits"));
    assertEquals(2L, (long) activity.get("u1").getAs("events"));
    assertEquals(600.0, (double) activity.get("u1").getAs("duration_seconds"), 1e-9);
    assertEquals("acc-1", activity.get("u1").getAs("account_id"));
    assertEquals(0.0, (double) activity.get("u2").getAs("duration_seconds"), 1e-9);
  }

  @Test
  void scoresEveryScoredUserAsComputedByHand() {
    Map<String, Row> engagement = byKey(Tables.USER_ENGAGEMENT, "user_id");
    assertEquals(java.util.Set.of("u1", "u2", "u3"), engagement.keySet());
    assertEquals(u1Score(), (double) engagement.get("u1").getAs("score"), 1e-9);
    assertEquals(u2Score(), (double) engagement.get("u2").getAs("score"), 1e-9);
    assertEquals(0.0, (double) engagement.get("u3").getAs("score"), 1e-12);
    assertEquals("unknown", engagement.get("u3").getAs("plan"));
    // u1 ~ 23.8, u2 ~ 18.3: both below 33.3, low band
    assertEquals("low", engagement.get("u1").getAs("engagement_band"));
  }

  @Test
  void accountRollups() {
    Map<String, Row> accounts = byKey(Tables.ACCOUNT_ENGAGEMENT, "account_id");
    Row acc1 = accounts.get("acc-1");
    assertEquals(2L, (long) acc1.getAs("users"));
    assertEquals((u1Score() + u2Score()) / 2, (double) acc1.getAs("mean_score"), 1e-9);
    assertEquals((u1Score() + u2Score()) / 2, (double) acc1.getAs("median_score"), 1e-9);
    // acc-2 holds only u3, who never visited: no active users, active mean null
    assertEquals(0L, (long) accounts.get("acc-2").getAs("active_users"));
    assertNull(accounts.get("acc-2").getAs("active_mean_score"));
    // first day: no value 7 days ago
    assertNull(acc1.getAs("mean_score_change_7d"));
  }

  @Test
  void businessNpsWithItsMarginOfError() {
    Row business =
        outputs.table(Tables.SEGMENT_NPS).where(col("segment_dimension").equalTo("all")).collectAsList().get(0);
    // 1 promoter, 1 detractor: nps = 100 * (1 - 1) / 2 = 0
    assertEquals(0.0, (double) business.getAs("nps"), 1e-9);
    // n' = 5, pP' = pD' = 1.75 / 5 = 0.35: moe = 196 * sqrt((0.7 - 0) / 5) = 196 * sqrt(0.14)
    assertEquals(196 * Math.sqrt(0.14), (double) business.getAs("margin_of_error"), 1e-9);
    // 2 scored respondents of 3 scored users
    assertEquals(2.0 / 3, (double) business.getAs("response_rate"), 1e-9);
    assertEquals(true, business.getAs("low_sample"));
  }

  @Test
  void sayVersusDo() {
    Map<String, Row> sayDo = byKey(Tables.SAY_DO, "user_id");
    // u1: promoter with a low score -> says more than it does; u2: detractor, low -> aligned
    assertEquals("promoter_low_engagement", sayDo.get("u1").getAs("flag"));
    assertEquals("aligned", sayDo.get("u2").getAs("flag"));
    Row business =
        outputs.table(Tables.SAY_DO_SEGMENTS).where(col("segment_dimension").equalTo("all")).collectAsList().get(0);
    assertEquals(2L, (long) business.getAs("respondents"));
    assertNull(business.getAs("correlation"));
  }

  @Test
  void noAlertsWithoutHistory() {
    assertEquals(0, outputs.table(Tables.ENGAGEMENT_ALERTS).count());
  }
}
