package io.engagement.config;

import java.util.List;

/** NPS settings (metrics.md 8). {@code surveys} empty means every survey counts. */
public record NpsConfig(int windowDays, int minResponses, List<String> surveys) {
  public NpsConfig {
    surveys = List.copyOf(surveys);
  }
}
