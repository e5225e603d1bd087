package io.engagement.testing;

import io.engagement.config.AnomalyConfig;
import io.engagement.config.Component;
import io.engagement.config.ComponentConfig;
import io.engagement.config.EngagementConfig;
import io.engagement.config.KpiConfig;
import io.engagement.config.MetricConfig;
import io.engagement.config.Normalization;
import io.engagement.config.NpsConfig;
import io.engagement.config.PiiConfig;
import io.engagement.config.QualityConfig;
import io.engagement.config.SayDoConfig;
import io.engagement.config.ScoreConfig;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Configs for tests, built as records (no loader), with the spec's defaults: window 28, timeout
 * 30 min, R = 7, dormant after 90, segments plan and region, actions upload_file and collaborate,
 * and four KPIs covering sum/count/max from a column and from properties.
 */
public final class TestConfigs {
  private TestConfigs() {}

  public static Map<String, KpiConfig> defaultKpis() {
    Map<String, KpiConfig> kpis = new LinkedHashMap<>();
    kpis.put("revenue", new KpiConfig("revenue", Optional.of("purchase"), Optional.empty(), Optional.of("amount"), KpiConfig.Aggregation.SUM));
    kpis.put("purchases", new KpiConfig("purchases", Optional.of("purchase"), Optional.empty(), Optional.empty(), KpiConfig.Aggregation.COUNT));
    kpis.put("pages_uploaded", new KpiConfig("pages_uploaded", Optional.empty(), Optional.of("upload_file"), Optional.of("properties.pages"), KpiConfig.Aggregation.SUM));
    kpis.put("largest_order", new KpiConfig("largest_order", Optional.of("purchase"), Optional.empty(), Optional.of("amount"), KpiConfig.Aggregation.MAX));
    return kpis;
  }

  public static MetricConfig metric(String name, double weight, Normalization method, double targetOrHalfLife) {
    return new MetricConfig(
        name,
        weight,
        method,
        method.needsTarget() ? OptionalDouble.of(targetOrHalfLife) : OptionalDouble.empty(),
        method == Normalization.HALF_LIFE ? OptionalDouble.of(targetOrHalfLife) : OptionalDouble.empty());
  }

  public static ScoreConfig defaultScore() {
    return new ScoreConfig(
        List.of(
            new ComponentConfig(
                Component.VISITS,
                50,
                List.of(
                    metric("total_visits", 1, Normalization.LOG_TARGET, 40),
                    metric("unique_visits", 2, Normalization.LINEAR_TARGET, 20),
                    metric("breadth", 1, Normalization.LINEAR_TARGET, 6),
                    metric("depth", 1, Normalization.LOG_TARGET, 10),
                    metric("duration", 1, Normalization.LOG_TARGET, 900),
                    metric("recency", 1, Normalization.HALF_LIFE, 7),
                    metric("reliance", 2, Normalization.RATIO, 0))),
            new ComponentConfig(
                Component.ACTIONS,
                30,
                List.of(
                    metric("upload_file.count", 1, Normalization.LOG_TARGET, 20),
                    metric("upload_file.reliance", 1, Normalization.RATIO, 0),
                    metric("collaborate.days", 1, Normalization.LINEAR_TARGET, 8))),
            new ComponentConfig(
                Component.KPIS,
                20,
                List.of(
                    metric("revenue", 2, Normalization.LOG_TARGET, 500),
                    metric("purchases", 1, Normalization.LOG_TARGET, 5),
                    metric("pages_uploaded", 1, Normalization.LOG_TARGET, 50)))));
  }

  public static EngagementConfig defaults() {
    return new EngagementConfig(
        "in",
        "out",
        ZoneId.of("UTC"),
        28,
        30,
        List.of(),
        7,
        90,
        List.of("plan", "region"),
        List.of("upload_file", "collaborate"),
        defaultKpis(),
        defaultScore(),
        new NpsConfig(90, 30, List.of()),
        new SayDoConfig(33.3, 66.7),
        new AnomalyConfig(28, 3.0, 20, 5, 10, 0.1),
        new QualityConfig(0.05, 0.5),
        new PiiConfig(false, false));
  }

  /** The defaults with visits made of the listed event types only (empty: every type). */
  public static EngagementConfig withVisitEventTypes(List<String> visitEventTypes) {
    EngagementConfig base = defaults();
    return new EngagementConfig(base.inputRoot(), base.outputRoot(), base.timezone(), base.windowDays(),
        base.visitTimeoutMinutes(), visitEventTypes, base.minRelianceDays(), base.dormantAfterDays(),
        base.segments(), base.actions(), base.kpis(), base.score(), base.nps(), base.sayDo(),
        base.anomalies(), base.quality(), base.pii());
  }
}
