package io.engagement.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.config.KpiConfig.Aggregation;
import io.engagement.errors.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static LoadedConfig load(Map<String, String> sets) {
    return ConfigLoader.load(Optional.empty(), sets, Map.of());
  }

  private Path file(String hocon) throws IOException {
    Path file = dir.resolve("test.conf");
    Files.writeString(file, hocon);
    return file;
  }

  private static MetricConfig target(
      String name, double weight, Normalization method, double target) {
    return new MetricConfig(
        name, weight, method, OptionalDouble.of(target), OptionalDouble.empty());
  }

  private static MetricConfig plain(String name, double weight, Normalization method) {
    return new MetricConfig(name, weight, method, OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** The defaults of the task brief and contract.md, written out by hand. */
  private static EngagementConfig expectedDefaults() {
    Map<String, KpiConfig> kpis = new LinkedHashMap<>();
    // sorted by name
    kpis.put(
        "largest_order",
        new KpiConfig(
            "largest_order",
            Optional.of("purchase"),
            Optional.empty(),
            Optional.of("amount"),
            Aggregation.MAX));
    kpis.put(
        "pages_uploaded",
        new KpiConfig(
            "pages_uploaded",
            Optional.empty(),
            Optional.of("upload_file"),
            Optional.of("properties.pages"),
            Aggregation.SUM));
    kpis.put(
        "purchases",
        new KpiConfig(
            "purchases",
            Optional.of("purchase"),
            Optional.empty(),
            Optional.empty(),
            Aggregation.COUNT));
    kpis.put(
        "revenue",
        new KpiConfig(
            "revenue",
            Optional.of("purchase"),
            Optional.empty(),
            Optional.of("amount"),
            Aggregation.SUM));
    ScoreConfig score =
        new ScoreConfig(
            List.of(
                new ComponentConfig(
                    Component.VISITS,
                    50,
                    List.of(
                        target("breadth", 1, Normalization.LINEAR_TARGET, 6),
                        target("depth", 1, Normalization.LOG_TARGET, 10),
                        target("duration", 1, Normalization.LOG_TARGET, 900),
                        new MetricConfig(
                            "recency",
                            1,
                            Normalization.HALF_LIFE,
                            OptionalDouble.empty(),
                            OptionalDouble.of(7)),
                        plain("reliance", 2, Normalization.RATIO),
                        target("total_visits", 1, Normalization.LOG_TARGET, 40),
                        target("unique_visits", 2, Normalization.LINEAR_TARGET, 20))),
                new ComponentConfig(
                    Component.ACTIONS,
                    30,
                    List.of(
                        target("collaborate.days", 1, Normalization.LINEAR_TARGET, 8),
                        target("upload_file.count", 1, Normalization.LOG_TARGET, 20),
                        plain("upload_file.reliance", 1, Normalization.RATIO))),
                new ComponentConfig(
                    Component.KPIS,
                    20,
                    List.of(
                        target("pages_uploaded", 1, Normalization.LOG_TARGET, 50),
                        target("purchases", 1, Normalization.LOG_TARGET, 5),
                        target("revenue", 2, Normalization.LOG_TARGET, 500)))));
    return new EngagementConfig(
        null,
        null,
        ZoneId.of("UTC"),
        28,
        30,
        List.of(),
        7,
        90,
        List.of("plan", "region"),
        List.of("upload_file", "collaborate"),
        kpis,
        score,
        new NpsConfig(90, 30, List.of()),
        new SayDoConfig(33.3, 66.7),
        new AnomalyConfig(28, 3.0, 20, 5, 10, 0.1),
        new QualityConfig(0.05, 0.5),
        new PiiConfig(false, false));
  }

  @Test
  void defaultsLoadAndEqualTheDocumentedValues() {
    EngagementConfig config = load(Map.of()).config();
    assertEquals(expectedDefaults(), config);
    assertEquals(
        List.copyOf(expectedDefaults().kpis().keySet()), List.copyOf(config.kpis().keySet()));
  }

  @Test
  void defaultsPassTheValidator() {
    assertEquals(List.of(), ConfigValidator.problems(expectedDefaults()));
  }

  @Test
  void fileOverridesReference() throws IOException {
    Path file = file("engagement { window-days = 14, segments = [\"industry\"] }");
    EngagementConfig config = ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).config();
    assertEquals(14, config.windowDays());
    assertEquals(List.of("industry"), config.segments());
    // untouched keys keep their defaults
    assertEquals(30, config.visitTimeoutMinutes());
  }

  @Test
  void envOverridesFile() throws IOException {
    Path file =
        file(
            "engagement { input.root = \"/file/in\", output.root = \"/file/out\", timezone ="
                + " \"Europe/Paris\" }");
    Map<String, String> env =
        Map.of(
            "ENGAGEMENT_INPUT_ROOT", "/env/in",
            "ENGAGEMENT_OUTPUT_ROOT", "/env/out",
            "ENGAGEMENT_TIMEZONE", "America/New_York");
    EngagementConfig config = ConfigLoader.load(Optional.of(file), Map.of(), env).config();
    assertEquals("/env/in", config.inputRoot());
    assertEquals("/env/out", config.outputRoot());
    assertEquals(ZoneId.of("America/New_York"), config.timezone());
  }

  @Test
  void envOverridesReference() {
    EngagementConfig config =
        ConfigLoader.load(Optional.empty(), Map.of(), Map.of("ENGAGEMENT_INPUT_ROOT", "/env/in"))
            .config();
    assertEquals("/env/in", config.inputRoot());
    assertNull(config.outputRoot());
  }

  @Test
  void blankEnvVariableIsIgnored() throws IOException {
    Path file = file("engagement.input.root = \"/file/in\"");
    EngagementConfig config =
        ConfigLoader.load(Optional.of(file), Map.of(), Map.of("ENGAGEMENT_INPUT_ROOT", ""))
            .config();
    assertEquals("/file/in", config.inputRoot());
  }

  @Test
  void setOverridesEnvAndFile() throws IOException {
    Path file = file("engagement { input.root = \"/file/in\", window-days = 14 }");
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("input.root", "/set/in");
    sets.put("engagement.window-days", "21");
    EngagementConfig config =
        ConfigLoader.load(Optional.of(file), sets, Map.of("ENGAGEMENT_INPUT_ROOT", "/env/in"))
            .config();
    assertEquals("/set/in", config.inputRoot());
    assertEquals(21, config.windowDays());
  }

  @Test
  void laterSetWinsOverEarlierSet() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("window-days", "14");
    sets.put("engagement.window-days", "21");
    assertEquals(21, load(sets).config().windowDays());
  }

  @Test
  void setValuesAreHoconValuesButPlainTextStaysText() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("segments", "[plan]");
    sets.put("input.root", "s3a://bucket/raw//events");
    sets.put("pii.redact-comments", "true");
    sets.put("quality.max-rejected-fraction", "1e-2");
    EngagementConfig config = load(sets).config();
    assertEquals(List.of("plan"), config.segments());
    assertEquals("s3a://bucket/raw//events", config.inputRoot());
    assertTrue(config.pii().redactComments());
    assertEquals(0.01, config.quality().maxRejectedFraction());
  }

  @Test
  void setMergesAnObjectIntoTheDefaultEntry() {
    EngagementConfig config = load(Map.of("kpis.revenue", "{aggregation = max}")).config();
    assertEquals(
        new KpiConfig(
            "revenue",
            Optional.of("purchase"),
            Optional.empty(),
            Optional.of("amount"),
            Aggregation.MAX),
        config.kpis().get("revenue"));
  }

  @Test
  void systemPropertiesGiveOnlyEngagementKeys() {
    Properties props = new Properties();
    props.setProperty("engagement.window-days", "14");
    props.setProperty("user.timezone", "UTC");
    props.setProperty("spark.master", "local");
    assertEquals(Map.of("engagement.window-days", "14"), ConfigLoader.systemPropertySets(props));
  }

  @Test
  void quotedDottedMetricKeyIsOneKey() throws IOException {
    Path file =
        file(
            "engagement.score.components.actions.metrics {\n"
                + "  \"collaborate.count\" { weight = 3, normalize = \"log-target\", target = 12"
                + " }\n"
                + "}\n");
    Map<String, String> sets =
        Map.of("score.components.actions.metrics.\"upload_file.count\".weight", "4");
    ComponentConfig actions =
        ConfigLoader.load(Optional.of(file), sets, Map.of()).config().score().components().get(1);
    assertEquals(Component.ACTIONS, actions.component());
    assertEquals(
        List.of(
            target("collaborate.count", 3, Normalization.LOG_TARGET, 12),
            target("collaborate.days", 1, Normalization.LINEAR_TARGET, 8),
            target("upload_file.count", 4, Normalization.LOG_TARGET, 20),
            plain("upload_file.reliance", 1, Normalization.RATIO)),
        actions.metrics());
  }

  @Test
  void nullRemovesADefaultKpiOrMetric() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("kpis.largest_order", "null");
    sets.put("score.components.actions.metrics.\"collaborate.days\"", "null");
    EngagementConfig config = load(sets).config();
    assertEquals(
        List.of("pages_uploaded", "purchases", "revenue"), List.copyOf(config.kpis().keySet()));
    assertEquals(
        List.of("upload_file.count", "upload_file.reliance"),
        config.score().components().get(1).metrics().stream().map(MetricConfig::metric).toList());
  }

  @Test
  void fileCanReplaceAWholeBlock() throws IOException {
    Path file =
        file(
            "engagement {\n"
                + "  kpis = null\n"
                + "  kpis { orders { event-type = \"purchase\", aggregation = \"count\" } }\n"
                + "  score.components.kpis.metrics = null\n"
                + "  score.components.kpis.metrics { orders { weight = 1, normalize = \"ratio\" }"
                + " }\n"
                + "}\n");
    EngagementConfig config = ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).config();
    assertEquals(List.of("orders"), List.copyOf(config.kpis().keySet()));
    assertEquals(
        List.of(plain("orders", 1, Normalization.RATIO)),
        config.score().components().get(2).metrics());
  }

  @Test
  void fileMaySubstituteEnvironmentVariables() throws IOException {
    Path file = file("engagement.output.root = ${?MY_WAREHOUSE}\"/tables\"");
    EngagementConfig config =
        ConfigLoader.load(Optional.of(file), Map.of(), Map.of("MY_WAREHOUSE", "/data")).config();
    assertEquals("/data/tables", config.outputRoot());
  }

  @Test
  void piiKeyCannotBeCopiedIntoTheConfig() throws IOException {
    Path file = file("engagement.input.root = ${ENGAGEMENT_PII_KEY}");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Optional.of(file), Map.of(), Map.of("ENGAGEMENT_PII_KEY", "s3cr3t-value")));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("ENGAGEMENT_PII_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
  }

  @Test
  void effectiveConfigNeverHoldsThePiiKey() {
    LoadedConfig loaded =
        ConfigLoader.load(Optional.empty(), Map.of(), Map.of("ENGAGEMENT_PII_KEY", "s3cr3t-value"));
    assertFalse(loaded.effectiveRendered().contains("s3cr3t-value"));
  }

  @Test
  void missingConfigFileIsBadUsageNamingTheFile() {
    Path missing = dir.resolve("nope.conf");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(Optional.of(missing), Map.of(), Map.of()));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void malformedConfigFileIsBadUsageNamingTheFile() throws IOException {
    Path file = file("engagement { window-days = \n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void invalidSetKeyIsBadUsage() {
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("a..b", "1")));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("--set a..b=1"), e.getMessage());
  }

  @Test
  void hashIsStableForTheSameEffectiveConfig() throws IOException {
    String first = load(Map.of()).configHash();
    assertEquals(first, load(Map.of()).configHash());
    // 28 written as 28.0, or set again to its default, is the same effective config
    assertEquals(first, load(Map.of("window-days", "28.0")).configHash());
    Path file = file("# a comment\nengagement {\n  score.components.visits.weight = 50.0\n}\n");
    assertEquals(first, ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).configHash());
    assertEquals(64, first.length());
    assertTrue(first.matches("[0-9a-f]{64}"));
  }

  @Test
  void hashChangesWhenAWeightChanges() {
    String base = load(Map.of()).configHash();
    String changed = load(Map.of("score.components.visits.metrics.depth.weight", "2")).configHash();
    assertNotEquals(base, changed);
  }

  @Test
  void renderedConfigLoadsBackToTheSameConfig() throws IOException {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("input.root", "s3a://bucket/raw");
    sets.put("score.components.actions.metrics.\"upload_file.count\".weight", "2.5");
    LoadedConfig loaded = load(sets);
    Path file = file(loaded.effectiveRendered());
    LoadedConfig again = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    assertEquals(loaded.config(), again.config());
    assertEquals(loaded.configHash(), again.configHash());
  }

  @Test
  void requireRootsNamesEachUnsetRoot() {
    EngagementConfig config = load(Map.of("input.root", "/in")).config();
    ConfigException e = assertThrows(ConfigException.class, config::requireRoots);
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().contains("engagement.output.root"), e.getMessage());
    assertTrue(e.getMessage().contains("ENGAGEMENT_OUTPUT_ROOT"), e.getMessage());
  }

  /** The shipped example configs must stay valid (the test runs in the jobs module). */
  @Test
  void shippedConfigFilesAreValid() {
    EngagementConfig local =
        ConfigLoader.load(Optional.of(Path.of("..", "conf", "local.conf")), Map.of(), Map.of())
            .config();
    assertEquals("sample-data", local.inputRoot());
    assertEquals("warehouse", local.outputRoot());
    EngagementConfig cluster =
        ConfigLoader.load(
                Optional.of(Path.of("..", "conf", "cluster.example.conf")), Map.of(), Map.of())
            .config();
    assertTrue(cluster.inputRoot().startsWith("s3a://"), cluster.inputRoot());
    assertTrue(cluster.outputRoot().startsWith("s3a://"), cluster.outputRoot());
  }
}
