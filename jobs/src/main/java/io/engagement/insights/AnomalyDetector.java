package io.engagement.insights;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.AnomalyConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.spark.DeterministicStatistics;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Engagement alerts (metrics.md 10): a group's metric of D far from its own recent past. A z-score
 * alone would fire on tiny groups and on statistically sharp but immaterial moves, so an alert
 * also needs a material change, enough users and, for NPS, enough answers. A baseline whose
 * values are all equal has no spread to measure against; any move off it counts as unusual.
 */
public final class AnomalyDetector {
  /** Fewer baseline values give a standard deviation too noisy to judge by. */
  static final int MIN_BASELINE_VALUES = 7;

  private static final List<String> SERIES_KEYS =
      List.of(Columns.SCOPE, Columns.KEY, Columns.METRIC);
  private static final List<String> GROUP_KEYS = List.of(Columns.SCOPE, Columns.KEY);
  private static final String FLAT = "_flat";

  private AnomalyDetector() {}

  /**
   * @return engagement_alerts of D: scope, key, metric, value, baseline_mean, baseline_std,
   *     baseline_days, z, direction, score_date
   */
  public static Dataset<Row> detect(AnomalyInputs inputs, AnomalyConfig config, LocalDate day) {
    Dataset<Row> today = values(inputs, true).filter(col(Columns.VALUE).isNotNull());
    Dataset<Row> baseline = baseline(values(inputs, false), config, day);
    Dataset<Row> users =
        groupUsers(Scope.ACCOUNT, inputs.accountEngagement().today())
            .unionByName(groupUsers(Scope.SEGMENT, inputs.segmentEngagement().today()));

    Column value = col(Columns.VALUE);
    Column mean = col(Columns.BASELINE_MEAN);
    Column z = when(not(col(FLAT)), value.minus(mean).divide(col(Columns.BASELINE_STD)));
    Column unusual =
        when(col(FLAT), value.notEqual(mean)).otherwise(abs(col(Columns.Z)).geq(config.zThreshold()));
    Column minChange =
        when(col(Columns.METRIC).equalTo(Columns.MEAN_SCORE), lit(config.minChangeMeanScore()))
            .when(col(Columns.METRIC).equalTo(Columns.NPS), lit(config.minChangeNps()))
            .otherwise(mean.multiply(config.minChangeActiveUsers()));
    Column material = abs(value.minus(mean)).geq(minChange);
    Column enoughUsers = coalesce(col(Columns.USERS), lit(0L)).geq(config.minUsers());
    Column enoughAnswers = not(coalesce(col(Columns.LOW_SAMPLE), lit(false)));

    return today
        .join(baseline, asSeq(SERIES_KEYS))
        .join(users, asSeq(GROUP_KEYS), "left")
        .withColumn(Columns.Z, z)
        .filter(unusual.and(material).and(enoughUsers).and(enoughAnswers))
        .select(
            col(Columns.SCOPE),
            col(Columns.KEY),
            col(Columns.METRIC),
            value,
            mean,
            col(Columns.BASELINE_STD),
            col(Columns.BASELINE_DAYS),
            col(Columns.Z),
            when(value.gt(mean), lit(Columns.DIRECTION_UP))
                .otherwise(lit(Columns.DIRECTION_DOWN))
                .as(Columns.DIRECTION),
            lit(day).as(Columns.SCORE_DATE));
  }

  /** Per series, the baseline of the days D-baselineDays .. D-1 that have a value. */
  private static Dataset<Row> baseline(Dataset<Row> history, AnomalyConfig config, LocalDate day) {
    Column inBaseline =
        col(Columns.SCORE_DATE)
            .between(lit(day.minusDays(config.baselineDays())), lit(day.minusDays(1)));
    Column flat = min(Columns.VALUE).equalTo(max(Columns.VALUE));
    return history
        .filter(inBaseline.and(col(Columns.VALUE).isNotNull()))
        .groupBy(SERIES_KEYS.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            count(Columns.VALUE).cast(DataTypes.IntegerType).as(Columns.BASELINE_DAYS),
            flat.as(FLAT),
            // Equal values: the mean is exactly that value (no rounding from summing them).
            when(flat, min(Columns.VALUE))
                .otherwise(DeterministicStatistics.mean(col(Columns.VALUE)))
                .as(Columns.BASELINE_MEAN),
            when(flat, lit(0.0))
                .otherwise(DeterministicStatistics.sampleStddev(col(Columns.VALUE)))
                .as(Columns.BASELINE_STD))
        .filter(col(Columns.BASELINE_DAYS).geq(MIN_BASELINE_VALUES));
  }

  /** Every watched series of the four tables in long form: scope, key, metric, value, ... */
  private static Dataset<Row> values(AnomalyInputs inputs, boolean today) {
    // low_sample only matters on D, where the NPS tables have it.
    boolean lowSample = today;
    return series(Scope.ACCOUNT, pick(inputs.accountEngagement(), today), Columns.MEAN_SCORE, false)
        .unionByName(
            series(Scope.ACCOUNT, pick(inputs.accountEngagement(), today), Columns.ACTIVE_USERS, false))
        .unionByName(series(Scope.ACCOUNT, pick(inputs.accountNps(), today), Columns.NPS, lowSample))
        .unionByName(
            series(Scope.SEGMENT, pick(inputs.segmentEngagement(), today), Columns.MEAN_SCORE, false))
        .unionByName(
            series(Scope.SEGMENT, pick(inputs.segmentEngagement(), today), Columns.ACTIVE_USERS, false))
        .unionByName(series(Scope.SEGMENT, pick(inputs.segmentNps(), today), Columns.NPS, lowSample));
  }

  private static Dataset<Row> pick(TodayAndHistory table, boolean today) {
    return today ? table.today() : table.history();
  }

  /**
   * @param readLowSample read the table's low_sample (NPS tables of D); elsewhere it is false
   */
  private static Dataset<Row> series(
      Scope scope, Dataset<Row> table, String metric, boolean readLowSample) {
    return table.select(
        scope.scope().as(Columns.SCOPE),
        scope.key().as(Columns.KEY),
        lit(metric).as(Columns.METRIC),
        col(metric).cast(DataTypes.DoubleType).as(Columns.VALUE),
        col(Columns.SCORE_DATE),
        (readLowSample ? col(Columns.LOW_SAMPLE) : lit(false)).as(Columns.LOW_SAMPLE));
  }

  private static Dataset<Row> groupUsers(Scope scope, Dataset<Row> engagementToday) {
    return engagementToday.select(
        scope.scope().as(Columns.SCOPE), scope.key().as(Columns.KEY), col(Columns.USERS));
  }

  private static scala.collection.immutable.Seq<String> asSeq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }

  /** How a table's key columns become an alert's scope and key. */
  private enum Scope {
    ACCOUNT,
    SEGMENT;

    Column scope() {
      return this == ACCOUNT
          ? lit(Columns.SCOPE_ACCOUNT)
          : when(isBusiness(), lit(Columns.SCOPE_BUSINESS)).otherwise(lit(Columns.SCOPE_SEGMENT));
    }

    Column key() {
      return this == ACCOUNT
          ? col(InputSchemas.ACCOUNT_ID)
          : when(isBusiness(), lit(Columns.ALL))
              .otherwise(
                  concat_ws("=", col(Columns.SEGMENT_DIMENSION), col(Columns.SEGMENT_VALUE)));
    }

    private static Column isBusiness() {
      return col(Columns.SEGMENT_DIMENSION)
          .equalTo(Columns.ALL)
          .and(col(Columns.SEGMENT_VALUE).equalTo(Columns.ALL));
    }
  }
}
