package io.engagement.config;

import static io.engagement.config.ConfigKeys.*;

import io.engagement.output.Columns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of contract.md ("Configuration") on the typed records: ranges, names and
 * cross-references (a scored action or KPI must be configured). It works on records rather than raw
 * HOCON so a config built in code is held to the same rules, and every problem still names the full
 * key the user has to fix.
 */
public final class ConfigValidator {
  private final List<String> problems = new ArrayList<>();

  private ConfigValidator() {}

  /** Every problem of the config, one message each naming its key; empty when it is valid. */
  public static List<String> problems(EngagementConfig config) {
    ConfigValidator validator = new ConfigValidator();
    validator.check(config);
    return List.copyOf(validator.problems);
  }

  /**
   * @throws ConfigException with every problem, when there is one
   */
  public static void validate(EngagementConfig config) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private void check(EngagementConfig c) {
    atLeast(path(WINDOW_DAYS), c.windowDays(), 1);
    atLeast(path(VISIT_TIMEOUT_MINUTES), c.visitTimeoutMinutes(), 1);
    atLeast(path(MIN_RELIANCE_DAYS), c.minRelianceDays(), 1);
    atLeast(path(DORMANT_AFTER_DAYS), c.dormantAfterDays(), 0);
    noBlank(path(VISIT_EVENT_TYPES), c.visitEventTypes());
    names(c);
    c.kpis().values().forEach(this::kpi);
    score(c);
    nps(c.nps());
    sayDo(c.sayDo());
    anomalies(c.anomalies());
    fraction(path(QUALITY, MAX_REJECTED_FRACTION), c.quality().maxRejectedFraction());
    fraction(path(QUALITY, MIN_VOLUME_RATIO), c.quality().minVolumeRatio());
    if (c.pii().pseudonymiseUserId() && c.pii().key().isEmpty()) {
      problems.add(PiiConfig.missingKey());
    }
  }

