package io.engagement.sample;

import java.time.LocalDate;

/**
 * What to generate: where, which days, how many users and events.
 *
 * <p>Placeholder: replaced at integration.
 */
public record SampleDataSpec(
    String outDir, LocalDate from, LocalDate to, int users, int eventsPerDay, long seed) {}
