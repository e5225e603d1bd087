package io.engagement.nps;

import static io.engagement.nps.NpsFixtures.DAY;
import static io.engagement.testing.TestFrames.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class NpsResponsesTest {
  private static final List<String> SEGMENTS = List.of("plan", "region");

  @Test
  void keepsEveryResponseWithItsCategoryAndTheRespondentsGroupsOfTheDay() {
    Dataset<Row> surveys =
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            // u1 is scored on D: account and segments come from its groups of D, not the response
            .row("r1", ts("2026-11-03T09:00:00Z"), "u1", "a_response", "relationship", 6, "meh", "web")
            .row("r2", ts("2026-11-03T10:00:00Z"), "u2", "a9", "relationship", 7, null, "email")
            .row("r3", ts("2026-11-03T11:00:00Z"), "u3", null, "transactional", 8, null, "email")
            .row("r4", ts("2026-11-03T12:00:00Z"), "u4", "a4", "relationship", 9, "great", "app")
            // a second answer of u1 to another survey is kept too: counting picks later
            .row("r5", ts("2026-11-03T13:00:00Z"), "u1", "a_response", "transactional", 10, null, "app")
            .row("r6", ts("2026-11-03T14:00:00Z"), "u4", "a4", "relationship", 0, null, "app")
            .toDF();
    Dataset<Row> scored =
        TestFrames.of(NpsFixtures.scoredUsersSchema(SEGMENTS))
            .row("u1", "a1", "pro", null, 70.0, Columns.BAND_HIGH, 4L, DAY)
            .row("u4", "a4", "free", "emea", 10.0, Columns.BAND_LOW, 1L, DAY)
            .row("u9", "a1", "pro", "emea", 50.0, Columns.BAND_MID, 2L, DAY)
            .toDF();

    Dataset<Row> actual = NpsResponses.forDay(surveys, scored, SEGMENTS, DAY);

    assertEquals(
        List.of(
            "response_id", "response_time", "response_date", "user_id", "account_id", "plan",
            "region", "survey", "score", "category", "comment", "channel"),
        List.of(actual.columns()));
    Dataset<Row> expected =
        TestFrames.of(actual.schema())
            // 6 -> detractor (0-6); scored: a1/pro, null region -> 'unknown'
            .row("r1", ts("2026-11-03T09:00:00Z"), DAY, "u1", "a1", "pro", "unknown", "relationship", 6, "detractor", "meh", "web")
            // 7 -> passive; not scored: the response's own account, segments 'unknown'
            .row("r2", ts("2026-11-03T10:00:00Z"), DAY, "u2", "a9", "unknown", "unknown", "relationship", 7, "passive", null, "email")
            // 8 -> passive; not scored and no account -> 'unknown'
            .row("r3", ts("2026-11-03T11:00:00Z"), DAY, "u3", "unknown", "unknown", "unknown", "transactional", 8, "passive", null, "email")
            // 9 -> promoter (9-10)
            .row("r4", ts("2026-11-03T12:00:00Z"), DAY, "u4", "a4", "free", "emea", "relationship", 9, "promoter", "great", "app")
            .row("r5", ts("2026-11-03T13:00:00Z"), DAY, "u1", "a1", "pro", "unknown", "transactional", 10, "promoter", null, "app")
            .row("r6", ts("2026-11-03T14:00:00Z"), DAY, "u4", "a4", "free", "emea", "relationship", 0, "detractor", null, "app")
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }
}
