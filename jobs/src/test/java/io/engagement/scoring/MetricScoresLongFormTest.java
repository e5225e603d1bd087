package io.engagement.scoring;

import static io.engagement.scoring.EngagementScorerTest.metrics;
import static io.engagement.scoring.ScoreConfigs.component;
import static io.engagement.scoring.ScoreConfigs.halfLife;
import static io.engagement.scoring.ScoreConfigs.linearTarget;
import static io.engagement.scoring.ScoreConfigs.logTarget;
import static io.engagement.scoring.ScoreConfigs.score;
import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.Component;
import io.engagement.config.ScoreConfig;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** user_metric_scores: the maps of user_engagement as one row per user and weighted metric. */
class MetricScoresLongFormTest {
  /**
   * visits W=1: total_visits w=2, recency w=1, breadth w=0 (not scored); actions W=0 (not
   * scored); kpis W=1: revenue w=1. Weighted metrics of scoring components: 3.
   */
  private static final ScoreConfig CONFIG =
      score(
          component(
              Component.VISITS,
              1,
              logTarget("total_visits", 2, 9),
              halfLife("recency", 1, 7),
              logTarget("breadth", 0, 5)),
          component(Component.ACTIONS, 0, linearTarget("upload_file.count", 1, 10)),
          component(Component.KPIS, 1, linearTarget("revenue", 1, 100)));

  private static final StructType USER_ENGAGEMENT =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("score_date", DataTypes.DateType)
          .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add("sub_scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add("contributions", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));

  private static final StructType LONG_FORM =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("score_date", DataTypes.DateType)
          .add("component", DataTypes.StringType)
          .add("metric", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("sub_score", DataTypes.DoubleType)
          .add("weight", DataTypes.DoubleType)
          .add("contribution", DataTypes.DoubleType);

  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  @Test
  void oneRowPerUserAndWeightedMetricWithItsExplanation() {
    // Sub-scores and contributions as the scorer would write them with CONFIG (sum(W_c) = 2):
    // u1: total_visits 9 -> 1, contribution 100*1*2*1/(2*3) = 33.33333; recency 7 -> 0.5,
    //     100*1*1*0.5/(2*3) = 8.33333; revenue 50 -> 0.5, 100*1*1*0.5/(2*1) = 25
    // u2: total_visits 0 -> 0; recency null -> 0; revenue 100 -> 1, 100*1*1*1/2 = 50
    Dataset<Row> userEngagement =
        TestFrames.of(USER_ENGAGEMENT)
            .row(
                "u1", "a1", DAY,
                metrics("total_visits", 9.0, "recency", 7.0, "breadth", 3.0, "upload_file.count", 4.0, "revenue", 50.0),
                metrics("total_visits", 1.0, "recency", 0.5, "revenue", 0.5),
                metrics("total_visits", 100.0 / 3, "recency", 100.0 / 12, "revenue", 25.0))
            .row(
                "u2", "unknown", DAY,
                metrics("total_visits", 0.0, "recency", null, "breadth", 0.0, "upload_file.count", 0.0, "revenue", 100.0),
                metrics("total_visits", 0.0, "recency", 0.0, "revenue", 1.0),
                metrics("total_visits", 0.0, "recency", 0.0, "revenue", 50.0))
            .toDF();

    Dataset<Row> longForm = MetricScoresLongForm.explode(userEngagement, CONFIG);

    // 2 users x 3 weighted metrics of scoring components = 6 rows (breadth: weight 0;
    // upload_file.count: its component has weight 0)
    assertEquals(6, longForm.count());
    Dataset<Row> expected =
        TestFrames.of(LONG_FORM)
            .row("u1", "a1", DAY, "visits", "total_visits", 9.0, 1.0, 2.0, 100.0 / 3)
            .row("u1", "a1", DAY, "visits", "recency", 7.0, 0.5, 1.0, 100.0 / 12)
            .row("u1", "a1", DAY, "kpis", "revenue", 50.0, 0.5, 1.0, 25.0)
            .row("u2", "unknown", DAY, "visits", "total_visits", 0.0, 0.0, 2.0, 0.0)
            .row("u2", "unknown", DAY, "visits", "recency", null, 0.0, 1.0, 0.0)
            .row("u2", "unknown", DAY, "kpis", "revenue", 100.0, 1.0, 1.0, 50.0)
            .toDF();
    assertSameRows(expected, longForm);
    assertEquals(List.of(LONG_FORM.fieldNames()), List.of(longForm.columns()));
    assertEquals(LONG_FORM, longForm.schema().asNullable());
  }

  @Test
  void explainsTheScorersOwnOutput() {
    Dataset<Row> scored =
        EngagementScorer.score(
            EngagementScorerTest.threeUsers(),
            EngagementScorerTest.CONFIG,
            ScoreConfigs.BANDS,
            WindowMetricsFrames.DAY);
    Dataset<Row> longForm = MetricScoresLongForm.explode(scored, EngagementScorerTest.CONFIG);

    // 3 users x 6 weighted metrics (breadth has weight 0) = 18 rows; per user they add up to the score
    assertEquals(18, longForm.count());
    StructType sums =
        new StructType().add("user_id", DataTypes.StringType).add("score", DataTypes.DoubleType);
    // scores computed by hand in EngagementScorerTest: u1 60.36400, u2 75, u3 0
    Dataset<Row> expected =
        TestFrames.of(sums)
            .row("u1", 100 * (2 * ((2 * EngagementScorerTest.LN4_OVER_LN10 + 1) / 4) + 0.3125 + 1) / 4)
            .row("u2", 75.0)
            .row("u3", 0.0)
            .toDF();
    assertSameRows(
        expected,
        longForm.groupBy("user_id").agg(org.apache.spark.sql.functions.sum("contribution").as("score")));
  }
}
