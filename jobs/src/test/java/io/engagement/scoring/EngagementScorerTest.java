package io.engagement.scoring;

import static io.engagement.scoring.ScoreConfigs.BANDS;
import static io.engagement.scoring.ScoreConfigs.component;
import static io.engagement.scoring.ScoreConfigs.halfLife;
import static io.engagement.scoring.ScoreConfigs.linearTarget;
import static io.engagement.scoring.ScoreConfigs.logTarget;
import static io.engagement.scoring.ScoreConfigs.percentile;
import static io.engagement.scoring.ScoreConfigs.ratio;
import static io.engagement.scoring.ScoreConfigs.score;
import static io.engagement.scoring.WindowMetricsFrames.DAY;
import static io.engagement.testing.DataFrameAssertions.assertSameRows;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagement.config.Component;
import io.engagement.config.ScoreConfig;
import io.engagement.errors.EngagementException;
import io.engagement.testing.TestFrames;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The engagement score of metrics.md 6, computed by hand. The config uses every component and
 * every absolute method:
 *
 * <pre>
 * visits  W=2: total_visits log-target(9) w=2, recency half-life(7) w=1, reliance ratio w=1,
 *              breadth w=0 (not scored)
 * actions W=1: upload_file.count linear-target(10) w=1, upload_file.reliance ratio w=3
 * kpis    W=1: revenue linear-target(100) w=1
 * sum(W_c) = 4; sum(w) per component: visits 4, actions 4, kpis 1
 * </pre>
 */
class EngagementScorerTest {
  static final ScoreConfig CONFIG =
      score(
          component(
              Component.VISITS,
              2,
              logTarget("total_visits", 2, 9),
              halfLife("recency", 1, 7),
              ratio("reliance", 1),
              logTarget("breadth", 0, 5)),
          component(
              Component.ACTIONS,
              1,
              linearTarget("upload_file.count", 1, 10),
              ratio("upload_file.reliance", 3)),
          component(Component.KPIS, 1, linearTarget("revenue", 1, 100)));

  /** ln(1+3) / ln(1+9): u1's total_visits sub-score = 0.6020599913279624. */
  static final double LN4_OVER_LN10 = Math.log(4) / Math.log(10);

  static final StructType EXPLANATION =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("visits_score", DataTypes.DoubleType)
          .add("actions_score", DataTypes.DoubleType)
          .add("kpis_score", DataTypes.DoubleType)
          .add("score", DataTypes.DoubleType)
          .add("engagement_band", DataTypes.StringType)
          .add("sub_scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add("contributions", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));

  /**
   * u1: a regular user. u2: a heavy user with no revenue. u3: never active (recency null).
   */
  static Dataset<Row> threeUsers() {
    return WindowMetricsFrames.rows()
        .user(
            "u1",
            "a1",
            "pro",
            metrics(
                "total_visits", 3.0, "recency", 7.0, "reliance", 0.5, "breadth", 4.0,
                "upload_file.count", 5.0, "upload_file.reliance", 0.25, "revenue", 150.0))
        .user(
            "u2",
            "a1",
            null,
            metrics(
                "total_visits", 9.0, "recency", 0.0, "reliance", 1.0, "breadth", 10.0,
                "upload_file.count", 20.0, "upload_file.reliance", 1.0, "revenue", 0.0))
        .user(
            "u3",
            "unknown",
            "free",
            metrics(
                "total_visits", 0.0, "recency", null, "reliance", 0.0, "breadth", 0.0,
                "upload_file.count", 0.0, "upload_file.reliance", 0.0, "revenue", 0.0))
        .toDF();
  }

  @Test
  void scoresEveryComponentAsComputedByHand() {
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), CONFIG, BANDS, DAY);

