package io.engagement.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.engagement.config.ScoreConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * user_metric_scores: the explanation of user_engagement in long form, one row per user, day and
 * weighted metric, because BI tools filter and chart rows far more easily than map entries.
 */
public final class MetricScoresLongForm {
  private MetricScoresLongForm() {}

  /**
   * @param userEngagement rows produced by {@link EngagementScorer#score} with the same config
   * @return {@code user_id, account_id, score_date, component, metric, value, sub_score, weight,
   *     contribution}
   */
  public static Dataset<Row> explode(Dataset<Row> userEngagement, ScoreConfig score) {
    List<Column> rows =
        EngagementScorer.scoredMetrics(score).stream()
            .map(
                m -> {
                  String metric = m.config().metric();
                  return struct(
                      lit(m.component().component().key()).as(Columns.COMPONENT),
                      lit(metric).as(Columns.METRIC),
                      EngagementScorer.metricValue(metric).as(Columns.VALUE),
                      col(Columns.SUB_SCORES).getItem(metric).as(Columns.SUB_SCORE),
                      lit(m.config().weight()).as(Columns.WEIGHT),
                      col(Columns.CONTRIBUTIONS).getItem(metric).as(Columns.CONTRIBUTION));
                })
            .toList();
    return userEngagement.select(
        col(InputSchemas.USER_ID),
        col(InputSchemas.ACCOUNT_ID),
        col(Columns.SCORE_DATE),
        inline(functions.array(rows.toArray(Column[]::new))));
  }
}
