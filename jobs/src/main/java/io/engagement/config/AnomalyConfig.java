package io.engagement.config;

/**
 * Alert rules (metrics.md 10).
 *
 * @param minChangeActiveUsers a share of the baseline mean, not a count
 */
public record AnomalyConfig(
    int baselineDays,
    double zThreshold,
    int minUsers,
    double minChangeMeanScore,
    double minChangeNps,
    double minChangeActiveUsers) {}
