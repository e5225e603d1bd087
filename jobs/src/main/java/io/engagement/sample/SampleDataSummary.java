package io.engagement.sample;

/**
 * What was generated, for the CLI's one-line summary.
 *
 * <p>Placeholder: replaced at integration.
 */
public record SampleDataSummary(long events, long surveys, long users, double seconds) {}
