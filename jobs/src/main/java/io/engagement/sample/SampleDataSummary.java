package io.engagement.sample;

/**
 * What {@link SampleDataGenerator#generate} wrote: rows per source (the deliberately bad rows
 * included) and the wall-clock seconds it took.
 */
public record SampleDataSummary(long events, long surveys, long users, double seconds) {}
