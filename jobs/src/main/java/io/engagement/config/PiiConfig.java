package io.engagement.config;

/** PII handling. The pseudonymisation key never comes from config: only from the environment. */
public record PiiConfig(boolean pseudonymiseUserId, boolean redactComments) {}
