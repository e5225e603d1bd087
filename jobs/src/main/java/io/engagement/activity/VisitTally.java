package io.engagement.activity;

import java.util.Objects;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Counts the visits of one user's day from the user's events given in {@link Visits#order()}
 * (metrics.md 1): an event continues the visit of the event before it when both carry the same
 * session_id, or when both are sessionless and at most the timeout apart; otherwise it starts a
 * visit. A visit's duration is the sum of the gaps between its consecutive events.
 */
final class VisitTally {
  private final long timeoutMicros;
  private long visits;
  private long events;
  private long durationMicros;
  private int previousKind = Visits.NO_VISIT;
  private UTF8String previousSession;
  private long previousMicros;

  VisitTally(int timeoutMinutes) {
    this.timeoutMicros = timeoutMinutes * 60L * 1_000_000L;
  }

  /**
   * Adds the next event: its {@link Visits#KIND}, session_id and time in µs. The session_id is
   * kept until the next event, so it must not change under the tally (not a view into a row
   * Spark reuses).
   */
  void add(int kind, UTF8String sessionId, long micros) {
    if (kind == Visits.NO_VISIT) {
      return;
    }
    events++;
    boolean continues =
        kind == previousKind
            && (kind == Visits.SESSION
                ? Objects.equals(sessionId, previousSession)
                : micros - previousMicros <= timeoutMicros);
    if (continues) {
      durationMicros += micros - previousMicros;
    } else {
      visits++;
    }
    previousKind = kind;
    previousSession = sessionId;
    previousMicros = micros;
  }

  long visits() {
    return visits;
  }

  /** The events that form visits. */
  long events() {
    return events;
  }

  /** The summed duration of the visits, in whole µs (exact, unlike a sum of seconds). */
  long durationMicros() {
    return durationMicros;
  }
}
