package io.engagement.scoring;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.MetricConfig;
import io.engagement.config.Normalization;
import io.engagement.errors.EngagementException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns a metric's raw value into a sub-score in [0, 1] (metrics.md 5). One small type per
 * method, so each formula can be read and tested alone; {@link #of} picks the one a metric's
 * config names.
 */
public sealed interface Normalizer permits LogTarget, LinearTarget, Ratio, HalfLife, Percentile {

  /**
   * The sub-score of {@code value}, a double in [0, 1]. A null value (only {@code recency} can be
   * null: a user never active) scores 0 in every method, so it never counts as engagement.
   */
  default Column subScore(Column value) {
    Column x = value.cast(DataTypes.DoubleType);
    return when(x.isNull(), lit(0.0)).otherwise(presentValueScore(x));
  }

  /**
   * The method's formula for a value that is not null; {@link #subScore} is the entry point. A
   * SQL null here would leak through {@code least}/{@code greatest}, which skip nulls.
   */
  Column presentValueScore(Column x);

  /** The normaliser a metric's config asks for. */
  static Normalizer of(MetricConfig metric) {
    Normalization method = metric.normalize();
    return switch (method) {
      case LOG_TARGET -> new LogTarget(requireTarget(metric));
      case LINEAR_TARGET -> new LinearTarget(requireTarget(metric));
      case RATIO -> new Ratio();
      case HALF_LIFE ->
          new HalfLife(
              metric
                  .halfLifeDays()
                  .orElseThrow(() -> missing(metric, "half-life-days")));
      case PERCENTILE -> new Percentile();
    };
  }

  private static double requireTarget(MetricConfig metric) {
    return metric.target().orElseThrow(() -> missing(metric, "target"));
  }

  private static EngagementException missing(MetricConfig metric, String key) {
    return EngagementException.badUsage(
        "score metric '" + metric.metric() + "' uses normalize = " + metric.normalize().configName()
            + " without " + key + ": set " + key + " on that metric under engagement.score.components");
  }
}