  /**
   * Actions, KPIs and segments become map keys and columns, so each name must be a plain
   * identifier, unique across the three lists, and clear of the job's own columns and metrics.
   */
  private void names(EngagementConfig c) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (String segment : c.segments()) {
      name(path(SEGMENTS), segment, owners);
    }
    for (String action : c.actions()) {
      name(path(ACTIONS), action, owners);
    }
    for (String kpi : c.kpis().keySet()) {
      name(path(KPIS, kpi), kpi, owners);
    }
  }

  private void name(String key, String name, Map<String, String> owners) {
    if (!NAME_PATTERN.matcher(name).matches()) {
      problems.add(
          key
              + ": \""
              + name
              + "\" is not a valid name: use lower-case letters, digits and _, starting with a"
              + " letter");
    } else if (RESERVED_NAMES.contains(name)) {
      problems.add(
          key
              + ": \""
              + name
              + "\" is a metric or column name of the job's tables: choose another name");
    }
    String previous = owners.putIfAbsent(name, key);
    if (previous != null) {
      problems.add(
          key
              + ": \""
              + name
              + "\" is already used by "
              + previous
              + ": names must be unique across actions, KPIs and segments");
    }
  }

  private void kpi(KpiConfig kpi) {
    String key = path(KPIS, kpi.name());
    if (kpi.eventType().isEmpty() && kpi.eventName().isEmpty()) {
      problems.add(
          key + " has neither " + EVENT_TYPE + " nor " + EVENT_NAME + ": give at least one");
    }
    kpi.eventType()
        .filter(String::isBlank)
        .ifPresent(v -> problems.add(path(KPIS, kpi.name(), EVENT_TYPE) + " is empty"));
    kpi.eventName()
        .filter(String::isBlank)
        .ifPresent(v -> problems.add(path(KPIS, kpi.name(), EVENT_NAME) + " is empty"));
    String measureKey = path(KPIS, kpi.name(), MEASURE);
    if (kpi.measure().isEmpty() && kpi.aggregation() != KpiConfig.Aggregation.COUNT) {
      problems.add(
          measureKey
              + " is missing: aggregation "
              + kpi.aggregation().name().toLowerCase(Locale.ROOT)
              + " needs a measure (\""
              + AMOUNT_MEASURE
              + "\" or \""
              + KpiConfig.PROPERTIES_PREFIX
              + "<key>\")");
    }
    kpi.measure()
        .filter(m -> !isMeasure(m))
        .ifPresent(
            m ->
                problems.add(
                    measureKey
                        + " = \""
                        + m
                        + "\" is not a measure: use \""
                        + AMOUNT_MEASURE
                        + "\" or \""
                        + KpiConfig.PROPERTIES_PREFIX
                        + "<key>\""));
  }

  private static boolean isMeasure(String measure) {
    return measure.equals(AMOUNT_MEASURE)
        || (measure.startsWith(KpiConfig.PROPERTIES_PREFIX)
            && measure.length() > KpiConfig.PROPERTIES_PREFIX.length());
  }

  private void score(EngagementConfig c) {
    Set<Component> seen = EnumSet.noneOf(Component.class);
    for (ComponentConfig component : c.score().components()) {
      String key = path(SCORE, COMPONENTS, component.component().key());
      if (!seen.add(component.component())) {
        problems.add(key + " is given twice");
      }
      weight(path(SCORE, COMPONENTS, component.component().key(), WEIGHT), component.weight());
      for (MetricConfig metric : component.metrics()) {
        metric(c, component.component(), metric);
      }
      if (component.weight() > 0 && component.weightedMetrics().isEmpty()) {
        problems.add(
            key
                + " has weight "
                + fmt(component.weight())
                + " but no metric with weight > 0: weight a metric or set the component's weight to"
                + " 0");
      }
    }
    if (c.score().scoringComponents().isEmpty()) {
      problems.add(
          path(SCORE, COMPONENTS)
              + ": every weight is 0, so there is no score: give a component and one of its metrics"
              + " a weight > 0");
    }
  }

  private void metric(EngagementConfig c, Component component, MetricConfig metric) {
    String key = path(SCORE, COMPONENTS, component.key(), METRICS, metric.metric());
    metricName(c, component, metric.metric(), key);
    weight(
        path(SCORE, COMPONENTS, component.key(), METRICS, metric.metric(), WEIGHT),
        metric.weight());
    Normalization method = metric.normalize();
    if (method.needsTarget()
        && (metric.target().isEmpty() || !(metric.target().getAsDouble() > 0))) {
      problems.add(
          path(SCORE, COMPONENTS, component.key(), METRICS, metric.metric(), TARGET)
              + (metric.target().isEmpty()
                  ? " is missing"
                  : " = " + fmt(metric.target().getAsDouble()))
              + ": "
              + method.configName()
              + " needs a target > 0");
    }
    if (method == Normalization.HALF_LIFE
        && (metric.halfLifeDays().isEmpty() || !(metric.halfLifeDays().getAsDouble() > 0))) {
      problems.add(
          path(SCORE, COMPONENTS, component.key(), METRICS, metric.metric(), HALF_LIFE_DAYS)
              + (metric.halfLifeDays().isEmpty()
                  ? " is missing"
                  : " = " + fmt(metric.halfLifeDays().getAsDouble()))
              + ": half-life needs half-life-days > 0");
    }
    if (metric.metric().equals(Columns.RECENCY)
        && component == Component.VISITS
        && method != Normalization.HALF_LIFE) {
      problems.add(
          path(SCORE, COMPONENTS, component.key(), METRICS, metric.metric(), NORMALIZE)
              + " = \""
              + method.configName()
              + "\": recency accepts only half-life (any other method would reward inactivity)");
    }
  }

  /** The metric must exist in its component: a visit metric, a configured action's, a KPI. */
  private void metricName(EngagementConfig c, Component component, String metric, String key) {
    switch (component) {
      case VISITS -> {
        if (!VISIT_METRICS.contains(metric)) {
          problems.add(
              key + " is not a visit metric: use one of " + String.join(", ", VISIT_METRICS));
        }
      }
      case ACTIONS -> {
        int dot = metric.lastIndexOf(ACTION_METRIC_SEPARATOR);
        String suffix = dot < 0 ? "" : metric.substring(dot + 1);
        if (dot < 0 || !ACTION_METRIC_SUFFIXES.contains(suffix)) {
          problems.add(
              key
                  + " is not an action metric: use \"<action>."
                  + String.join("\", \"<action>.", ACTION_METRIC_SUFFIXES)
                  + "\"");
        } else if (!c.actions().contains(metric.substring(0, dot))) {
          problems.add(
              key
                  + " names the action \""
                  + metric.substring(0, dot)
                  + "\", which is not in "
                  + path(ACTIONS)
                  + " "
                  + c.actions()
                  + ": add it there or remove this metric");
        }
      }
      case KPIS -> {
        if (!c.kpis().containsKey(metric)) {
          problems.add(
              key
                  + " names no configured KPI (the KPIs are "
                  + c.kpis().keySet()
                  + "): define "
                  + path(KPIS, metric)
                  + " or remove this metric");
        }
      }
    }
  }

  private void nps(NpsConfig nps) {
    atLeast(path(NPS, NPS_WINDOW_DAYS), nps.windowDays(), 1);
    atLeast(path(NPS, MIN_RESPONSES), nps.minResponses(), 0);
    noBlank(path(NPS, SURVEYS), nps.surveys());
  }

  private void sayDo(SayDoConfig sayDo) {
    between(path(SAY_DO, LOW_BELOW), sayDo.lowBelow(), 0, 100);
    between(path(SAY_DO, HIGH_FROM), sayDo.highFrom(), 0, 100);
    if (sayDo.lowBelow() > sayDo.highFrom()) {
      problems.add(
          path(SAY_DO, LOW_BELOW)
              + " = "
              + fmt(sayDo.lowBelow())
              + " is above "
              + path(SAY_DO, HIGH_FROM)
              + " = "
              + fmt(sayDo.highFrom())
              + ": the low band must end where the high band starts or before");
    }
  }

  private void anomalies(AnomalyConfig a) {
    atLeast(path(ANOMALIES, BASELINE_DAYS), a.baselineDays(), 1);
    if (!(a.zThreshold() > 0) || Double.isInfinite(a.zThreshold())) {
      problems.add(path(ANOMALIES, Z_THRESHOLD) + " = " + fmt(a.zThreshold()) + " must be > 0");
    }
    atLeast(path(ANOMALIES, MIN_USERS), a.minUsers(), 0);
    nonNegative(path(ANOMALIES, MIN_CHANGE, MIN_CHANGE_MEAN_SCORE), a.minChangeMeanScore());
    nonNegative(path(ANOMALIES, MIN_CHANGE, MIN_CHANGE_NPS), a.minChangeNps());
    fraction(path(ANOMALIES, MIN_CHANGE, MIN_CHANGE_ACTIVE_USERS), a.minChangeActiveUsers());
  }

  // ---- small rules ----

  private void atLeast(String key, int value, int min) {
    if (value < min) {
      problems.add(key + " = " + value + " must be at least " + min);
    }
  }

  private void weight(String key, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      problems.add(
          key + " = " + fmt(weight) + " must be a weight >= 0 (0 leaves it out of the score)");
    }
  }

  private void nonNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      problems.add(key + " = " + fmt(value) + " must be >= 0");
    }
  }

  private void fraction(String key, double value) {
    between(key, value, 0, 1);
  }

  private void between(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      problems.add(key + " = " + fmt(value) + " must be between " + fmt(min) + " and " + fmt(max));
    }
  }

  private void noBlank(String key, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isBlank()) {
        problems.add(key + "[" + i + "] is empty");
      }
    }
  }

  /** Numbers as people write them: 20, not 20.0. */
  private static String fmt(double d) {
    return Double.isFinite(d) && d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
