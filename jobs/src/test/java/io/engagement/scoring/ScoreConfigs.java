package io.engagement.scoring;

import io.engagement.config.Component;
import io.engagement.config.ComponentConfig;
import io.engagement.config.MetricConfig;
import io.engagement.config.Normalization;
import io.engagement.config.SayDoConfig;
import io.engagement.config.ScoreConfig;
import java.util.List;
import java.util.OptionalDouble;

/** Score config records for tests, built directly (no loader). */
final class ScoreConfigs {
  private ScoreConfigs() {}

  /** The default bands of contract.md. */
  static final SayDoConfig BANDS = new SayDoConfig(33.3, 66.7);

  static MetricConfig logTarget(String metric, double weight, double target) {
    return new MetricConfig(metric, weight, Normalization.LOG_TARGET, OptionalDouble.of(target), OptionalDouble.empty());
  }

  static MetricConfig linearTarget(String metric, double weight, double target) {
    return new MetricConfig(metric, weight, Normalization.LINEAR_TARGET, OptionalDouble.of(target), OptionalDouble.empty());
  }

  static MetricConfig ratio(String metric, double weight) {
    return new MetricConfig(metric, weight, Normalization.RATIO, OptionalDouble.empty(), OptionalDouble.empty());
  }

  static MetricConfig halfLife(String metric, double weight, double halfLifeDays) {
    return new MetricConfig(metric, weight, Normalization.HALF_LIFE, OptionalDouble.empty(), OptionalDouble.of(halfLifeDays));
  }

  static MetricConfig percentile(String metric, double weight) {
    return new MetricConfig(metric, weight, Normalization.PERCENTILE, OptionalDouble.empty(), OptionalDouble.empty());
  }

  static ComponentConfig component(Component component, double weight, MetricConfig... metrics) {
    return new ComponentConfig(component, weight, List.of(metrics));
  }

  static ScoreConfig score(ComponentConfig... components) {
    return new ScoreConfig(List.of(components));
  }
}
