package io.engagement.activity;

import io.engagement.config.KpiConfig.Aggregation;

/**
 * The day's value of one KPI for one user (metrics.md 4), from the contributions of the user's
 * events ({@link KpiMeasures#contribution}) in the order they come: the count of non-null
 * contributions, or the sum or maximum of them; 0 when there is none (an active day with no
 * matching event has the value 0).
 *
 * <p>Sums add in the events' order, so a rerun, which sorts the events the same way, gives the
 * same bits. Each step is the one of Spark's {@code sum} and {@code max}: a sum starts from 0.0
 * (so a lone -0.0 sums to 0.0), and a maximum changes only for a strictly greater value.
 * Contributions are finite or null, never NaN.
 */
final class KpiTally {
  private final Aggregation aggregation;
  private long count;
  private double value;

  KpiTally(Aggregation aggregation) {
    this.aggregation = aggregation;
  }

  /** Adds one event's contribution; null when the event does not count. */
  void add(Double contribution) {
    if (contribution == null) {
      return;
    }
    double c = contribution;
    switch (aggregation) {
      case COUNT -> {}
      case SUM -> value = (count == 0 ? 0.0 : value) + c;
      case MAX -> value = count == 0 || c > value ? c : value;
    }
    count++;
  }

  /** The day's value: 0 when nothing contributed. */
  double value() {
    if (aggregation == Aggregation.COUNT) {
      return count;
    }
    return count == 0 ? 0.0 : value;
  }
}
