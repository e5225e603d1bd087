package io.engagement.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole {@code engagement} block of the configuration, read once and validated before any
 * SparkSession exists. Every step of the pipeline takes the part it needs from here, so no step
 * ever reads a raw config key.
 *
 * @param inputRoot where the inputs live; null when not set (validate-config needs none), see
 *     {@link #requireRoots()}
 * @param outputRoot where the tables are written; null when not set
 * @param kpis KPIs by name, sorted by name (HOCON objects keep no order; a fixed order keeps
 *     output maps and columns stable)
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

  /**
   * Fails unless both roots are set: a run needs them, {@code validate-config} does not.
   *
   * @throws ConfigException naming each unset key and how to set it
   */
  public void requireRoots() {
    List<String> problems = unsetRoots();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** One message per unset root, naming the key and the ways to set it; empty when both are set. */
  public List<String> unsetRoots() {
    List<String> problems = new ArrayList<>();
    if (inputRoot == null) {
      problems.add(unset(ConfigKeys.INPUT, ConfigKeys.ENV_INPUT_ROOT));
    }
    if (outputRoot == null) {
      problems.add(unset(ConfigKeys.OUTPUT, ConfigKeys.ENV_OUTPUT_ROOT));
    }
    return problems;
  }

  private static String unset(String side, String envVar) {
    String key = ConfigKeys.path(side, ConfigKeys.ROOT_DIR);
    return key
        + " is not set: set it in the --config file, with --set "
        + side
        + "."
        + ConfigKeys.ROOT_DIR
        + "=PATH or with the environment variable "
        + envVar;
  }

  /** The same config with another PII block (the loader adds the key read from the environment). */
  public EngagementConfig withPii(PiiConfig pii) {
    return new EngagementConfig(
        inputRoot, outputRoot, timezone, windowDays, visitTimeoutMinutes, visitEventTypes,
        minRelianceDays, dormantAfterDays, segments, actions, kpis, score, nps, sayDo, anomalies,
        quality, pii);
  }

  /** True when every event type forms visits (the default: an empty list). */
  public boolean allEventTypesFormVisits() {
    return visitEventTypes.isEmpty();
  }
}
