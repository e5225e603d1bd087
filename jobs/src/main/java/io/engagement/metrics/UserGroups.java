package io.engagement.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A user's groups on a day (metrics.md 7): its account and its segment values. Resolved once per
 * day and joined everywhere, so a user sits in the same groups in every table of that day.
 *
 * <p>Account: the users dimension's account_id; for a user missing there or with a null account
 * there, the latest non-null account_id of its events on or before the day; else 'unknown'.
 * Segments: the users dimension's values; a missing value is 'unknown'.
 */
public final class UserGroups {
  private UserGroups() {}

  /**
   * One row per known user (users dimension or history): user_id, account_id, then one column
   * per segment dimension.
   */
  public static Dataset<Row> resolve(Dataset<Row> users, Dataset<Row> state, List<String> segments) {
    List<Column> dimension = new ArrayList<>();
    dimension.add(col(InputSchemas.USER_ID));
    dimension.add(col(InputSchemas.ACCOUNT_ID).as("_dim_account"));
    segments.forEach(s -> dimension.add(col(s)));
    Dataset<Row> fromEvents =
        state.select(col(InputSchemas.USER_ID), col(Columns.EVENT_ACCOUNT_ID).as("_event_account"));

    List<Column> out = new ArrayList<>();
    out.add(col(InputSchemas.USER_ID));
    out.add(coalesce(col("_dim_account"), col("_event_account"), lit(Columns.UNKNOWN)).as(InputSchemas.ACCOUNT_ID));
    segments.forEach(s -> out.add(coalesce(col(s), lit(Columns.UNKNOWN)).as(s)));
    return users
        .select(dimension.toArray(Column[]::new))
        .join(fromEvents, InputSchemas.USER_ID, "full_outer")
        .select(out.toArray(Column[]::new));
  }
}
