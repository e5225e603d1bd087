package io.engagement.config;

/** The quality gates of contract.md: a run that breaks one fails with exit 3. */
public record QualityConfig(double maxRejectedFraction, double minVolumeRatio) {}
