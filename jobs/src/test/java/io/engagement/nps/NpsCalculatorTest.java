package io.engagement.nps;

import static io.engagement.nps.NpsFixtures.DAY;
import static io.engagement.nps.NpsFixtures.addResponse;
import static io.engagement.nps.NpsFixtures.addScoredUser;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.NpsConfig;
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

class NpsCalculatorTest {
  private static final LocalDate EARLIER = LocalDate.parse("2026-10-20");
  private static final NpsConfig MIN_10 = NpsFixtures.nps(90, 10);

  private static final StructType MEASURES =
      new StructType()
          .add(Columns.RESPONDENTS, LongType)
          .add(Columns.PROMOTERS, LongType)
          .add(Columns.PASSIVES, LongType)
          .add(Columns.DETRACTORS, LongType)
          .add(Columns.NPS, DoubleType)
          .add(Columns.MARGIN_OF_ERROR, DoubleType)
          .add(Columns.RESPONSE_RATE, DoubleType)
          .add(Columns.LOW_SAMPLE, BooleanType)
          .add(Columns.SCORE_DATE, DateType);

  private static final StructType ACCOUNT_NPS =
      prepend(MEASURES, new StructType().add(InputSchemas.ACCOUNT_ID, StringType));
  private static final StructType SEGMENT_NPS =
      prepend(
          MEASURES,
          new StructType()
              .add(Columns.SEGMENT_DIMENSION, StringType)
              .add(Columns.SEGMENT_VALUE, StringType));

  /**
   * Scored on D: a1 has u1..u6, u11, u12 on plan 'pro' and u7..u10 on 'free' (12 users); a2 has
   * u13 with no plan ('unknown'). Counted answers: u1..u5 promoters, u6..u8 passives, u9, u10
   * detractors, and x1, not scored on D, a promoter whose response says account a3, plan 'pro'.
   * u1's response row still has its old groups (a_old, free): on D it counts in a1 / pro.
   */
  private static Dataset<Row> scoredUsers() {
    TestFrames users = NpsFixtures.scoredUsers();
    for (String u : List.of("u1", "u2", "u3", "u4", "u5", "u6", "u11", "u12")) {
      addScoredUser(users, u, "a1", "pro");
    }
    for (String u : List.of("u7", "u8", "u9", "u10")) {
      addScoredUser(users, u, "a1", "free");
    }
    addScoredUser(users, "u13", "a2", null);
    return users.toDF();
  }

  private static Dataset<Row> counted() {
    TestFrames counted = NpsFixtures.responses();
    addResponse(counted, "r1", EARLIER, "u1", "a_old", "free", "rel", 9, Columns.PROMOTER);
    addResponse(counted, "r2", DAY, "u2", "a1", "pro", "rel", 10, Columns.PROMOTER);
    addResponse(counted, "r3", DAY, "u3", "a1", "pro", "rel", 9, Columns.PROMOTER);
    addResponse(counted, "r4", DAY, "u4", "a1", "pro", "rel", 10, Columns.PROMOTER);
    addResponse(counted, "r5", DAY, "u5", "a1", "pro", "rel", 9, Columns.PROMOTER);
    addResponse(counted, "r6", DAY, "u6", "a1", "pro", "rel", 7, Columns.PASSIVE);
    addResponse(counted, "r7", DAY, "u7", "a1", "free", "rel", 7, Columns.PASSIVE);
    addResponse(counted, "r8", DAY, "u8", "a1", "free", "rel", 8, Columns.PASSIVE);
    addResponse(counted, "r9", DAY, "u9", "a1", "free", "rel", 0, Columns.DETRACTOR);
    addResponse(counted, "r10", DAY, "u10", "a1", "free", "rel", 6, Columns.DETRACTOR);
    addResponse(counted, "r11", EARLIER, "x1", "a3", "pro", "rel", 10, Columns.PROMOTER);
    return counted.toDF();
  }

