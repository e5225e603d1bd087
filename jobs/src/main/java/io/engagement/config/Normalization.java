package io.engagement.config;

import java.util.Arrays;
import java.util.Optional;

/** The normalisation methods of metrics.md 5, by their config names. */
public enum Normalization {
  LOG_TARGET("log-target"),
  LINEAR_TARGET("linear-target"),
  RATIO("ratio"),
  HALF_LIFE("half-life"),
  PERCENTILE("percentile");

  private final String configName;

  Normalization(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public boolean needsTarget() {
    return this == LOG_TARGET || this == LINEAR_TARGET;
  }

  public static Optional<Normalization> fromConfigName(String name) {
    return Arrays.stream(values()).filter(n -> n.configName.equals(name)).findFirst();
  }
}
