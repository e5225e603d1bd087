package io.engagement.sample;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;

/**
 * Writes a sample input tree.
 *
 * <p>Placeholder: replaced at integration.
 */
public final class SampleDataGenerator {
  private SampleDataGenerator() {}

  public static SampleDataSummary generate(SampleDataSpec spec) {
    throw new EngagementException(ExitCode.RUN_FAILED, "not implemented");
  }
}
