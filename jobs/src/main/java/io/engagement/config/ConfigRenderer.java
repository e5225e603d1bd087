package io.engagement.config;

import static io.engagement.config.ConfigKeys.*;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns the typed records back into an {@code engagement} block: what {@code validate-config}
 * prints and what {@code config_hash} covers. Rendering the records rather than the raw HOCON means
 * the output is exactly what the job will use (removed entries gone, {@code 28} and {@code 28.0}
 * alike), and that the hash does not change with formatting or comments. Typesafe Config renders
 * object keys sorted, which makes the text canonical.
 */
public final class ConfigRenderer {
  private ConfigRenderer() {}

  private static final ConfigRenderOptions HOCON =
      ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false);

  /** The effective config as a readable HOCON {@code engagement { ... }} block. */
  public static String render(EngagementConfig config) {
    return wrapped(config).render(HOCON);
  }

  /** The canonical one-line JSON form the hash is computed from. */
  public static String canonical(EngagementConfig config) {
    return wrapped(config).render(ConfigRenderOptions.concise());
  }

  /** SHA-256 of {@link #canonical}, in lower-case hex. */
  public static String hash(EngagementConfig config) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical(config).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ConfigObject wrapped(EngagementConfig config) {
    return ConfigValueFactory.fromMap(Map.of(ROOT, toMap(config)));
  }

  /** Nested maps keyed by single keys (never paths), so a dotted metric name stays one key. */
  private static Map<String, Object> toMap(EngagementConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.inputRoot() != null) {
      m.put(INPUT, Map.of(ROOT_DIR, c.inputRoot()));
    }
    if (c.outputRoot() != null) {
      m.put(OUTPUT, Map.of(ROOT_DIR, c.outputRoot()));
    }
    m.put(TIMEZONE, c.timezone().getId());
    m.put(WINDOW_DAYS, c.windowDays());
    m.put(VISIT_TIMEOUT_MINUTES, c.visitTimeoutMinutes());
    m.put(VISIT_EVENT_TYPES, c.visitEventTypes());
    m.put(MIN_RELIANCE_DAYS, c.minRelianceDays());
    m.put(DORMANT_AFTER_DAYS, c.dormantAfterDays());
    m.put(SEGMENTS, c.segments());
    m.put(ACTIONS, c.actions());
    Map<String, Object> kpis = new LinkedHashMap<>();
    c.kpis().forEach((name, kpi) -> kpis.put(name, kpi(kpi)));
    m.put(KPIS, kpis);
    Map<String, Object> components = new LinkedHashMap<>();
    for (ComponentConfig component : c.score().components()) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      component.metrics().forEach(metric -> metrics.put(metric.metric(), metric(metric)));
      components.put(
          component.component().key(),
          Map.of(WEIGHT, number(component.weight()), METRICS, metrics));
    }
    m.put(SCORE, Map.of(COMPONENTS, components));
    m.put(
        NPS,
        Map.of(
            NPS_WINDOW_DAYS, c.nps().windowDays(),
            MIN_RESPONSES, c.nps().minResponses(),
            SURVEYS, c.nps().surveys()));
    m.put(
        SAY_DO,
        Map.of(LOW_BELOW, number(c.sayDo().lowBelow()), HIGH_FROM, number(c.sayDo().highFrom())));
    AnomalyConfig a = c.anomalies();
    m.put(
        ANOMALIES,
        Map.of(
            BASELINE_DAYS, a.baselineDays(),
            Z_THRESHOLD, number(a.zThreshold()),
            MIN_USERS, a.minUsers(),
            MIN_CHANGE,
                Map.of(
                    MIN_CHANGE_MEAN_SCORE, number(a.minChangeMeanScore()),
                    MIN_CHANGE_NPS, number(a.minChangeNps()),
                    MIN_CHANGE_ACTIVE_USERS, number(a.minChangeActiveUsers()))));
    m.put(
        QUALITY,
        Map.of(
            MAX_REJECTED_FRACTION, number(c.quality().maxRejectedFraction()),
            MIN_VOLUME_RATIO, number(c.quality().minVolumeRatio())));
    m.put(
        PII,
        Map.of(
            PSEUDONYMISE_USER_ID, c.pii().pseudonymiseUserId(),
            REDACT_COMMENTS, c.pii().redactComments()));
    return m;
  }

  private static Map<String, Object> kpi(KpiConfig kpi) {
    Map<String, Object> m = new LinkedHashMap<>();
    kpi.eventType().ifPresent(v -> m.put(EVENT_TYPE, v));
    kpi.eventName().ifPresent(v -> m.put(EVENT_NAME, v));
    kpi.measure().ifPresent(v -> m.put(MEASURE, v));
    m.put(AGGREGATION, kpi.aggregation().name().toLowerCase(Locale.ROOT));
    return m;
  }

  private static Map<String, Object> metric(MetricConfig metric) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(WEIGHT, number(metric.weight()));
    m.put(NORMALIZE, metric.normalize().configName());
    optional(metric.target()).ifPresent(v -> m.put(TARGET, v));
    optional(metric.halfLifeDays()).ifPresent(v -> m.put(HALF_LIFE_DAYS, v));
    return m;
  }

  private static Optional<Number> optional(OptionalDouble d) {
    return d.isPresent() ? Optional.of(number(d.getAsDouble())) : Optional.empty();
  }

  /** Whole numbers render without ".0", as people write them; the value is unchanged. */
  private static Number number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
  }
}
