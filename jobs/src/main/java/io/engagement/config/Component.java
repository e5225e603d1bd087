package io.engagement.config;

import java.util.Locale;

/** The three groups of metrics that make the engagement score. */
public enum Component {
  VISITS,
  ACTIONS,
  KPIS;

  /** The name used in config keys, in {@code user_metric_scores.component} and column prefixes. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
