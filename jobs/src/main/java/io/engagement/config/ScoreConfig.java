package io.engagement.config;

import java.util.List;

/**
 * The weights of the engagement score (metrics.md 6): three components, each a weighted set of
 * metrics with their normalisation.
 */
public record ScoreConfig(List<ComponentConfig> components) {

  public ScoreConfig {
    components = List.copyOf(components);
  }

  /** Components that take part in the score: weight above 0 and at least one weighted metric. */
  public List<ComponentConfig> scoringComponents() {
    return components.stream()
        .filter(c -> c.weight() > 0 && !c.weightedMetrics().isEmpty())
        .toList();
  }

  /** Sum of the weights of the scoring components: the denominator of the score. */
  public double totalComponentWeight() {
    return scoringComponents().stream().mapToDouble(ComponentConfig::weight).sum();
  }
}
