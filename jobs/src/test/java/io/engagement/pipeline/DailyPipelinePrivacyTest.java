package io.engagement.pipeline;

import static io.engagement.testing.TestFrames.date;
import static io.engagement.testing.TestFrames.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.config.EngagementConfig;
import io.engagement.config.PiiConfig;
import io.engagement.input.InputSchemas;
import io.engagement.input.RawDay;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.privacy.PseudonymKey;
import io.engagement.testing.Events;
import io.engagement.testing.TestConfigs;
import io.engagement.testing.TestFrames;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A first day with both PII options on: no table holds a raw user id, an e-mail address or a
 * phone number, and each user carries the same pseudonym in every table.
 *
 * <p>Users user-alice, user-bob, user-carol (a second, older row of user-carol is rejected as a
 * duplicate). Alice visits, Bob buys; a repeat of Bob's event_id is rejected. Surveys: Alice 10
 * with her e-mail address, Bob 3 with his phone number, Carol 11 (rejected) with hers.
 */
class DailyPipelinePrivacyTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static final String SECRET = "pipeline-test-key";
  private static final String ALICE = "user-alice";
  private static final String BOB = "user-bob";
  private static final String CAROL = "user-carol";
  private static final List<String> PII = List.of("user-", "@example.com", "555-123-4567", "+33 6 12");

  private static ValidatedDay validated;
  private static DayOutputs outputs;
  /** Every table of the day, rejected_records included, collected once. */
  private static Map<Tables, List<Row>> rows;

  /** The pseudonym computed with the JDK's Mac directly, not through the job's classes. */
  private static String hmac(String userId) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
  }

  @BeforeAll
  static void runTheDay() {
    EngagementConfig defaults = TestConfigs.defaults();
    EngagementConfig config =
        defaults.withPii(new PiiConfig(true, true, Optional.of(PseudonymKey.of(SECRET))));
    Dataset<Row> events =
        Events.builder()
            .full("e1", "2026-11-03T10:00:00Z", ALICE, null, "s1", "page_view", null, "dashboard", "web", null, null)
            .full("e2", "2026-11-03T12:00:00Z", BOB, null, null, "purchase", null, "billing", "web", 50.0, null)
            .full("e2", "2026-11-03T12:05:00Z", BOB, null, null, "purchase", null, "billing", "web", 50.0, null)
            .toDF();
    Dataset<Row> surveys =
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", ts("2026-11-03T15:00:00Z"), ALICE, null, "relationship", 10, "love it, alice@example.com", "email")
            .row("r2", ts("2026-11-03T16:00:00Z"), BOB, null, "relationship", 3, "call me 555-123-4567", "email")
            .row("r3", ts("2026-11-03T17:00:00Z"), CAROL, null, "relationship", 11, "+33 6 12 34 56 78", "email")
            .toDF();
    Dataset<Row> users =
        TestFrames.of(InputSchemas.usersSchema(defaults.segments()))
            .row(ALICE, "acc-1", date("2026-11-01"), "pro", "emea")
            .row(BOB, "acc-1", date("2026-10-01"), "free", "emea")
            .row(CAROL, "acc-2", date("2026-09-01"), "free", "amer")
            .row(CAROL, "acc-2", date("2026-08-01"), "free", "amer")
            .toDF();
    validated = DailyPipeline.validate(new RawDay(DAY, events, surveys, users), config);
    outputs = DailyPipeline.compute(validated, DayHistory.none(), config);
    rows = new LinkedHashMap<>();
    for (Tables table : Tables.dayTables()) {
      Dataset<Row> frame =
          table == Tables.REJECTED_RECORDS ? validated.rejectedRecords() : outputs.table(table);
      rows.put(table, frame.collectAsList());
    }
  }

  @AfterAll
  static void release() {
    outputs.release();
  }

  private static Set<String> values(Tables table, String column) {
    return rows.get(table).stream().map(r -> r.<String>getAs(column)).collect(Collectors.toSet());
  }

  private static Set<String> userIds(Tables table) {
    return values(table, InputSchemas.USER_ID);
  }

  @Test
  void noTableHoldsARawIdAnEmailOrAPhone() {
    rows.forEach(
        (table, tableRows) ->
            tableRows.forEach(
                row ->
                    PII.forEach(
                        raw ->
                            assertFalse(
                                row.toString().contains(raw), table.tableName() + " holds " + raw + ": " + row))));
  }

  @Test
  void eachUserHasTheSamePseudonymInEveryTable() throws Exception {
    Set<String> active = Set.of(hmac(ALICE), hmac(BOB));
    Set<String> scored = Set.of(hmac(ALICE), hmac(BOB), hmac(CAROL));
    assertEquals(active, userIds(Tables.USER_DAILY_ACTIVITY));
    assertEquals(active, userIds(Tables.USER_STATE));
    assertEquals(scored, userIds(Tables.USER_ENGAGEMENT));
    assertEquals(scored, userIds(Tables.USER_METRIC_SCORES));
    assertEquals(active, userIds(Tables.NPS_RESPONSES));
    assertEquals(active, userIds(Tables.SAY_DO));
    // the joins held: Alice and Bob kept their account (acc-1) through the pseudonym
    assertEquals(Set.of("acc-1"), values(Tables.USER_DAILY_ACTIVITY, InputSchemas.ACCOUNT_ID));
  }

  @Test
  void rejectedRecordsCarryThePseudonymAndTheRedactedComment() throws Exception {
    List<Row> rejected = rows.get(Tables.REJECTED_RECORDS);
    Map<String, String> recordBySource =
        rejected.stream().collect(Collectors.toMap(r -> r.getAs(Columns.SOURCE), r -> r.getAs(Columns.RECORD)));
    // one rejection per source: Bob's repeated e2, Carol's score 11, Carol's older row
    assertEquals(3, rejected.size());
    assertTrue(recordBySource.get(InputSchemas.EVENTS).contains("\"user_id\":\"" + hmac(BOB) + "\""));
    assertTrue(recordBySource.get(InputSchemas.SURVEYS).contains("\"user_id\":\"" + hmac(CAROL) + "\""));
    assertTrue(recordBySource.get(InputSchemas.SURVEYS).contains("\"comment\":\"[phone]\""));
    assertTrue(recordBySource.get(InputSchemas.USERS).contains("\"user_id\":\"" + hmac(CAROL) + "\""));
  }

  @Test
  void npsResponsesKeepTheRedactedComments() throws Exception {
    Map<String, String> comments =
        rows.get(Tables.NPS_RESPONSES).stream()
            .collect(Collectors.toMap(r -> r.getAs(InputSchemas.USER_ID), r -> r.getAs(InputSchemas.COMMENT)));
    assertEquals(Map.of(hmac(ALICE), "love it, [email]", hmac(BOB), "call me [phone]"), comments);
  }
}
