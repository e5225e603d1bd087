package io.engagement.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engagement.config.Component;
import io.engagement.config.ComponentConfig;
import io.engagement.config.MetricConfig;
import io.engagement.config.SayDoConfig;
import io.engagement.config.ScoreConfig;
import io.engagement.errors.EngagementException;
import io.engagement.output.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The engagement score of every scored user on one day (metrics.md 6): window metrics in,
 * user_engagement rows out. Each row keeps its sub-scores, the metrics' contributions and the
 * component scores beside the score, so that any score can be explained without recomputing it.
 */
public final class EngagementScorer {
  private EngagementScorer() {}

  /**
   * Scores one day.
   *
   * @param windowMetrics one row per user scored on {@code day} (and only those: percentile
   *     sub-scores rank within this Dataset), with a {@code metrics} map holding every metric by
   *     name
   * @return the input's columns followed by {@code score_date, sub_scores, contributions,
   *     visits_score, actions_score, kpis_score, score, engagement_band}
   */
  public static Dataset<Row> score(
      Dataset<Row> windowMetrics, ScoreConfig score, SayDoConfig bands, LocalDate day) {
    List<ScoredMetric> scored = scoredMetrics(score);
    if (scored.isEmpty()) {
      throw EngagementException.badUsage(
          "engagement.score has no component with a weight above 0 and a weighted metric:"
              + " give at least one component and one of its metrics a weight");
    }

    // Sub-scores first, in their own columns: a percentile's window is then computed once,
    // however many outputs use the sub-score.
    Map<String, Column> subScoreColumns = new LinkedHashMap<>();
    for (ScoredMetric m : scored) {
      subScoreColumns.put(
          m.tempColumn(), Normalizer.of(m.config()).subScore(metricValue(m.config().metric())));
    }
    Dataset<Row> withSubScores = windowMetrics.withColumns(subScoreColumns);

    List<Column> out = new ArrayList<>();
    Arrays.stream(windowMetrics.columns()).map(functions::col).forEach(out::add);
    out.add(lit(day).as(Columns.SCORE_DATE));
    out.add(byMetric(scored, m -> col(m.tempColumn())).as(Columns.SUB_SCORES));
    out.add(byMetric(scored, ScoredMetric::contribution).as(Columns.CONTRIBUTIONS));
    Map<Component, Column> componentScores = componentScores(score, scored);
    for (Component c : Component.values()) {
      out.add(
          componentScores
              .getOrDefault(c, lit(null).cast(DataTypes.DoubleType))
              .as(componentScoreColumn(c)));
    }
    out.add(totalScore(score, componentScores).as(Columns.SCORE));

    return withSubScores
        .select(out.toArray(Column[]::new))
        .withColumn(Columns.ENGAGEMENT_BAND, EngagementBand.of(col(Columns.SCORE), bands));
  }

  /** The user_engagement column holding a component's score: visits_score, actions_score, kpis_score. */
  public static String componentScoreColumn(Component component) {
    return switch (component) {
      case VISITS -> Columns.VISITS_SCORE;
      case ACTIONS -> Columns.ACTIONS_SCORE;
      case KPIS -> Columns.KPIS_SCORE;
    };
  }

  /** A metric's raw value, by name, from the {@code metrics} map (null when absent). */
  static Column metricValue(String metric) {
    return col(Columns.METRICS).getItem(metric).cast(DataTypes.DoubleType);
  }

  /**
   * Every metric that enters the score: the weighted metrics of the scoring components, with the
   * constant factor that turns its sub-score into its contribution.
   */
  static List<ScoredMetric> scoredMetrics(ScoreConfig score) {
    double totalComponentWeight = score.totalComponentWeight();
    List<ScoredMetric> out = new ArrayList<>();
    for (ComponentConfig c : score.scoringComponents()) {
      for (MetricConfig m : c.weightedMetrics()) {
        // contribution = 100 * W_c * w_m * s_m / (sum(W_c) * sum(w_m in c))
        double factor = 100 * c.weight() * m.weight() / (totalComponentWeight * c.totalMetricWeight());
        out.add(new ScoredMetric(c, m, "_sub_score_" + out.size(), factor));
      }
    }
    return out;
  }

  /** Component score C * 100 = 100 * sum(w_m * s_m) / sum(w_m), for each scoring component. */
  private static Map<Component, Column> componentScores(ScoreConfig score, List<ScoredMetric> scored) {
    Map<Component, Column> out = new EnumMap<>(Component.class);
    for (ComponentConfig c : score.scoringComponents()) {
      Column weightedSum = lit(0.0);
      for (ScoredMetric m : scored) {
        if (m.component().component() == c.component()) {
          weightedSum = weightedSum.plus(col(m.tempColumn()).multiply(m.config().weight()));
        }
      }
      out.put(c.component(), weightedSum.multiply(100.0 / c.totalMetricWeight()));
    }
    return out;
  }

  /** Score = sum(W_c * C_c) / sum(W_c) over the scoring components, C_c already on 0..100. */
  private static Column totalScore(ScoreConfig score, Map<Component, Column> componentScores) {
    Column weighted = lit(0.0);
    for (ComponentConfig c : score.scoringComponents()) {
      weighted = weighted.plus(componentScores.get(c.component()).multiply(c.weight()));
    }
    return weighted.divide(score.totalComponentWeight());
  }

  private static Column byMetric(
      List<ScoredMetric> scored, java.util.function.Function<ScoredMetric, Column> value) {
    List<Column> keysAndValues = new ArrayList<>();
    for (ScoredMetric m : scored) {
      keysAndValues.add(lit(m.config().metric()));
      keysAndValues.add(value.apply(m));
    }
    return functions.map(keysAndValues.toArray(Column[]::new));
  }

  /** A weighted metric of a scoring component, the temporary column of its sub-score. */
  record ScoredMetric(
      ComponentConfig component, MetricConfig config, String tempColumn, double contributionFactor) {
    Column contribution() {
      return col(tempColumn).multiply(contributionFactor);
    }
  }
}
