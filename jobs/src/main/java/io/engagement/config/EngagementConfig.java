package io.engagement.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The whole {@code engagement} block of the configuration, read once and validated before any
 * SparkSession exists. Every step of the pipeline takes the part it needs from here, so no step
 * ever reads a raw config key.
 *
 * @param kpis KPIs by name, in the order the config lists them (so output maps and columns are stable)
 */
public record EngagementConfig(
    String inputRoot,
    String outputRoot,
    ZoneId timezone,
    int windowDays,
    int visitTimeoutMinutes,
    List<String> visitEventTypes,
    int minRelianceDays,
    int dormantAfterDays,
    List<String> segments,
    List<String> actions,
    Map<String, KpiConfig> kpis,
    ScoreConfig score,
    NpsConfig nps,
    SayDoConfig sayDo,
    AnomalyConfig anomalies,
    QualityConfig quality,
    PiiConfig pii) {

  public EngagementConfig {
    visitEventTypes = List.copyOf(visitEventTypes);
    segments = List.copyOf(segments);
    actions = List.copyOf(actions);
    kpis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kpis));
  }

  /** True when every event type forms visits (the default: an empty list). */
  public boolean allEventTypesFormVisits() {
    return visitEventTypes.isEmpty();
  }
}
