package io.engagement.errors;

/**
 * A failure the user can act on. Its message is one line that says what failed, where, and what
 * to do; the CLI prints it without a stack trace unless {@code --verbose}. The exit code tells a
 * scheduler whether a retry can help.
 */
public class EngagementException extends RuntimeException {
  private final ExitCode exitCode;

  public EngagementException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public EngagementException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** Bad usage or invalid config (exit 2). */
  public static EngagementException badUsage(String message) {
    return new EngagementException(ExitCode.BAD_USAGE, message);
  }

  /** A failed run worth retrying (exit 1). */
  public static EngagementException runFailed(String message, Throwable cause) {
    return new EngagementException(ExitCode.RUN_FAILED, message, cause);
  }

  /** Data that failed a quality gate (exit 3). */
  public static EngagementException qualityGate(String message) {
    return new EngagementException(ExitCode.QUALITY_GATE, message);
  }
}
