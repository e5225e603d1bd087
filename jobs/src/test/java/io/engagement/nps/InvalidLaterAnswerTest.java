package io.engagement.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.NpsConfig;
import io.engagement.input.InputSchemas;
import io.engagement.input.RecordValidator;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * An invalid later answer does not replace a valid earlier one: validation rejects it before it
 * becomes a response, so the latest VALID response in the window is the one that counts.
 */
class InvalidLaterAnswerTest {
  @Test
  void theValidEarlierAnswerStillCounts() {
    LocalDate d1 = LocalDate.parse("2026-11-01");
    LocalDate d2 = LocalDate.parse("2026-11-02");
    StructType scored =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("account_id", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("engagement_band", DataTypes.StringType)
            .add("unique_visits", DataTypes.LongType)
            .add("score_date", DataTypes.DateType);
    Dataset<Row> noScoredUsers = TestFrames.of(scored).toDF();
    // D1: u1 answers 9 (valid). D2: u1 answers 11 (invalid, later).
    Dataset<Row> day1 =
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r1", TestFrames.ts("2026-11-01T10:00:00Z"), "u1", "acc-1", "relationship", 9, null, "email")
            .toDF();
    Dataset<Row> day2 =
        TestFrames.of(InputSchemas.SURVEYS_SCHEMA)
            .row("r2", TestFrames.ts("2026-11-02T10:00:00Z"), "u1", "acc-1", "relationship", 11, null, "email")
            .toDF();
    ZoneId utc = ZoneId.of("UTC");
    Dataset<Row> responses1 =
        NpsResponses.forDay(RecordValidator.validateSurveys(day1, d1, utc).accepted(), noScoredUsers, List.of(), d1);
    Dataset<Row> responses2 =
        NpsResponses.forDay(RecordValidator.validateSurveys(day2, d2, utc).accepted(), noScoredUsers, List.of(), d2);
    List<Row> counted =
        CountedResponses.latestPerUser(responses1.unionByName(responses2), new NpsConfig(90, 30, List.of()), d2)
            .collectAsList();
    assertEquals(1, counted.size());
    assertEquals("r1", counted.get(0).getAs("response_id"));
    assertEquals(9, (int) counted.get(0).getAs("score"));
  }
}
