package io.engagement.config;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.util.List;

/**
 * An invalid config or config source (exit 2). It carries every problem found, each naming the full
 * key, so one run of {@code validate-config} shows them all; the message joins them on one line
 * because the CLI prints a single error line.
 */
public class ConfigException extends EngagementException {
  private final List<String> problems;

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public ConfigException(List<String> problems) {
    super(ExitCode.BAD_USAGE, message(problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem, Throwable cause) {
    super(ExitCode.BAD_USAGE, message(List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  /** Each problem on its own, for a caller that lists them one per line. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    String prefix =
        problems.size() == 1
            ? "invalid config: "
            : "invalid config (" + problems.size() + " problems): ";
    return prefix + String.join("; ", problems);
  }
}
