package io.engagement.insights;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.SayDoConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SayDoTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static final LocalDate OCT_30 = LocalDate.parse("2026-10-30");
  private static final LocalDate OCT_20 = LocalDate.parse("2026-10-20");
  private static final List<String> PLAN = List.of("plan");
  private static final SayDoConfig BANDS = new SayDoConfig(33.3, 66.7);

  private static final StructType COUNTED =
      new StructType()
          .add(InputSchemas.RESPONSE_ID, StringType)
          .add(InputSchemas.RESPONSE_TIME, TimestampType)
          .add(Columns.RESPONSE_DATE, DateType)
          .add(InputSchemas.USER_ID, StringType)
          .add(InputSchemas.ACCOUNT_ID, StringType)
          .add("plan", StringType)
          .add(InputSchemas.SURVEY, StringType)
          .add(InputSchemas.SCORE, IntegerType)
          .add(Columns.CATEGORY, StringType)
          .add(InputSchemas.COMMENT, StringType)
          .add(InputSchemas.CHANNEL, StringType);

  private static final StructType SCORED_USERS =
      new StructType()
          .add(InputSchemas.USER_ID, StringType)
          .add(InputSchemas.ACCOUNT_ID, StringType)
          .add("plan", StringType)
          .add(Columns.SCORE, DoubleType)
          .add(Columns.ENGAGEMENT_BAND, StringType)
          .add(Columns.UNIQUE_VISITS, LongType)
          .add(Columns.SCORE_DATE, DateType);

  private static final StructType SCORE_HISTORY =
      new StructType()
          .add(InputSchemas.USER_ID, StringType)
          .add(Columns.SCORE_DATE, DateType)
          .add(Columns.SCORE, DoubleType);

  private static final StructType SAY_DO =
      new StructType()
          .add(InputSchemas.USER_ID, StringType)
          .add(InputSchemas.ACCOUNT_ID, StringType)
          .add("plan", StringType)
          .add(InputSchemas.RESPONSE_ID, StringType)
          .add(Columns.RESPONSE_DATE, DateType)
          .add(Columns.NPS_SCORE, IntegerType)
          .add(Columns.NPS_CATEGORY, StringType)
          .add(Columns.SCORE, DoubleType)
          .add(Columns.SCORE_AT_RESPONSE, DoubleType)
          .add(Columns.ENGAGEMENT_BAND, StringType)
          .add(Columns.FLAG, StringType)
          .add(Columns.SCORE_DATE, DateType);

  private static final StructType SAY_DO_SEGMENTS =
      new StructType()
          .add(Columns.SEGMENT_DIMENSION, StringType)
          .add(Columns.SEGMENT_VALUE, StringType)
          .add(Columns.RESPONDENTS, LongType)
          .add(Columns.PROMOTER_LOW_ENGAGEMENT, LongType)
          .add(Columns.DETRACTOR_HIGH_ENGAGEMENT, LongType)
          .add(Columns.ALIGNED, LongType)
          .add(Columns.NEUTRAL, LongType)
          .add(Columns.CORRELATION, DoubleType)
          .add(Columns.SCORE_DATE, DateType);

  @Test
  void flagsEachScoredRespondentByItsCategoryAndBand() {
    TestFrames counted = TestFrames.of(COUNTED);
    answer(counted, "r1", DAY, "u1", 9, Columns.PROMOTER);
    answer(counted, "r2", OCT_30, "u2", 3, Columns.DETRACTOR);
    answer(counted, "r3", OCT_20, "u3", 10, Columns.PROMOTER);
    answer(counted, "r4", DAY, "u4", 0, Columns.DETRACTOR);
    answer(counted, "r5", DAY, "u5", 8, Columns.PASSIVE);
    answer(counted, "r6", DAY, "u6", 9, Columns.PROMOTER);
    answer(counted, "r7", DAY, "u7", 6, Columns.DETRACTOR);
    answer(counted, "r8", DAY, "x1", 10, Columns.PROMOTER);
    Dataset<Row> scored =
        TestFrames.of(SCORED_USERS)
            .row("u1", "a1", "pro", 20.0, "low", 1L, DAY)
            .row("u2", "a1", "pro", 80.0, "high", 1L, DAY)
            .row("u3", "a1", "pro", 66.7, "high", 1L, DAY)
            .row("u4", "a2", "free", 33.2, "low", 1L, DAY)
            .row("u5", "a2", "free", 10.0, "low", 1L, DAY)
            .row("u6", "a2", "free", 33.3, "mid", 1L, DAY)
            .row("u7", "a2", null, 66.6, "mid", 1L, DAY)
            .toDF();
    Dataset<Row> history =
        TestFrames.of(SCORE_HISTORY)
            .row("u2", OCT_30, 75.0)
            .row("u2", LocalDate.parse("2026-10-29"), 70.0)
            // a stale row of D itself (a rerun): D's score comes from the scored users
            .row("u1", DAY, 99.0)
            .toDF();

    Dataset<Row> actual = SayDo.perUser(counted.toDF(), scored, history, BANDS, PLAN, DAY);

    Dataset<Row> expected =
        TestFrames.of(SAY_DO)
            // 20 < 33.3 -> low; promoter + low; answered on D -> score_at_response = D's score
            .row("u1", "a1", "pro", "r1", DAY, 9, "promoter", 20.0, 20.0, "low", "promoter_low_engagement", DAY)
            // 80 >= 66.7 -> high; detractor + high; answered Oct 30 -> that day's score 75
            .row("u2", "a1", "pro", "r2", OCT_30, 3, "detractor", 80.0, 75.0, "high", "detractor_high_engagement", DAY)
            // 66.7 >= 66.7 -> high; promoter + high; Oct 20 was not scored -> null
            .row("u3", "a1", "pro", "r3", OCT_20, 10, "promoter", 66.7, null, "high", "aligned", DAY)
            // 33.2 < 33.3 -> low; detractor + low
            .row("u4", "a2", "free", "r4", DAY, 0, "detractor", 33.2, 33.2, "low", "aligned", DAY)
            // a passive is neutral whatever its band
            .row("u5", "a2", "free", "r5", DAY, 8, "passive", 10.0, 10.0, "low", "neutral", DAY)
            // 33.3 is not < 33.3 -> mid; promoter + mid
            .row("u6", "a2", "free", "r6", DAY, 9, "promoter", 33.3, 33.3, "mid", "neutral", DAY)
            // 66.6 < 66.7 -> mid; detractor + mid; null plan -> 'unknown'
            .row("u7", "a2", "unknown", "r7", DAY, 6, "detractor", 66.6, 66.6, "mid", "neutral", DAY)
            // x1 is not scored on D: not in say_do
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(List.of(SAY_DO.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void countsFlagsAndCorrelatesPerSegment() {
    TestFrames sayDo = TestFrames.of(SAY_DO);
    // pro: (nps, score) = (10, 80), (6, 40), (8, 90)
    saidDid(sayDo, "u1", "pro", 10, 80.0, "aligned");
    saidDid(sayDo, "u2", "pro", 6, 40.0, "neutral");
    saidDid(sayDo, "u3", "pro", 8, 90.0, "neutral");
    // free: 2 respondents
    saidDid(sayDo, "u4", "free", 4, 70.0, "detractor_high_engagement");
    saidDid(sayDo, "u5", "free", 9, 70.0, "aligned");
    // team: 3 respondents, all answered 9: no variance in nps_score
    saidDid(sayDo, "u6", "team", 9, 20.0, "promoter_low_engagement");
    saidDid(sayDo, "u7", "team", 9, 90.0, "aligned");
    saidDid(sayDo, "u8", "team", 9, 100.0, "aligned");

    Dataset<Row> actual = SayDo.perSegment(sayDo.toDF(), PLAN);

    Dataset<Row> expected =
        TestFrames.of(SAY_DO_SEGMENTS)
            // all 8: x = 10,6,8,4,9,9,9,9 (sum 64, mean 8); y = 80,40,90,70,70,20,90,100 (sum 560, mean 70)
            // dx = 2,-2,0,-4,1,1,1,1; dy = 10,-30,20,0,0,-50,20,30
            // Sxy = 20+60+0+0+0-50+20+30 = 80; Sxx = 4+4+0+16+1+1+1+1 = 28;
            // Syy = 100+900+400+0+0+2500+400+900 = 5200
            // r = 80/sqrt(28*5200) = 80/sqrt(145600) = 80/(40*sqrt(91)) = 2/sqrt(91) = 0.2097
            .row("all", "all", 8L, 1L, 1L, 4L, 2L, 2 / Math.sqrt(91), DAY)
            // pro: x = 10,6,8 (mean 8, dx 2,-2,0); y = 80,40,90 (mean 70, dy 10,-30,20)
            // Sxy = 20+60+0 = 80; Sxx = 8; Syy = 100+900+400 = 1400
            // r = 80/sqrt(8*1400) = 80/sqrt(11200) = 80/(40*sqrt(7)) = 2/sqrt(7) = 0.7559
            .row("plan", "pro", 3L, 0L, 0L, 1L, 2L, 2 / Math.sqrt(7), DAY)
            // free: n = 2 < 3 -> null
            .row("plan", "free", 2L, 0L, 1L, 1L, 0L, null, DAY)
            // team: Sxx = 0 -> null
            .row("plan", "team", 3L, 1L, 0L, 2L, 0L, null, DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(List.of(SAY_DO_SEGMENTS.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void aConstantEngagementScoreHasNoCorrelation() {
    TestFrames sayDo = TestFrames.of(SAY_DO);
    saidDid(sayDo, "u1", "pro", 10, 50.0, "neutral");
    saidDid(sayDo, "u2", "pro", 2, 50.0, "neutral");
    saidDid(sayDo, "u3", "pro", 7, 50.0, "neutral");

    Dataset<Row> actual = SayDo.perSegment(sayDo.toDF(), PLAN);

    // Syy = 0 in every group (all three scores are 50) -> null
    Dataset<Row> expected =
        TestFrames.of(SAY_DO_SEGMENTS)
            .row("all", "all", 3L, 0L, 0L, 0L, 3L, null, DAY)
            .row("plan", "pro", 3L, 0L, 0L, 0L, 3L, null, DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }

  private static void answer(
      TestFrames counted, String responseId, LocalDate date, String user, int score, String category) {
    counted.row(
        responseId, TestFrames.ts(date + "T12:00:00Z"), date, user, "a_response", "old_plan",
        "rel", score, category, null, "email");
  }

  /** A say_do row: only plan, nps_score, score and flag matter to the per-segment step. */
  private static void saidDid(TestFrames sayDo, String user, String plan, int nps, double score, String flag) {
    sayDo.row(user, "a1", plan, "r_" + user, DAY, nps, "any", score, null, "any", flag, DAY);
  }
}