    // u1 sub-scores: total_visits ln4/ln10 = 0.60206; recency 0.5^(7/7) = 0.5; reliance 0.5;
    //   upload_file.count 5/10 = 0.5; upload_file.reliance 0.25; revenue min(1, 150/100) = 1
    // C_visits = (2*0.60206 + 1*0.5 + 1*0.5) / 4 = 2.204120 / 4 = 0.551030 -> 55.1030
    // C_actions = (1*0.5 + 3*0.25) / 4 = 1.25 / 4 = 0.3125 -> 31.25
    // C_kpis = 1*1 / 1 = 1 -> 100
    // score = 100 * (2*0.551030 + 1*0.3125 + 1*1) / 4 = 100 * 2.414560 / 4 = 60.36400 -> mid
    // contributions = 100 * W_c * w_m * s_m / (4 * sum(w in c)):
    //   total_visits 100*2*2*0.60206/16 = 25*0.60206 = 15.05150; recency 100*2*1*0.5/16 = 6.25;
    //   reliance 6.25; upload_file.count 100*1*1*0.5/16 = 3.125;
    //   upload_file.reliance 100*1*3*0.25/16 = 4.6875; revenue 100*1*1*1/4 = 25
    //   sum = 15.05150 + 6.25 + 6.25 + 3.125 + 4.6875 + 25 = 60.36400 = score
    double u1Visits = (2 * LN4_OVER_LN10 + 0.5 + 0.5) / 4;
    double u1Score = 100 * (2 * u1Visits + 0.3125 + 1) / 4;
    // u2 sub-scores: total_visits ln10/ln10 = 1; recency 0.5^0 = 1; reliance 1;
    //   upload_file.count min(1, 20/10) = 1; upload_file.reliance 1; revenue 0/100 = 0
    // C_visits = 4/4 = 1; C_actions = 4/4 = 1; C_kpis = 0
    // score = 100 * (2*1 + 1*1 + 1*0) / 4 = 75 -> high
    // contributions: total_visits 100*2*2/16 = 25; recency 12.5; reliance 12.5;
    //   upload_file.count 100*1*1/16 = 6.25; upload_file.reliance 100*1*3/16 = 18.75; revenue 0
    // u3: every value 0, recency null -> every sub-score 0 -> score 0 -> low
    Dataset<Row> expected =
        TestFrames.of(EXPLANATION)
            .row(
                "u1", 100 * u1Visits, 31.25, 100.0, u1Score, "mid",
                metrics(
                    "total_visits", LN4_OVER_LN10, "recency", 0.5, "reliance", 0.5,
                    "upload_file.count", 0.5, "upload_file.reliance", 0.25, "revenue", 1.0),
                metrics(
                    "total_visits", 25 * LN4_OVER_LN10, "recency", 6.25, "reliance", 6.25,
                    "upload_file.count", 3.125, "upload_file.reliance", 4.6875, "revenue", 25.0))
            .row(
                "u2", 100.0, 100.0, 0.0, 75.0, "high",
                metrics(
                    "total_visits", 1.0, "recency", 1.0, "reliance", 1.0,
                    "upload_file.count", 1.0, "upload_file.reliance", 1.0, "revenue", 0.0),
                metrics(
                    "total_visits", 25.0, "recency", 12.5, "reliance", 12.5,
                    "upload_file.count", 6.25, "upload_file.reliance", 18.75, "revenue", 0.0))
            .row(
                "u3", 0.0, 0.0, 0.0, 0.0, "low",
                metrics(
                    "total_visits", 0.0, "recency", 0.0, "reliance", 0.0,
                    "upload_file.count", 0.0, "upload_file.reliance", 0.0, "revenue", 0.0),
                metrics(
                    "total_visits", 0.0, "recency", 0.0, "reliance", 0.0,
                    "upload_file.count", 0.0, "upload_file.reliance", 0.0, "revenue", 0.0))
            .toDF();
    assertSameRows(expected, explanation(scored));
    assertEquals(60.36399978319905, u1Score, 1e-9, "hand value of u1's score");
  }

  @Test
  void keepsTheInputColumnsAndAddsTheScoreColumnsInOrder() {
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), CONFIG, BANDS, DAY);
    List<String> expected =
        List.of(
            "user_id", "account_id", "plan", "total_visits", "unique_visits", "breadth", "depth",
            "duration", "recency", "reliance", "first_active_day", "last_active_day", "tenure_days",
            "metrics", "score_date", "sub_scores", "contributions", "visits_score", "actions_score",
            "kpis_score", "score", "engagement_band");
    assertEquals(expected, List.of(scored.columns()));
    assertEquals(DataTypes.DateType, scored.schema().apply("score_date").dataType());
    List<Row> dates = scored.select("score_date").distinct().collectAsList();
    assertEquals(List.of(Date.valueOf(DAY)), dates.stream().map(r -> r.get(0)).toList());
    // the input's own columns pass through untouched
    Dataset<Row> input = threeUsers();
    assertSameRows(input, scored.selectExpr(input.columns()));
  }

  @Test
  void changingOneMetricWeightChangesTheScoreAsComputedByHand() {
    ScoreConfig lighterVisits =
        score(
            component(
                Component.VISITS,
                2,
                logTarget("total_visits", 1, 9),
                halfLife("recency", 1, 7),
                ratio("reliance", 1)),
            CONFIG.components().get(1),
            CONFIG.components().get(2));
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), lighterVisits, BANDS, DAY);

    // total_visits weight 2 -> 1, sum(w in visits) = 3:
    // u1 C_visits = (0.60206 + 0.5 + 0.5) / 3 = 1.602060 / 3 = 0.534020
    //    score = 100 * (2*0.534020 + 0.3125 + 1) / 4 = 100 * 2.380540 / 4 = 59.51350 (was 60.36400)
    // u2 C_visits = 3/3 = 1: score unchanged, 75
    double u1Visits = (LN4_OVER_LN10 + 0.5 + 0.5) / 3;
    StructType schema =
        new StructType().add("user_id", DataTypes.StringType).add("score", DataTypes.DoubleType);
    Dataset<Row> expected =
        TestFrames.of(schema)
            .row("u1", 100 * (2 * u1Visits + 0.3125 + 1) / 4)
            .row("u2", 75.0)
            .row("u3", 0.0)
            .toDF();
    assertSameRows(expected, scored.select("user_id", "score"));
    assertEquals(59.51349985546605, 100 * (2 * u1Visits + 0.3125 + 1) / 4, 1e-9);
  }

  @Test
  void contributionsAddUpToTheScore() {
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), CONFIG, BANDS, DAY);
    for (Row row : scored.select("user_id", "score", "contributions").collectAsList()) {
      Map<String, Double> contributions = row.getJavaMap(2);
      double sum = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(row.getDouble(1), sum, 1e-9, "contributions of " + row.getString(0));
    }
  }

  @Test
  void aComponentWithWeightZeroIsLeftOutAndItsScoreIsNull() {
    ScoreConfig noActions =
        score(
            CONFIG.components().get(0),
            component(
                Component.ACTIONS,
                0,
                linearTarget("upload_file.count", 1, 10),
                ratio("upload_file.reliance", 3)),
            CONFIG.components().get(2));
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), noActions, BANDS, DAY);

    // sum(W_c) = 2 + 1 = 3
    // u1: score = 100 * (2*0.551030 + 1*1) / 3 = 100 * 2.102060 / 3 = 70.06867 -> high
    //     contributions: total_visits 100*2*2*0.60206/(3*4) = 33.333*0.60206 = 20.06867;
    //     recency 100*2*1*0.5/12 = 8.33333; reliance 8.33333; revenue 100*1*1*1/3 = 33.33333
    // u2: score = 100 * (2*1 + 1*0) / 3 = 66.66667 -> mid (below 66.7)
    //     contributions: total_visits 100*2*2/12 = 33.33333; recency 16.66667; reliance 16.66667; revenue 0
    double u1Visits = (2 * LN4_OVER_LN10 + 0.5 + 0.5) / 4;
    Dataset<Row> expected =
        TestFrames.of(EXPLANATION)
            .row(
                "u1", 100 * u1Visits, null, 100.0, 100 * (2 * u1Visits + 1) / 3, "high",
                metrics("total_visits", LN4_OVER_LN10, "recency", 0.5, "reliance", 0.5, "revenue", 1.0),
                metrics(
                    "total_visits", 100.0 * 4 / 12 * LN4_OVER_LN10, "recency", 100.0 / 12,
                    "reliance", 100.0 / 12, "revenue", 100.0 / 3))
            .row(
                "u2", 100.0, null, 0.0, 200.0 / 3, "mid",
                metrics("total_visits", 1.0, "recency", 1.0, "reliance", 1.0, "revenue", 0.0),
                metrics(
                    "total_visits", 100.0 / 3, "recency", 100.0 / 6, "reliance", 100.0 / 6,
                    "revenue", 0.0))
            .row(
                "u3", 0.0, null, 0.0, 0.0, "low",
                metrics("total_visits", 0.0, "recency", 0.0, "reliance", 0.0, "revenue", 0.0),
                metrics("total_visits", 0.0, "recency", 0.0, "reliance", 0.0, "revenue", 0.0))
            .toDF();
    assertSameRows(expected, explanation(scored));
  }

  @Test
  void aComponentWithoutWeightedMetricIsLeftOutToo() {
    ScoreConfig kpisUnweighted =
        score(CONFIG.components().get(0), component(Component.KPIS, 1, linearTarget("revenue", 0, 100)));
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), kpisUnweighted, BANDS, DAY);

    // only visits scores (and actions is not configured at all): score = C_visits * 100
    // u1: 100 * (2*0.60206 + 0.5 + 0.5) / 4 = 55.10300; u2: 100; u3: 0
    StructType schema =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("actions_score", DataTypes.DoubleType)
            .add("kpis_score", DataTypes.DoubleType)
            .add("score", DataTypes.DoubleType);
    Dataset<Row> expected =
        TestFrames.of(schema)
            .row("u1", null, null, 100 * (2 * LN4_OVER_LN10 + 1) / 4)
            .row("u2", null, null, 100.0)
            .row("u3", null, null, 0.0)
            .toDF();
    assertSameRows(expected, scored.select("user_id", "actions_score", "kpis_score", "score"));
  }

  @Test
  void percentileRanksAmongTheUsersOfTheDay() {
    ScoreConfig byBreadth = score(component(Component.VISITS, 1, percentile("breadth", 1)));
    Dataset<Row> scored = EngagementScorer.score(threeUsers(), byBreadth, BANDS, DAY);

    // breadth u3 0, u1 4, u2 10: ranks 1, 2, 3 of n = 3 -> (r-1)/2 = 0, 0.5, 1 -> scores 0, 50, 100
    StructType schema =
        new StructType().add("user_id", DataTypes.StringType).add("score", DataTypes.DoubleType);
    Dataset<Row> expected =
        TestFrames.of(schema).row("u1", 50.0).row("u2", 100.0).row("u3", 0.0).toDF();
    assertSameRows(expected, scored.select("user_id", "score"));
  }

  @Test
  void aConfigWithNothingToScoreIsRefused() {
    ScoreConfig nothing = score(component(Component.VISITS, 0, ratio("reliance", 1)));
    assertThrows(
        EngagementException.class, () -> EngagementScorer.score(threeUsers(), nothing, BANDS, DAY));
  }

  private static Dataset<Row> explanation(Dataset<Row> scored) {
    return scored.select(
        col("user_id"),
        col("visits_score"),
        col("actions_score"),
        col("kpis_score"),
        col("score"),
        col("engagement_band"),
        col("sub_scores"),
        col("contributions"));
  }

  /** A metrics map in insertion order; values may be null (recency of a never-active user). */
  static Map<String, Double> metrics(Object... keysAndValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
    }
    return m;
  }
}
