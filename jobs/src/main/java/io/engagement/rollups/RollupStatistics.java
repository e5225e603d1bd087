package io.engagement.rollups;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.engagement.output.Columns;
import io.engagement.spark.DeterministicStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.Row;

/**
 * The statistics every roll-up group gets (metrics.md 7), over user_engagement rows. Accounts,
 * segment values and the business share this one definition, so their numbers always mean the
 * same thing.
 */
final class RollupStatistics {
  private static final String MEDIAN_KEY_PREFIX = "_median_of_";

  private RollupStatistics() {}

  /** The statistics columns, in output order. */
  static final List<String> COLUMNS =
      List.of(
          Columns.USERS,
          Columns.ACTIVE_USERS,
          Columns.MEAN_SCORE,
          Columns.ACTIVE_MEAN_SCORE,
          Columns.MEDIAN_SCORE,
          Columns.MIN_SCORE,
          Columns.MAX_SCORE,
          Columns.MEAN_VISITS_SCORE,
          Columns.MEAN_ACTIONS_SCORE,
          Columns.MEAN_KPIS_SCORE,
          Columns.LOW_USERS,
          Columns.MID_USERS,
          Columns.HIGH_USERS);

  /**
   * Aggregates the users per {@code keys} into the keys followed by {@link #COLUMNS} (in any
   * order: callers select theirs), plus any {@code extra} aggregates. Keys may be null (users
   * without an account form one group).
   */
  static Dataset<Row> aggregate(Dataset<Row> users, List<String> keys, Column... extra) {
    Column active = col(Columns.UNIQUE_VISITS).gt(0);
    Column score = col(Columns.SCORE);
    Column[] rest = {
      count_if(active).as(Columns.ACTIVE_USERS),
      DeterministicStatistics.mean(score).as(Columns.MEAN_SCORE),
      // the mean skips the nulls of idle users, and is null when every user is idle
      DeterministicStatistics.mean(when(active, score)).as(Columns.ACTIVE_MEAN_SCORE),
      min(score).as(Columns.MIN_SCORE),
      max(score).as(Columns.MAX_SCORE),
      DeterministicStatistics.mean(col(Columns.VISITS_SCORE)).as(Columns.MEAN_VISITS_SCORE),
      DeterministicStatistics.mean(col(Columns.ACTIONS_SCORE)).as(Columns.MEAN_ACTIONS_SCORE),
      DeterministicStatistics.mean(col(Columns.KPIS_SCORE)).as(Columns.MEAN_KPIS_SCORE),
      bandCount(Columns.BAND_LOW).as(Columns.LOW_USERS),
      bandCount(Columns.BAND_MID).as(Columns.MID_USERS),
      bandCount(Columns.BAND_HIGH).as(Columns.HIGH_USERS),
    };
    Column[] all = new Column[rest.length + extra.length];
    System.arraycopy(rest, 0, all, 0, rest.length);
    System.arraycopy(extra, 0, all, rest.length, extra.length);
    Dataset<Row> statistics =
        users.groupBy(keys.stream().map(functions::col).toArray(Column[]::new)).agg(count(lit(1)).as(Columns.USERS), all);
    return withMedian(statistics, ExactMedian.of(users, keys, Columns.SCORE, Columns.MEDIAN_SCORE), keys);
  }

  /** The statistics with each group's median joined on (null-safe: a null key is a group too). */
  private static Dataset<Row> withMedian(Dataset<Row> statistics, Dataset<Row> medians, List<String> keys) {
    Dataset<Row> prefixed = medians;
    for (String key : keys) {
      prefixed = prefixed.withColumnRenamed(key, MEDIAN_KEY_PREFIX + key);
    }
    Column on = lit(true);
    for (String key : keys) {
      on = on.and(statistics.col(key).eqNullSafe(prefixed.col(MEDIAN_KEY_PREFIX + key)));
    }
    List<Column> out = new ArrayList<>();
    for (String column : statistics.columns()) {
      out.add(statistics.col(column));
    }
    out.add(prefixed.col(Columns.MEDIAN_SCORE));
    return statistics.join(prefixed, on, "left").select(out.toArray(Column[]::new));
  }

  private static Column bandCount(String band) {
    return count_if(col(Columns.ENGAGEMENT_BAND).equalTo(band));
  }
}
