package io.engagement.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.errors.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal of contract.md "Configuration": exit 2 and a message naming the full key. */
class ConfigValidationTest {

  private static final String VISITS = "score.components.visits.metrics.";
  private static final String ACTIONS = "score.components.actions.metrics.";
  private static final String KPIS = "score.components.kpis.metrics.";

  private static Arguments refused(String key, String... sets) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      map.put(set.substring(0, eq), set.substring(eq + 1));
    }
    return Arguments.of(key, map);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        // unknown keys, at every level
        refused("engagement.foo", "foo=1"),
        refused("engagement.input.path", "input.path=/x"),
        refused("engagement.kpis.revenue.filter", "kpis.revenue.filter=x"),
        refused("engagement.score.weights", "score.weights=1"),
        refused("engagement.score.components.visits.wieght", "score.components.visits.wieght=1"),
        refused("engagement.score.components.visits.metrics.depth.taget", VISITS + "depth.taget=3"),
        refused("engagement.nps.window", "nps.window=30"),
        refused("engagement.say-do.low", "say-do.low=30"),
        refused("engagement.anomalies.min-change.score", "anomalies.min-change.score=1"),
        refused("engagement.anomalies.z", "anomalies.z=1"),
        refused("engagement.quality.max-rejected", "quality.max-rejected=0.1"),
        refused("engagement.pii.key", "pii.key=abc"),
        // unknown component and metrics
        refused(
            "engagement.score.components.social",
            "score.components.social={weight = 1, metrics {}}"),
        refused(
            "engagement.score.components.visits.metrics.clicks",
            VISITS + "clicks={weight = 1, normalize = ratio}"),
        refused(
            "engagement.score.components.actions.metrics.\"upload_file.sum\"",
            ACTIONS + "\"upload_file.sum\"={weight = 1, normalize = ratio}"),
        refused(
            "engagement.score.components.actions.metrics.share",
            ACTIONS + "share={weight = 1, normalize = ratio}"),
        // a scored action or KPI that is not configured
        refused(
            "engagement.score.components.actions.metrics.\"share.count\"",
            ACTIONS + "\"share.count\"={weight = 1, normalize = ratio}"),
        refused(
            "engagement.score.components.actions.metrics.\"collaborate.days\"",
            "actions=[upload_file]"),
        refused(
            "engagement.score.components.kpis.metrics.refunds",
            KPIS + "refunds={weight = 1, normalize = ratio}"),
        refused("engagement.score.components.kpis.metrics.revenue", "kpis.revenue=null"),
        // weights
        refused("engagement.score.components.visits.weight", "score.components.visits.weight=-1"),
        refused(
            "engagement.score.components.visits.metrics.depth.weight",
            VISITS + "depth.weight=-0.5"),
        refused(
            "engagement.score.components",
            "score.components.visits.weight=0",
            "score.components.actions.weight=0",
            "score.components.kpis.weight=0"),
        refused(
            "engagement.score.components.kpis",
            KPIS + "revenue.weight=0",
            KPIS + "purchases.weight=0",
            KPIS + "pages_uploaded.weight=0"),
        // normalisation parameters
        refused(
            "engagement.score.components.kpis.metrics.largest_order.target",
            KPIS + "largest_order={weight = 1, normalize = log-target}"),
        refused(
            "engagement.score.components.visits.metrics.total_visits.target",
            VISITS + "total_visits.target=0"),
        refused(
            "engagement.score.components.visits.metrics.breadth.target",
            VISITS + "breadth.target=-6"),
        refused(
            "engagement.score.components.visits.metrics.recency.half-life-days",
            VISITS + "recency.half-life-days=null"),
        refused(
            "engagement.score.components.visits.metrics.recency.half-life-days",
            VISITS + "recency.half-life-days=0"),
        refused(
            "engagement.score.components.visits.metrics.depth.normalize",
            VISITS + "depth.normalize=log"),
        refused(
            "engagement.score.components.visits.metrics.recency.normalize",
            VISITS + "recency.normalize=percentile"),
        refused(
            "engagement.score.components.visits.metrics.recency.normalize",
            VISITS + "recency.normalize=ratio"),
        // KPIs
        refused("engagement.kpis.revenue", "kpis.revenue.event-type=null"),
        refused("engagement.kpis.revenue.aggregation", "kpis.revenue.aggregation=avg"),
        refused("engagement.kpis.revenue.measure", "kpis.revenue.measure=null"),
        refused("engagement.kpis.largest_order.measure", "kpis.largest_order.measure=null"),
        refused("engagement.kpis.revenue.measure", "kpis.revenue.measure=price"),
        refused("engagement.kpis.revenue.measure", "kpis.revenue.measure=properties."),
        refused("engagement.kpis.refunds.aggregation", "kpis.refunds={event-type = refund}"),
        // windows and day counts
        refused("engagement.window-days", "window-days=0"),
        refused("engagement.nps.window-days", "nps.window-days=0"),
        refused("engagement.anomalies.baseline-days", "anomalies.baseline-days=0"),
        refused("engagement.visit-timeout-minutes", "visit-timeout-minutes=0"),
        refused("engagement.min-reliance-days", "min-reliance-days=0"),
        refused("engagement.dormant-after-days", "dormant-after-days=-1"),
        refused("engagement.nps.min-responses", "nps.min-responses=-1"),
        refused("engagement.anomalies.min-users", "anomalies.min-users=-1"),
        refused("engagement.anomalies.z-threshold", "anomalies.z-threshold=0"),
        // time zone, bands, fractions
        refused("engagement.timezone", "timezone=Mars/Olympus_Mons"),
        refused("engagement.say-do.low-below", "say-do.low-below=70"),
        refused("engagement.say-do.high-from", "say-do.high-from=120"),
        refused("engagement.quality.max-rejected-fraction", "quality.max-rejected-fraction=1.5"),
        refused("engagement.quality.min-volume-ratio", "quality.min-volume-ratio=-0.1"),
        refused(
            "engagement.anomalies.min-change.active_users", "anomalies.min-change.active_users=2"),
        refused("engagement.anomalies.min-change.mean_score", "anomalies.min-change.mean_score=-5"),
        // names: pattern, reserved, duplicates
        refused("engagement.actions", "actions=[Upload]"),
        refused("engagement.segments", "segments=[1plan]"),
        refused("engagement.segments", "segments=[plan-type]"),
        refused("engagement.kpis.Rev", "kpis.Rev={event-type = purchase, aggregation = count}"),
        refused("engagement.segments", "segments=[score]"),
        refused("engagement.segments", "segments=[account_id]"),
        refused("engagement.actions", "actions=[upload_file, collaborate, total_visits]"),
        refused(
            "engagement.kpis.tenure_days",
            "kpis.tenure_days={event-type = purchase, aggregation = count}"),
        refused("engagement.segments", "segments=[plan, plan]"),
        refused("engagement.actions", "segments=[plan, upload_file]"),
        refused("engagement.kpis.plan", "kpis.plan={event-type = purchase, aggregation = count}"),
        refused(
            "engagement.kpis.collaborate",
            "kpis.collaborate={event-name = collaborate, aggregation = count}"),
        // wrong types, nulls, missing keys, empty values
        refused("engagement.window-days", "window-days=abc"),
        refused("engagement.window-days", "window-days=7.5"),
        refused("engagement.window-days", "window-days=null"),
        refused("engagement.window-days", "window-days=[28]"),
        refused("engagement.score.components.visits.weight", "score.components.visits.weight=null"),
        refused(
            "engagement.score.components.visits.weight", "score.components.visits.weight=heavy"),
        refused("engagement.pii.redact-comments", "pii.redact-comments=maybe"),
        refused("engagement.segments", "segments=plan"),
        refused("engagement.segments[1]", "segments=[plan, null]"),
        refused("engagement.kpis", "kpis=5"),
        refused("engagement.timezone", "timezone=[UTC]"),
        refused("engagement.score.components.kpis", "score.components.kpis=null"),
        refused(
            "engagement.score.components.kpis.metrics.largest_order.weight",
            KPIS + "largest_order={normalize = ratio}"),
        refused("engagement.input.root", "input.root=\"\""),
        refused("engagement.visit-event-types[0]", "visit-event-types=[\"\"]"));
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("invalidConfigs")
  void refusedWithBadUsageNamingTheKey(String key, Map<String, String> sets) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(Optional.empty(), sets, Map.of()));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertTrue(
        e.problems().stream().anyMatch(p -> p.startsWith(key + " ") || p.startsWith(key + ":")),
        () -> "no problem names " + key + ": " + e.problems());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("window-days", "0");
    sets.put("quality.min-volume-ratio", "3");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(Optional.empty(), sets, Map.of()));
    assertEquals(2, e.problems().size(), e.problems()::toString);
    assertTrue(e.getMessage().contains("engagement.window-days"));
    assertTrue(e.getMessage().contains("engagement.quality.min-volume-ratio"));
  }

  @Test
  void typeErrorNamesWhereTheValueCameFrom() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(Optional.empty(), Map.of("window-days", "abc"), Map.of()));
    assertTrue(e.getMessage().contains("--set window-days=abc"), e.getMessage());
  }

  @Test
  void percentileIsAcceptedForAnyMetricButRecency() {
    LoadedConfig loaded =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(VISITS + "depth", "{weight = 1, normalize = percentile}"),
            Map.of());
    assertEquals(
        Normalization.PERCENTILE,
        loaded.config().score().components().get(0).metrics().stream()
            .filter(m -> m.metric().equals("depth"))
            .findFirst()
            .orElseThrow()
            .normalize());
  }

  @Test
  void componentWithWeightZeroNeedsNoWeightedMetric() {
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("score.components.kpis.weight", "0");
    sets.put(KPIS + "revenue.weight", "0");
    sets.put(KPIS + "purchases.weight", "0");
    sets.put(KPIS + "pages_uploaded.weight", "0");
    assertEquals(
        2,
        ConfigLoader.load(Optional.empty(), sets, Map.of())
            .config()
            .score()
            .scoringComponents()
            .size());
  }
}
