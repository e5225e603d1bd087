package io.engagement.pipeline;

import io.engagement.config.LoadedConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.time.LocalDate;

/**
 * Runs the pipeline for one day or a range of days.
 *
 * <p>Placeholder: replaced at integration.
 */
public class JobRunner {
  private final LoadedConfig loaded;
  private final boolean verbose;

  public JobRunner(LoadedConfig loaded, boolean verbose) {
    this.loaded = loaded;
    this.verbose = verbose;
  }

  /**
   * @throws EngagementException when the run fails
   */
  public void daily(LocalDate date, boolean cascade, boolean allowGaps) {
    throw new EngagementException(ExitCode.RUN_FAILED, "not implemented");
  }

  /**
   * @throws EngagementException when the run fails
   */
  public void backfill(LocalDate from, LocalDate to) {
    throw new EngagementException(ExitCode.RUN_FAILED, "not implemented");
  }
}
