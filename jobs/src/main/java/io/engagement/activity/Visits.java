package io.engagement.activity;

import static org.apache.spark.sql.functions.col;
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
 * <p>Visits are not built as rows. Each event is marked instead, in one ordered pass over the
 * user's events: whether it starts a visit and how long after the previous event of its visit it
 * came. A user's visits are then the sum of the starts, and their total duration the sum of the
 * gaps (a visit's gaps add up to its last minus its first event time), so the daily activity is
 * one aggregation of marked events, not an aggregation per visit joined to one per user.
 *
 * <p>The input is one validated day, so a visit can never cross midnight of the business day.
 */
public final class Visits {
  /** 1 when the event forms a visit (its type is listed, or the list is empty), else 0. */
  public static final String IN_VISIT = "in_visit";
  /** 1 when the event is the first of a visit, else 0 (also 0 when it forms no visit). */
  public static final String STARTS_VISIT = "starts_visit";
  /** µs since the previous event of the same visit; 0 for a visit's first event or no visit. */
  public static final String GAP_MICROS = "visit_gap_micros";

  /** 0: has a session_id; 1: sessionised by the timeout; 2: forms no visit. */
  private static final String KIND = "_visit_kind";
  private static final String MICROS = "_micros";
  private static final String PREVIOUS_KIND = "_previous_kind";
  private static final String PREVIOUS_SESSION = "_previous_session";
  private static final String PREVIOUS_MICROS = "_previous_micros";

  private Visits() {}

  /** The events that form visits: those whose type is listed, or all when the list is empty. */
  public static Column formsVisit(List<String> visitEventTypes) {
    if (visitEventTypes.isEmpty()) {
      return lit(true);
    }
    return col(InputSchemas.EVENT_TYPE).isin(visitEventTypes.toArray());
  }

  /**
   * The events with {@link #IN_VISIT}, {@link #STARTS_VISIT} and {@link #GAP_MICROS} added, all
   * longs. One window over each user's events, ordered so that a session's events are adjacent
   * and sessionless events follow each other in time (ties by event_id); the marks compare each
   * event with the one before it only. The rows come out partitioned by user_id, so an
   * aggregation by user needs no further shuffle.
   */
  public static Dataset<Row> mark(Dataset<Row> events, List<String> visitEventTypes, int timeoutMinutes) {
    long timeoutMicros = timeoutMinutes * 60L * 1_000_000L;
    Column kind =
        when(functions.not(functions.coalesce(formsVisit(visitEventTypes), lit(false))), 2)
            .when(col(InputSchemas.SESSION_ID).isNotNull(), 0)
            .otherwise(1);
    WindowSpec byUser =
        Window.partitionBy(col(InputSchemas.USER_ID))
            .orderBy(col(KIND), col(InputSchemas.SESSION_ID), col(MICROS), col(InputSchemas.EVENT_ID));
    Column gap = col(MICROS).minus(col(PREVIOUS_MICROS));
    Column sameSession =
        col(KIND).equalTo(0)
            .and(col(PREVIOUS_KIND).equalTo(0))
            .and(col(PREVIOUS_SESSION).equalTo(col(InputSchemas.SESSION_ID)));
    Column withinTimeout = col(KIND).equalTo(1).and(col(PREVIOUS_KIND).equalTo(1)).and(gap.leq(timeoutMicros));
    Column continuesVisit = functions.coalesce(sameSession.or(withinTimeout), lit(false));
    return events
        .withColumn(MICROS, functions.unix_micros(col(InputSchemas.EVENT_TIME)))
        .withColumn(KIND, kind)
        .select(
            col("*"),
            lag(col(KIND), 1).over(byUser).as(PREVIOUS_KIND),
            lag(col(InputSchemas.SESSION_ID), 1).over(byUser).as(PREVIOUS_SESSION),
            lag(col(MICROS), 1).over(byUser).as(PREVIOUS_MICROS))
        .withColumn(IN_VISIT, when(col(KIND).lt(2), 1L).otherwise(0L))
        .withColumn(STARTS_VISIT, when(col(KIND).lt(2).and(functions.not(continuesVisit)), 1L).otherwise(0L))
        .withColumn(GAP_MICROS, when(continuesVisit, gap).otherwise(0L))
        .drop(KIND, MICROS, PREVIOUS_KIND, PREVIOUS_SESSION, PREVIOUS_MICROS);
  }
}
