package io.engagement.activity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Visits (sessions) of one day (metrics.md 1). Events that carry a session_id form one visit per
 * user and session_id; events without one are sessionised per user among themselves: a gap
 * strictly greater than the timeout starts a new visit. Times are compared in microseconds so
 * that 30 min 0.000001 s is a new visit and 30 min 0 s is not.
 *
 * <p>Visits are not built as rows. Each event gets a {@link #KIND}, and a user's events sorted in
 * {@link #order()} are counted by a {@link VisitTally} as they stream past: a session's events
 * are then adjacent, and sessionless events follow each other in time, so every event is compared
 * with the one before it only. A visit's gaps add up to its last minus its first event time, so
 * the durations need no per-visit state either.
 *
 * <p>The input is one validated day, so a visit can never cross midnight of the business day.
 */
public final class Visits {
  /** The event's {@link #SESSION}, {@link #SESSIONISED} or {@link #NO_VISIT} kind, an int. */
  public static final String KIND = "_visit_kind";
  /** The event_time in µs since the epoch, a long. */
  public static final String MICROS = "_micros";

  /** The event has a session_id: its visit is (user, session_id). */
  public static final int SESSION = 0;
  /** The event has no session_id: it is sessionised by the timeout. */
  public static final int SESSIONISED = 1;
  /** The event's type is not one that forms visits. */
  public static final int NO_VISIT = 2;

  private Visits() {}

  /** The events that form visits: those whose type is listed, or all when the list is empty. */
  public static Column formsVisit(List<String> visitEventTypes) {
    if (visitEventTypes.isEmpty()) {
      return lit(true);
    }
    return col(InputSchemas.EVENT_TYPE).isin(visitEventTypes.toArray());
  }

  /** The event's kind ({@link #KIND}). */
  public static Column kind(List<String> visitEventTypes) {
    return when(functions.not(functions.coalesce(formsVisit(visitEventTypes), lit(false))), NO_VISIT)
        .when(col(InputSchemas.SESSION_ID).isNotNull(), SESSION)
        .otherwise(SESSIONISED);
  }

  /** The event_time in whole microseconds ({@link #MICROS}). */
  public static Column micros() {
    return functions.unix_micros(col(InputSchemas.EVENT_TIME));
  }

  /**
   * The order a {@link VisitTally} needs within one user's events: by kind, so that the kinds do
   * not interleave; by session_id, so that a session's events are adjacent; by time; and by
   * event_id, so that events of the same microsecond come in the same order in every run.
   */
  public static Column[] order() {
    return new Column[] {col(KIND), col(InputSchemas.SESSION_ID), col(MICROS), col(InputSchemas.EVENT_ID)};
  }
}
