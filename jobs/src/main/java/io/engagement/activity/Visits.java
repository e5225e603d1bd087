package io.engagement.activity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Visits (sessions) of one day (metrics.md 1). Events that carry a session_id form one visit per
 * user and session_id; events without one are sessionised per user among themselves: a gap
 * strictly greater than the timeout starts a new visit. Times are compared in microseconds so
 * that 30 min 0.000001 s is a new visit and 30 min 0 s is not.
 *
 * <p>The input is one validated day, so a visit can never cross midnight of the business day.
 */
public final class Visits {
  /** One row per visit: the user, how many events it holds, its first and last event in µs. */
  public static final String VISIT_EVENTS = "visit_events";
  public static final String VISIT_START_MICROS = "visit_start_micros";
  public static final String VISIT_END_MICROS = "visit_end_micros";

  private static final String VISIT_KEY = "_visit_key";
  private static final String MICROS = "_micros";

  private Visits() {}

  /** The events that form visits: those whose type is listed, or all when the list is empty. */
  public static Column formsVisit(List<String> visitEventTypes) {
    if (visitEventTypes.isEmpty()) {
      return lit(true);
    }
    return col(InputSchemas.EVENT_TYPE).isin(visitEventTypes.toArray());
  }

  /**
   * The visits of a day's visit-forming events: columns user_id, visit_events,
   * visit_start_micros, visit_end_micros.
   */
  public static Dataset<Row> of(Dataset<Row> visitEvents, int timeoutMinutes) {
    long timeoutMicros = timeoutMinutes * 60L * 1_000_000L;
    Dataset<Row> timed =
        visitEvents
            .select(
                col(InputSchemas.USER_ID),
                col(InputSchemas.SESSION_ID),
                col(InputSchemas.EVENT_ID),
                functions.unix_micros(col(InputSchemas.EVENT_TIME)).as(MICROS));

    Dataset<Row> withSession =
        timed
            .where(col(InputSchemas.SESSION_ID).isNotNull())
            .withColumn(VISIT_KEY, concat(lit("s:"), col(InputSchemas.SESSION_ID)));

    WindowSpec byUserInTime =
        Window.partitionBy(InputSchemas.USER_ID).orderBy(col(MICROS), col(InputSchemas.EVENT_ID));
    Column gap = col(MICROS).minus(lag(col(MICROS), 1).over(byUserInTime));
    Column startsVisit = when(gap.isNull().or(gap.gt(timeoutMicros)), 1).otherwise(0);
    Dataset<Row> sessionised =
        timed
            .where(col(InputSchemas.SESSION_ID).isNull())
            .withColumn("_starts", startsVisit)
            .withColumn(
                VISIT_KEY,
                concat(
                    lit("t:"),
                    functions.sum(col("_starts")).over(byUserInTime.rowsBetween(Window.unboundedPreceding(), Window.currentRow())).cast("string")))
            .drop("_starts");

    return withSession
        .unionByName(sessionised)
        .groupBy(col(InputSchemas.USER_ID), col(VISIT_KEY))
        .agg(
            functions.count(lit(1)).as(VISIT_EVENTS),
            functions.min(col(MICROS)).as(VISIT_START_MICROS),
            functions.max(col(MICROS)).as(VISIT_END_MICROS))
        .drop(VISIT_KEY);
  }
}
