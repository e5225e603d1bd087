package io.engagement.config;

import java.util.Optional;

/**
 * A KPI: a filter on one day's events plus an aggregation (metrics.md 4).
 *
 * @param measure a numeric event column ({@code amount}) or {@code properties.<key>}; empty for
 *     {@code count}, which counts matching events whatever their measure
 */
public record KpiConfig(
    String name,
    Optional<String> eventType,
    Optional<String> eventName,
    Optional<String> measure,
    Aggregation aggregation) {

  /** How a KPI's matching events become one number per user and day (and per window). */
  public enum Aggregation {
    SUM,
    COUNT,
    MAX
  }

  /** Prefix of a measure read from the {@code properties} map. */
  public static final String PROPERTIES_PREFIX = "properties.";

  /** The key of {@code properties} that holds the measure, when the measure reads one. */
  public Optional<String> propertyKey() {
    return measure.filter(m -> m.startsWith(PROPERTIES_PREFIX))
        .map(m -> m.substring(PROPERTIES_PREFIX.length()));
  }
}
