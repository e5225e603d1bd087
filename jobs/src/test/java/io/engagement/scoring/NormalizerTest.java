package io.engagement.scoring;

import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagement.config.MetricConfig;
import io.engagement.config.Normalization;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.testing.TestFrames;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each normalisation of metrics.md 5, at, below and above its target, and with a null value. */
class NormalizerTest {
  private static final StructType VALUES =
      new StructType().add("id", DataTypes.StringType).add("x", DataTypes.DoubleType);
  private static final StructType SCORES =
      new StructType().add("id", DataTypes.StringType).add("s", DataTypes.DoubleType);

  @Test
  void logTargetRisesLikeTheLogAndCapsAtTheTarget() {
    Dataset<Row> values =
        TestFrames.of(VALUES)
            .row("negative", -1.0)
            .row("zero", 0.0)
            .row("three", 3.0)
            .row("target", 9.0)
            .row("above", 20.0)
            .row("null", null)
            .toDF();
    Dataset<Row> expected =
        TestFrames.of(SCORES)
            .row("negative", 0.0) // x <= 0 -> 0
            .row("zero", 0.0) // x <= 0 -> 0
            .row("three", 0.6020599913279624) // ln(1+3)/ln(1+9) = ln 4 / ln 10 = 1.386294361 / 2.302585093
            .row("target", 1.0) // ln 10 / ln 10
            .row("above", 1.0) // min(1, ln 21 / ln 10 = 1.3222)
            .row("null", 0.0)
            .toDF();
    assertSameRows(expected, subScores(new LogTarget(9), values));
  }

  @Test
  void linearTargetIsTheShareOfTheTargetBetweenZeroAndOne() {
    Dataset<Row> values =
        TestFrames.of(VALUES)
            .row("negative", -5.0)
            .row("zero", 0.0)
            .row("half", 5.0)
            .row("target", 10.0)
            .row("above", 15.0)
            .row("null", null)
            .toDF();
    Dataset<Row> expected =
        TestFrames.of(SCORES)
            .row("negative", 0.0) // max(0, -5/10)
            .row("zero", 0.0)
            .row("half", 0.5) // 5/10
            .row("target", 1.0) // 10/10
            .row("above", 1.0) // min(1, 15/10)
            .row("null", 0.0)
            .toDF();
    assertSameRows(expected, subScores(new LinearTarget(10), values));
  }

  @Test
  void ratioIsClampedToZeroOne() {
    Dataset<Row> values =
        TestFrames.of(VALUES)
            .row("negative", -0.2)
            .row("half", 0.5)
            .row("one", 1.0)
            .row("above", 1.5)
            .row("null", null)
            .toDF();
    Dataset<Row> expected =
        TestFrames.of(SCORES)
            .row("negative", 0.0) // max(0, -0.2)
            .row("half", 0.5)
            .row("one", 1.0)
            .row("above", 1.0) // min(1, 1.5)
            .row("null", 0.0)
            .toDF();
    assertSameRows(expected, subScores(new Ratio(), values));
  }

  @Test
  void halfLifeHalvesEveryHalfLifeAndANeverActiveUserGetsZero() {
    Dataset<Row> values =
        TestFrames.of(VALUES)
            .row("today", 0.0)
            .row("one half-life", 7.0)
            .row("two half-lives", 14.0)
            .row("never active", null)
            .toDF();
    Dataset<Row> expected =
        TestFrames.of(SCORES)
            .row("today", 1.0) // 0.5^(0/7) = 1
            .row("one half-life", 0.5) // 0.5^(7/7)
            .row("two half-lives", 0.25) // 0.5^(14/7)
            .row("never active", 0.0) // null -> 0
            .toDF();
    assertSameRows(expected, subScores(new HalfLife(7), values));
  }

  @Test
  void halfLifeAcceptsRecencyAsAnInteger() {
    StructType intValues =
        new StructType().add("id", DataTypes.StringType).add("x", DataTypes.IntegerType);
    Dataset<Row> values = TestFrames.of(intValues).row("a", 7).row("b", null).toDF();
    // 0.5^(7/7) = 0.5; null -> 0
    Dataset<Row> expected = TestFrames.of(SCORES).row("a", 0.5).row("b", 0.0).toDF();
    assertSameRows(expected, subScores(new HalfLife(7), values));
  }

  @Test
  void percentileRanksAscendingAndTiesShareTheLowestRank() {
    Dataset<Row> values =
        TestFrames.of(VALUES).row("a", 10.0).row("b", 20.0).row("c", 20.0).row("d", 40.0).toDF();
    // percent_rank = (rank - 1) / (n - 1), n = 4: ranks 1, 2, 2, 4
    Dataset<Row> expected =
        TestFrames.of(SCORES)
            .row("a", 0.0) // (1-1)/3
            .row("b", 1.0 / 3) // (2-1)/3
            .row("c", 1.0 / 3) // tie: same lowest rank 2
            .row("d", 1.0) // (4-1)/3
            .toDF();
    assertSameRows(expected, subScores(new Percentile(), values));
  }

  @Test
  void percentileOfASingleUserIsZero() {
    Dataset<Row> values = TestFrames.of(VALUES).row("only", 55.0).toDF();
    assertSameRows(TestFrames.of(SCORES).row("only", 0.0).toDF(), subScores(new Percentile(), values));
  }

  @Test
  void percentileGivesANullValueZeroWithoutMovingTheOthers() {
    Dataset<Row> values =
        TestFrames.of(VALUES).row("null", null).row("low", 10.0).row("high", 30.0).toDF();
    // the null scores 0; 10 and 30 rank among themselves: (1-1)/1 = 0, (2-1)/1 = 1
    Dataset<Row> expected =
        TestFrames.of(SCORES).row("null", 0.0).row("low", 0.0).row("high", 1.0).toDF();
    assertSameRows(expected, subScores(new Percentile(), values));
  }

  @Test
  void ofPicksTheConfiguredMethod() {
    assertEquals(new LogTarget(9), Normalizer.of(ScoreConfigs.logTarget("total_visits", 1, 9)));
    assertEquals(new LinearTarget(4), Normalizer.of(ScoreConfigs.linearTarget("breadth", 1, 4)));
    assertEquals(new Ratio(), Normalizer.of(ScoreConfigs.ratio("reliance", 1)));
    assertEquals(new HalfLife(7), Normalizer.of(ScoreConfigs.halfLife("recency", 1, 7)));
    assertEquals(new Percentile(), Normalizer.of(ScoreConfigs.percentile("depth", 1)));
  }

  @Test
  void aTargetMethodWithoutTargetIsAConfigError() {
    MetricConfig noTarget =
        new MetricConfig("breadth", 1, Normalization.LOG_TARGET, OptionalDouble.empty(), OptionalDouble.empty());
    EngagementException e = assertThrows(EngagementException.class, () -> Normalizer.of(noTarget));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
  }

  private static Dataset<Row> subScores(Normalizer normalizer, Dataset<Row> values) {
    return values.select(col("id"), normalizer.subScore(col("x")).as("s"));
  }
}
