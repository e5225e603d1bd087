package io.engagement.config;

import static io.engagement.config.ConfigKeys.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the resolved {@code engagement} block into the typed records, eagerly and completely, so no
 * step ever meets a raw key or a type error at run time. It checks structure only: types, nulls,
 * missing and unknown keys, enum names and the time zone. Ranges and cross-references are {@link
 * ConfigValidator}'s job, on the records.
 *
 * <p>HOCON objects keep no order, so KPIs and metrics come out sorted by name: the same config
 * always gives the same records.
 *
 * <p>An explicit {@code null} removes an entry of the two open maps ({@code kpis.<name>} and a
 * component's {@code metrics.<metric>}), the only way HOCON has to drop a default entry; on an
 * optional key it means "not set"; on any other key it is refused.
 */
final class ConfigReader {
  private static final Set<String> TOP_KEYS =
      Set.of(
          INPUT,
          OUTPUT,
          TIMEZONE,
          WINDOW_DAYS,
          VISIT_TIMEOUT_MINUTES,
          VISIT_EVENT_TYPES,
          MIN_RELIANCE_DAYS,
          DORMANT_AFTER_DAYS,
          SEGMENTS,
          ACTIONS,
          KPIS,
          SCORE,
          NPS,
          SAY_DO,
          ANOMALIES,
          QUALITY,
          PII);
  private static final Set<String> KPI_KEYS = Set.of(EVENT_TYPE, EVENT_NAME, MEASURE, AGGREGATION);
  private static final Set<String> COMPONENT_KEYS = Set.of(WEIGHT, METRICS);
  private static final Set<String> METRIC_KEYS = Set.of(WEIGHT, NORMALIZE, TARGET, HALF_LIFE_DAYS);
  private static final Set<String> COMPONENT_NAMES =
      Arrays.stream(Component.values()).map(Component::key).collect(Collectors.toSet());
  private static final int MAX_SHOWN_VALUE = 60;

  private final List<String> problems = new ArrayList<>();

  private ConfigReader() {}

  /**
   * The records of a resolved config (the whole config, {@code engagement} at its root).
   *
   * @throws ConfigException listing every structural problem found
   */
  static EngagementConfig read(Config resolved) {
    ConfigReader reader = new ConfigReader();
    EngagementConfig config = reader.readRoot(resolved.root());
    if (!reader.problems.isEmpty()) {
      throw new ConfigException(reader.problems);
    }
    return config;
  }

  /** An object of the config with its full path, so every message can name the full key. */
  private record Section(List<String> path, ConfigObject object) {
    String key(String child) {
      return ConfigUtil.joinPath(Stream.concat(path.stream(), Stream.of(child)).toList());
    }

    String key() {
      return ConfigUtil.joinPath(path);
    }

    Section child(String name, ConfigObject child) {
      return new Section(Stream.concat(path.stream(), Stream.of(name)).toList(), child);
    }

    /** The keys of this object, sorted so records and messages come out in a stable order. */
    Set<String> sortedKeys() {
      return new TreeSet<>(object.keySet());
    }
  }

  private EngagementConfig readRoot(ConfigObject root) {
    ConfigValue engagement = root.get(ROOT);
    if (engagement == null || engagement.valueType() != ConfigValueType.OBJECT) {
      problems.add(ROOT + " must be an object holding the job's keys");
      return null;
    }
    Section top = new Section(List.of(ROOT), (ConfigObject) engagement);
    onlyKeys(top, TOP_KEYS, "key");

    String inputRoot = rootDir(top, INPUT);
    String outputRoot = rootDir(top, OUTPUT);
    ZoneId timezone = timezone(top);
    int windowDays = requiredInt(top, WINDOW_DAYS);
    int visitTimeout = requiredInt(top, VISIT_TIMEOUT_MINUTES);
    List<String> visitEventTypes = stringList(top, VISIT_EVENT_TYPES);
    int minRelianceDays = requiredInt(top, MIN_RELIANCE_DAYS);
    int dormantAfterDays = requiredInt(top, DORMANT_AFTER_DAYS);
    List<String> segments = stringList(top, SEGMENTS);
    List<String> actions = stringList(top, ACTIONS);
    Map<String, KpiConfig> kpis = kpis(top);
    ScoreConfig score = score(top);
    NpsConfig nps = nps(top);
    SayDoConfig sayDo = sayDo(top);
    AnomalyConfig anomalies = anomalies(top);
    QualityConfig quality = quality(top);
    PiiConfig pii = pii(top);
    return new EngagementConfig(
        inputRoot,
        outputRoot,
        timezone,
        windowDays,
        visitTimeout,
        visitEventTypes,
        minRelianceDays,
        dormantAfterDays,
        segments,
        actions,
        kpis,
        score,
        nps,
        sayDo,
        anomalies,
        quality,
        pii);
  }

  /** {@code input.root} / {@code output.root}: optional, since validate-config needs neither. */
  private String rootDir(Section top, String side) {
    Optional<Section> section = section(top, side);
    if (section.isEmpty()) {
      return null;
    }
    onlyKeys(section.get(), Set.of(ROOT_DIR), "key");
    Optional<String> dir = optionalString(section.get(), ROOT_DIR);
    if (dir.isPresent() && dir.get().isBlank()) {
      problems.add(
          section.get().key(ROOT_DIR) + " is empty: give a path or URI, or leave it unset");
    }
    return dir.orElse(null);
  }

  private ZoneId timezone(Section top) {
    String id = requiredString(top, TIMEZONE);
    if (id.isEmpty()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      problems.add(
          top.key(TIMEZONE)
              + " = \""
              + id
              + "\" is not a time zone: use an IANA id such as \"Europe/Paris\" or an offset such"
              + " as \"+01:00\"");
      return ZoneId.of("UTC");
    }
  }

  private Map<String, KpiConfig> kpis(Section top) {
    Map<String, KpiConfig> kpis = new LinkedHashMap<>();
    Optional<Section> section = requiredSection(top, KPIS);
    if (section.isEmpty()) {
      return kpis;
    }
    for (String name : section.get().sortedKeys()) {
      Optional<Section> kpi = entry(section.get(), name);
      if (kpi.isEmpty()) {
        continue;
      }
      onlyKeys(kpi.get(), KPI_KEYS, "key");
      Optional<String> eventType = optionalString(kpi.get(), EVENT_TYPE);
      Optional<String> eventName = optionalString(kpi.get(), EVENT_NAME);
      Optional<String> measure = optionalString(kpi.get(), MEASURE);
      String aggregationName = requiredString(kpi.get(), AGGREGATION);
      Optional<KpiConfig.Aggregation> aggregation = aggregation(aggregationName);
      if (aggregation.isEmpty() && !aggregationName.isEmpty()) {
        problems.add(
            kpi.get().key(AGGREGATION)
                + " = \""
                + aggregationName
                + "\" is not an aggregation: use sum, count or max");
      }
      kpis.put(
          name,
          new KpiConfig(
              name,
              eventType,
              eventName,
              measure,
              aggregation.orElse(KpiConfig.Aggregation.COUNT)));
    }
    return kpis;
  }

  private static Optional<KpiConfig.Aggregation> aggregation(String name) {
    return Arrays.stream(KpiConfig.Aggregation.values())
        .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst();
  }

  private ScoreConfig score(Section top) {
    List<ComponentConfig> components = new ArrayList<>();
    Optional<Section> score = requiredSection(top, SCORE);
    if (score.isEmpty()) {
      return new ScoreConfig(components);
    }
    onlyKeys(score.get(), Set.of(COMPONENTS), "key");
    Optional<Section> section = requiredSection(score.get(), COMPONENTS);
    if (section.isEmpty()) {
      return new ScoreConfig(components);
    }
    onlyKeys(section.get(), COMPONENT_NAMES, "component");
    Map<Component, ComponentConfig> byComponent = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      ConfigValue value = section.get().object().get(component.key());
      if (value == null) {
        continue;
      }
      if (value.valueType() == ConfigValueType.NULL) {
        problems.add(
            section.get().key(component.key())
                + " is null: give it a weight (0 leaves it out of the score) and metrics");
        continue;
      }
      section(section.get(), component.key())
          .ifPresent(c -> byComponent.put(component, component(component, c)));
    }
    components.addAll(byComponent.values());
    return new ScoreConfig(components);
  }

  private ComponentConfig component(Component component, Section section) {
    onlyKeys(section, COMPONENT_KEYS, "key");
    double weight = requiredDouble(section, WEIGHT);
    List<MetricConfig> metrics = new ArrayList<>();
    Optional<Section> metricsSection = requiredSection(section, METRICS);
    if (metricsSection.isPresent()) {
      for (String name : metricsSection.get().sortedKeys()) {
        entry(metricsSection.get(), name).flatMap(m -> metric(name, m)).ifPresent(metrics::add);
      }
    }
    return new ComponentConfig(component, weight, metrics);
  }

  private Optional<MetricConfig> metric(String name, Section section) {
    onlyKeys(section, METRIC_KEYS, "key");
    double weight = requiredDouble(section, WEIGHT);
    String method = requiredString(section, NORMALIZE);
    OptionalDouble target = optionalDouble(section, TARGET);
    OptionalDouble halfLife = optionalDouble(section, HALF_LIFE_DAYS);
    Optional<Normalization> normalization = Normalization.fromConfigName(method);
    if (normalization.isEmpty()) {
      if (!method.isEmpty()) {
        problems.add(
            section.key(NORMALIZE)
                + " = \""
                + method
                + "\" is not a normalisation: use "
                + Arrays.stream(Normalization.values())
                    .map(Normalization::configName)
                    .collect(Collectors.joining(", ")));
      }
      return Optional.empty();
    }
    return Optional.of(new MetricConfig(name, weight, normalization.get(), target, halfLife));
  }

  private NpsConfig nps(Section top) {
    Optional<Section> s = requiredSection(top, NPS);
    if (s.isEmpty()) {
      return new NpsConfig(0, 0, List.of());
    }
    Section nps = s.get();
    onlyKeys(nps, Set.of(NPS_WINDOW_DAYS, MIN_RESPONSES, SURVEYS), "key");
    return new NpsConfig(
        requiredInt(nps, NPS_WINDOW_DAYS),
        requiredInt(nps, MIN_RESPONSES),
        stringList(nps, SURVEYS));
  }

  private SayDoConfig sayDo(Section top) {
    Optional<Section> s = requiredSection(top, SAY_DO);
    if (s.isEmpty()) {
      return new SayDoConfig(0, 0);
    }
    onlyKeys(s.get(), Set.of(LOW_BELOW, HIGH_FROM), "key");
    return new SayDoConfig(requiredDouble(s.get(), LOW_BELOW), requiredDouble(s.get(), HIGH_FROM));
  }

  private AnomalyConfig anomalies(Section top) {
    Optional<Section> s = requiredSection(top, ANOMALIES);
    if (s.isEmpty()) {
      return new AnomalyConfig(0, 0, 0, 0, 0, 0);
    }
    Section anomalies = s.get();
    onlyKeys(anomalies, Set.of(BASELINE_DAYS, Z_THRESHOLD, MIN_USERS, MIN_CHANGE), "key");
    int baselineDays = requiredInt(anomalies, BASELINE_DAYS);
    double zThreshold = requiredDouble(anomalies, Z_THRESHOLD);
    int minUsers = requiredInt(anomalies, MIN_USERS);
    double meanScore = 0;
    double nps = 0;
    double activeUsers = 0;
    Optional<Section> minChange = requiredSection(anomalies, MIN_CHANGE);
    if (minChange.isPresent()) {
      Section change = minChange.get();
      onlyKeys(
          change, Set.of(MIN_CHANGE_MEAN_SCORE, MIN_CHANGE_NPS, MIN_CHANGE_ACTIVE_USERS), "key");
      meanScore = requiredDouble(change, MIN_CHANGE_MEAN_SCORE);
      nps = requiredDouble(change, MIN_CHANGE_NPS);
      activeUsers = requiredDouble(change, MIN_CHANGE_ACTIVE_USERS);
    }
    return new AnomalyConfig(baselineDays, zThreshold, minUsers, meanScore, nps, activeUsers);
  }

  private QualityConfig quality(Section top) {
    Optional<Section> s = requiredSection(top, QUALITY);
    if (s.isEmpty()) {
      return new QualityConfig(0, 0);
    }
    onlyKeys(s.get(), Set.of(MAX_REJECTED_FRACTION, MIN_VOLUME_RATIO), "key");
    return new QualityConfig(
        requiredDouble(s.get(), MAX_REJECTED_FRACTION), requiredDouble(s.get(), MIN_VOLUME_RATIO));
  }

  private PiiConfig pii(Section top) {
    Optional<Section> s = requiredSection(top, PII);
    if (s.isEmpty()) {
      return new PiiConfig(false, false);
    }
    onlyKeys(s.get(), Set.of(PSEUDONYMISE_USER_ID, REDACT_COMMENTS), "key");
    return new PiiConfig(
        requiredBoolean(s.get(), PSEUDONYMISE_USER_ID), requiredBoolean(s.get(), REDACT_COMMENTS));
  }

  // ---- structure ----

  private void onlyKeys(Section section, Set<String> allowed, String noun) {
    for (String key : section.sortedKeys()) {
      if (!allowed.contains(key)) {
        problems.add(
            section.key(key)
                + " is not a known "
                + noun
                + ": "
                + section.key()
                + " accepts "
                + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A child object that must be there. */
  private Optional<Section> requiredSection(Section parent, String key) {
    if (!parent.object().containsKey(key)) {
      problems.add(parent.key(key) + " is missing");
      return Optional.empty();
    }
    return section(parent, key);
  }

  /** A child object, empty when absent; null or another type is a problem. */
  private Optional<Section> section(Section parent, String key) {
    ConfigValue value = parent.object().get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          parent.key(key) + " must be an object { ... }, got " + shown(value) + origin(value));
      return Optional.empty();
    }
    return Optional.of(parent.child(key, (ConfigObject) value));
  }

  /** An entry of an open map: null removes it, anything else must be an object. */
  private Optional<Section> entry(Section map, String name) {
    ConfigValue value = map.object().get(name);
    if (value.valueType() == ConfigValueType.NULL) {
      return Optional.empty();
    }
    return section(map, name);
  }

  /** A scalar that must be there and not null; empty when it is not, with the problem noted. */
  private Optional<ConfigValue> required(Section section, String key) {
    ConfigValue value = section.object().get(key);
    if (value == null) {
      problems.add(section.key(key) + " is missing");
      return Optional.empty();
    }
    if (value.valueType() == ConfigValueType.NULL) {
      problems.add(section.key(key) + " is null: give it a value" + origin(value));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A scalar that may be absent; null means "not set". */
  private static Optional<ConfigValue> optional(Section section, String key) {
    ConfigValue value = section.object().get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  // ---- typed scalars ----

  private int requiredInt(Section section, String key) {
    return required(section, key).map(v -> toInt(section.key(key), v)).orElse(0);
  }

  private double requiredDouble(Section section, String key) {
    return required(section, key).map(v -> toDouble(section.key(key), v)).orElse(0.0);
  }

  private OptionalDouble optionalDouble(Section section, String key) {
    return optional(section, key)
        .map(v -> OptionalDouble.of(toDouble(section.key(key), v)))
        .orElse(OptionalDouble.empty());
  }

  private boolean requiredBoolean(Section section, String key) {
    return required(section, key).map(v -> toBoolean(section.key(key), v)).orElse(false);
  }

  private String requiredString(Section section, String key) {
    return required(section, key).map(v -> toString(section.key(key), v)).orElse("");
  }

  private Optional<String> optionalString(Section section, String key) {
    return optional(section, key).map(v -> toString(section.key(key), v));
  }

  private List<String> stringList(Section section, String key) {
    Optional<ConfigValue> value = required(section, key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get().valueType() != ConfigValueType.LIST) {
      problems.add(
          section.key(key)
              + " must be a list such as [\"a\", \"b\"], got "
              + shown(value.get())
              + origin(value.get()));
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    ConfigList list = (ConfigList) value.get();
    for (int i = 0; i < list.size(); i++) {
      ConfigValue element = list.get(i);
      String elementKey = section.key(key) + "[" + i + "]";
      if (element.valueType() == ConfigValueType.NULL) {
        problems.add(elementKey + " is null: give it a value" + origin(element));
      } else {
        strings.add(toString(elementKey, element));
      }
    }
    return strings;
  }

  private int toInt(String key, ConfigValue value) {
    Optional<Double> number = number(value);
    if (number.isEmpty() || number.get() != Math.rint(number.get())) {
      typeProblem(key, value, "a whole number");
      return 0;
    }
    double n = number.get();
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      problems.add(key + " = " + shown(value) + " is out of range" + origin(value));
      return 0;
    }
    return (int) n;
  }

  private double toDouble(String key, ConfigValue value) {
    Optional<Double> number = number(value);
    if (number.isEmpty()) {
      typeProblem(key, value, "a number");
      return 0;
    }
    return number.get();
  }

  /** A finite number, also from a string (as Typesafe Config converts, and as -D gives them). */
  private static Optional<Double> number(ConfigValue value) {
    double n;
    if (value.valueType() == ConfigValueType.NUMBER) {
      n = ((Number) value.unwrapped()).doubleValue();
    } else if (value.valueType() == ConfigValueType.STRING) {
      try {
        n = Double.parseDouble(((String) value.unwrapped()).trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return Double.isFinite(n) ? Optional.of(n) : Optional.empty();
  }

  private boolean toBoolean(String key, ConfigValue value) {
    if (value.valueType() == ConfigValueType.BOOLEAN) {
      return (Boolean) value.unwrapped();
    }
    if (value.valueType() == ConfigValueType.STRING) {
      switch (((String) value.unwrapped()).trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on":
          return true;
        case "false", "no", "off":
          return false;
        default:
          break;
      }
    }
    typeProblem(key, value, "true or false");
    return false;
  }

  private String toString(String key, ConfigValue value) {
    switch (value.valueType()) {
      case STRING:
        return (String) value.unwrapped();
      case NUMBER:
      case BOOLEAN:
        return String.valueOf(value.unwrapped());
      default:
        typeProblem(key, value, "a string");
        return "";
    }
  }

  private void typeProblem(String key, ConfigValue value, String expected) {
    problems.add(key + " must be " + expected + ", got " + shown(value) + origin(value));
  }

  private static String shown(ConfigValue value) {
    String text = value.render(ConfigRenderOptions.concise());
    return text.length() <= MAX_SHOWN_VALUE ? text : text.substring(0, MAX_SHOWN_VALUE) + "...";
  }

  /** Where a value was set: a file and line, an environment variable or a --set. */
  private static String origin(ConfigValue value) {
    String description = value.origin().description();
    if (description == null || description.isEmpty()) {
      return "";
    }
    // A --set value parsed as HOCON gets a line number, which means nothing on a command line.
    return " (from "
        + (description.startsWith("--set ") ? description.replaceFirst(": \\d+$", "") : description)
        + ")";
  }
}
