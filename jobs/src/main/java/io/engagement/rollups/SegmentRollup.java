package io.engagement.rollups;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.spark.DeterministicStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * segment_engagement: the roll-up statistics of metrics.md 7 per segment dimension value and per
 * day, with the business as the group ('all', 'all'). Segment rows also say how many accounts
 * the group spans and their mean score, so a segment is not read through its largest account.
 */
public final class SegmentRollup {
  private SegmentRollup() {}

  private static final String[] KEYS = {
    Columns.SEGMENT_DIMENSION, Columns.SEGMENT_VALUE, Columns.SCORE_DATE
  };
  private static final String ACCOUNT_MEAN = "_account_mean";

  /**
   * @param userEngagement user_engagement rows (any number of days) with one column per segment
   * @param segments the configured segment dimensions (column names of userEngagement)
   * @return {@code segment_dimension, segment_value, score_date}, the statistics of {@link
   *     AccountRollup#rollup}, then {@code accounts, mean_account_score}
   */
  public static Dataset<Row> rollup(Dataset<Row> userEngagement, List<String> segments) {
    Dataset<Row> grouped = SegmentGroups.explodeToGroups(userEngagement, segments);

    Dataset<Row> statistics = RollupStatistics.aggregate(grouped, List.of(KEYS));

    // Per account, the mean score of the group's own users in it; then the mean over accounts.
    // The accounts are counted from the same per-account rows (count skips the group of users
    // without an account), which spares a distinct count over every user.
    Column[] accountKeys =
        Stream.concat(Stream.of(KEYS), Stream.of(InputSchemas.ACCOUNT_ID))
            .map(functions::col)
            .toArray(Column[]::new);
    Dataset<Row> accounts =
        grouped
            .groupBy(accountKeys)
            .agg(DeterministicStatistics.mean(col(Columns.SCORE)).as(ACCOUNT_MEAN))
            .groupBy(columns(KEYS))
            .agg(
                count(col(InputSchemas.ACCOUNT_ID)).as(Columns.ACCOUNTS),
                DeterministicStatistics.mean(col(ACCOUNT_MEAN)).as(Columns.MEAN_ACCOUNT_SCORE));

    List<String> order = new ArrayList<>(List.of(KEYS));
    order.addAll(RollupStatistics.COLUMNS);
    order.add(Columns.ACCOUNTS);
    order.add(Columns.MEAN_ACCOUNT_SCORE);
    return statistics.join(accounts, KEYS).select(columns(order.toArray(String[]::new)));
  }

  private static Column[] columns(String... names) {
    return Stream.of(names).map(functions::col).toArray(Column[]::new);
  }
}
