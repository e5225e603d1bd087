package io.engagement.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: only dispatches to a sub-command; alone it is a usage error. */
@Command(
    name = "engagement",
    description = "Customer engagement scores and NPS on Spark and Delta.",
    footer = {
      "",
      "Exit codes: 0 success, 1 run failed (retry may help), 2 bad usage or invalid config, 3"
          + " quality gate."
    })
final class EngagementCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: use one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
