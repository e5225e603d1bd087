package io.engagement.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who is scored on a day (metrics.md 6): every user of the users dimension who has signed up by
 * then, plus every user with a valid event on or before the day, except dormant users. Idle
 * users who are not dormant stay in, so every current customer is covered; customers who left
 * long ago do not drag the averages down forever.
 */
public final class ScoredUsers {
  private ScoredUsers() {}

  /**
   * Columns: user_id, signup_date, first_active_day, last_active_day.
   *
   * @param users the users dimension (user_id, signup_date, ...)
   * @param state the user state as of the day (every user with an event on or before it)
   * @param dormantAfterDays 0 never drops anyone
   */
  public static Dataset<Row> select(Dataset<Row> users, Dataset<Row> state, int dormantAfterDays, LocalDate day) {
    Column today = lit(Date.valueOf(day));
    Dataset<Row> signedUp =
        users.select(col(InputSchemas.USER_ID), col(InputSchemas.SIGNUP_DATE), lit(true).as("_in_dimension"));
    Dataset<Row> seen =
        state.select(
            col(InputSchemas.USER_ID),
            col(Columns.FIRST_ACTIVE_DAY),
            col(Columns.LAST_ACTIVE_DAY),
            lit(true).as("_seen"));
    Column known =
        col("_seen").isNotNull()
            .or(col(InputSchemas.SIGNUP_DATE).isNull().or(col(InputSchemas.SIGNUP_DATE).leq(today)));
    Column lastSign = coalesce(col(Columns.LAST_ACTIVE_DAY), col(InputSchemas.SIGNUP_DATE));
    Column dormant =
        dormantAfterDays == 0
            ? lit(false)
            : coalesce(datediff(today, lastSign).gt(dormantAfterDays), lit(false));
    return signedUp
        .join(seen, InputSchemas.USER_ID, "full_outer")
        .where(known.and(not(dormant)))
        .select(
            col(InputSchemas.USER_ID),
            col(InputSchemas.SIGNUP_DATE),
            col(Columns.FIRST_ACTIVE_DAY),
            col(Columns.LAST_ACTIVE_DAY));
  }
}
