package io.engagement.rollups;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** account_engagement: the roll-up statistics of metrics.md 7 per account and day. */
public final class AccountRollup {
  private AccountRollup() {}

  /**
   * @param userEngagement user_engagement rows (any number of days)
   * @return {@code account_id, score_date} followed by the statistics: {@code users,
   *     active_users, mean_score, active_mean_score, median_score, min_score, max_score,
   *     mean_visits_score, mean_actions_score, mean_kpis_score, low_users, mid_users,
   *     high_users}
   */
  public static Dataset<Row> rollup(Dataset<Row> userEngagement) {
    List<String> order = new ArrayList<>(List.of(InputSchemas.ACCOUNT_ID, Columns.SCORE_DATE));
    order.addAll(RollupStatistics.COLUMNS);
    return RollupStatistics.aggregate(userEngagement, List.of(InputSchemas.ACCOUNT_ID, Columns.SCORE_DATE))
        .select(order.stream().map(functions::col).toArray(Column[]::new));
  }
}
