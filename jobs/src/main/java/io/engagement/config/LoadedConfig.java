package io.engagement.config;

/**
 * A validated config together with what a run records about it.
 *
 * @param effectiveRendered the effective {@code engagement} block in HOCON, as the job will use it
 *     (what {@code validate-config} prints)
 * @param configHash SHA-256 (hex) of the canonical effective config, written to {@code job_runs} so
 *     two runs can be compared; never covers a secret
 */
public record LoadedConfig(EngagementConfig config, String effectiveRendered, String configHash) {}
