package io.engagement.config;

import java.util.List;

/** One component of the score with its weight and its metrics, in config order. */
public record ComponentConfig(Component component, double weight, List<MetricConfig> metrics) {

  public ComponentConfig {
    metrics = List.copyOf(metrics);
  }

  /** Metrics with a weight above 0: only they enter the component score. */
  public List<MetricConfig> weightedMetrics() {
    return metrics.stream().filter(m -> m.weight() > 0).toList();
  }

  /** Sum of the weights of the weighted metrics: the denominator of the component score. */
  public double totalMetricWeight() {
    return weightedMetrics().stream().mapToDouble(MetricConfig::weight).sum();
  }
}