  @Test
  void accountNps() {
    Dataset<Row> actual = NpsCalculator.accountNps(counted(), scoredUsers(), MIN_10, DAY);

    Dataset<Row> expected =
        TestFrames.of(ACCOUNT_NPS)
            // a1: P=5, passives 3, D=2, n=10. nps = 100*(5-2)/10 = 30.
            // n' = 13, pP' = 5.75/13, pD' = 2.75/13; pP'+pD' = 8.5/13; (pP'-pD')^2 = (3/13)^2 = 9/169
            // (8.5/13 - 9/169) / 13 = ((110.5 - 9)/169) / 13 = 101.5/2197 -> moe = 196*sqrt(101.5/2197) = 42.128...
            // response_rate = 10 scored respondents / 12 users; low_sample: 10 < 10 is false
            .row("a1", 10L, 5L, 3L, 2L, 30.0, 196 * Math.sqrt(101.5 / 2197), 10.0 / 12, false, DAY)
            // a3: only x1, not scored: counts where its response says. n=1, P=1 -> nps 100.
            // n' = 4, pP' = 1.75/4 = 0.4375, pD' = 0.75/4 = 0.1875;
            // (0.625 - 0.25^2) / 4 = 0.5625/4 = 0.140625 -> moe = 196*0.375 = 73.5
            // no scored user in a3 -> response_rate null; 1 < 10 -> low_sample
            .row("a3", 1L, 1L, 0L, 0L, 100.0, 73.5, null, true, DAY)
            // a2 (u13) has no respondent: no row
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(List.of(ACCOUNT_NPS.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void segmentNpsIncludingTheBusiness() {
    Dataset<Row> actual =
        NpsCalculator.segmentNps(counted(), scoredUsers(), NpsFixtures.PLAN, MIN_10, DAY);

    Dataset<Row> expected =
        TestFrames.of(SEGMENT_NPS)
            // all: u1..u10 and x1: n=11, P=6, passives 3, D=2. nps = 100*(6-2)/11 = 400/11.
            // n' = 14: (pP'+pD') = 9.5/14, (pP'-pD')^2 = (4/14)^2 = 16/196;
            // (9.5/14 - 16/196)/14 = ((133 - 16)/196)/14 = 117/2744
            // response_rate = 10 scored respondents / 13 scored users; 11 >= 10: not low
            .row("all", "all", 11L, 6L, 3L, 2L, 400.0 / 11, 196 * Math.sqrt(117.0 / 2744), 10.0 / 13, false, DAY)
            // pro: u1..u5 P, u6 passive: n=6, nps = 100*5/6. n' = 9: (6.5/9 - (5/9)^2)/9
            // = ((58.5 - 25)/81)/9 = 33.5/729. users pro: u1..u6, u11, u12 = 8 -> 6/8
            .row("plan", "pro", 6L, 5L, 1L, 0L, 500.0 / 6, 196 * Math.sqrt(33.5 / 729), 0.75, true, DAY)
            // free: u7, u8 passive, u9, u10 D: n=4, nps = 100*(0-2)/4 = -50. n' = 7:
            // pP' = 0.75/7, pD' = 2.75/7: (3.5/7 - (2/7)^2)/7 = ((24.5 - 4)/49)/7 = 20.5/343
            // users free: 4 -> 4/4
            .row("plan", "free", 4L, 0L, 2L, 2L, -50.0, 196 * Math.sqrt(20.5 / 343), 1.0, true, DAY)
            // unknown: x1 (not scored -> 'unknown', whatever its response row said): as a3 above,
            // nps 100, moe 73.5; users 'unknown': u13 -> 0 scored respondents / 1 = 0
            .row("plan", "unknown", 1L, 1L, 0L, 0L, 100.0, 73.5, 0.0, true, DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(List.of(SEGMENT_NPS.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void thirtyPromotersOutOfThirtyKeepAnHonestMargin() {
    TestFrames users = NpsFixtures.scoredUsers();
    TestFrames counted = NpsFixtures.responses();
    for (int i = 1; i <= 30; i++) {
      addScoredUser(users, "u" + i, "a1", "pro");
      addResponse(counted, "r" + i, DAY, "u" + i, "a1", "pro", "rel", 10, Columns.PROMOTER);
    }

    Dataset<Row> actual =
        NpsCalculator.accountNps(counted.toDF(), users.toDF(), NpsFixtures.nps(90, 30), DAY);

    // n = 30, P = 30: nps = 100. n' = 33, pP' = 30.75/33, pD' = 0.75/33:
    // (31.5/33 - (30/33)^2)/33 = ((1039.5 - 900)/1089)/33 = 139.5/35937 = 0.0038818
    // moe = 196*sqrt(0.0038818) = 196*0.062304 = 12.21 (about 12.2, not 0)
    // response_rate = 30/30; low_sample: 30 < 30 is false
    Dataset<Row> expected =
        TestFrames.of(ACCOUNT_NPS)
            .row("a1", 30L, 30L, 0L, 0L, 100.0, 196 * Math.sqrt(139.5 / 35937), 1.0, false, DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(12.2, actual.first().<Double>getAs(Columns.MARGIN_OF_ERROR), 0.05);
  }

  private static StructType prepend(StructType measures, StructType keys) {
    StructType out = keys;
    for (var field : measures.fields()) {
      out = out.add(field);
    }
    return out;
  }
}
