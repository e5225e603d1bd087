package io.engagement.config;

/** Engagement band thresholds (metrics.md 9): low below {@code lowBelow}, high from {@code highFrom}. */
public record SayDoConfig(double lowBelow, double highFrom) {}
