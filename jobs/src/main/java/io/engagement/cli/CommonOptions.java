package io.engagement.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command takes (contract.md): the config sources, verbosity and help. */
public final class CommonOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "HOCON config file; overrides reference.conf, overridden by the environment and --set.")
  private Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = {
        "Override one config key (repeatable), with or without the 'engagement.' prefix;",
        "the value is a HOCON value: --set window-days=14, --set segments=[plan,region]."
      })
  private Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--verbose", description = "Print the stack trace of a failure.")
  private boolean verbose;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  public Optional<Path> config() {
    return Optional.ofNullable(config);
  }

  /** The {@code --set} entries in the order given. */
  public Map<String, String> sets() {
    return sets;
  }

  public boolean verbose() {
    return verbose;
  }
}
