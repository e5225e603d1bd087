package io.engagement.errors;

/** The exit codes of contract.md, which schedulers use to decide whether a retry can help. */
public enum ExitCode {
  /** The run succeeded. */
  SUCCESS(0),
  /** The run failed (missing input, Spark or storage error): worth a retry. */
  RUN_FAILED(1),
  /** Bad usage or an invalid config: fix the command line or the config. */
  BAD_USAGE(2),
  /** The data failed a quality gate: a retry will not help; inspect rejected_records and job_runs. */
  QUALITY_GATE(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
