package io.engagement.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a user's whole history says that the window cannot: first and last active day (tenure,
 * recency, dormancy) and the latest account seen on its events. Carried from day to day:
 * {@code state(D) = advance(state(previous processed day), activity(D))}, so the cost of a day
 * depends on the number of users, never on the length of history.
 *
 * <p>An active day is a day with at least one visit, the same definition as unique_visits.
 */
public final class UserState {
  public static final StructType SCHEMA =
      new StructType()
          .add(InputSchemas.USER_ID, DataTypes.StringType)
          .add(Columns.STATE_DATE, DataTypes.DateType)
          .add(Columns.FIRST_ACTIVE_DAY, DataTypes.DateType)
          .add(Columns.LAST_ACTIVE_DAY, DataTypes.DateType)
          .add(Columns.EVENT_ACCOUNT_ID, DataTypes.StringType)
          .add(Columns.EVENT_ACCOUNT_DAY, DataTypes.DateType);

  private UserState() {}

  /**
   * The state as of {@code day}: every user with a valid event on or before it.
   *
   * @param previous the state of the latest processed day before {@code day} (empty on the first day)
   * @param activity the day's user_daily_activity rows
   */
  public static Dataset<Row> advance(Dataset<Row> previous, Dataset<Row> activity, LocalDate day) {
    Column today = lit(Date.valueOf(day));
    Dataset<Row> todays =
        activity.select(
            col(InputSchemas.USER_ID),
            when(col(Columns.VISITS).gt(0), today).as("t_active"),
            col(Columns.EVENT_ACCOUNT_ID).as("t_account"));
    Dataset<Row> prior =
        previous.select(
            col(InputSchemas.USER_ID),
            col(Columns.FIRST_ACTIVE_DAY).as("p_first"),
            col(Columns.LAST_ACTIVE_DAY).as("p_last"),
            col(Columns.EVENT_ACCOUNT_ID).as("p_account"),
            col(Columns.EVENT_ACCOUNT_DAY).as("p_account_day"));
    return prior
        .join(todays, InputSchemas.USER_ID, "full_outer")
        .select(
            col(InputSchemas.USER_ID),
            today.as(Columns.STATE_DATE),
            least(col("p_first"), col("t_active")).as(Columns.FIRST_ACTIVE_DAY),
            greatest(col("p_last"), col("t_active")).as(Columns.LAST_ACTIVE_DAY),
            when(col("t_account").isNotNull(), col("t_account")).otherwise(col("p_account")).as(Columns.EVENT_ACCOUNT_ID),
            when(col("t_account").isNotNull(), today).otherwise(col("p_account_day")).as(Columns.EVENT_ACCOUNT_DAY));
  }
}
