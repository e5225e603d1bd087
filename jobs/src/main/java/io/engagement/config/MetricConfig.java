package io.engagement.config;

import java.util.OptionalDouble;

/**
 * One scored metric: its weight inside its component and how its raw value becomes a sub-score
 * in [0, 1] (metrics.md 5).
 *
 * @param metric the metric's name: a visit metric ({@code total_visits}), an action metric
 *     ({@code upload_file.count}) or a KPI name
 * @param target required by the {@code *-target} methods
 * @param halfLifeDays required by {@code half-life}
 */
public record MetricConfig(
    String metric,
    double weight,
    Normalization normalize,
    OptionalDouble target,
    OptionalDouble halfLifeDays) {}
