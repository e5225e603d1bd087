package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import picocli.CommandLine.Command;

/**
 * {@code validate-config}: check the config and print the effective one. The output is itself a
 * valid config file (notes are comments), so it can be saved and reused.
 */
@Command(
    name = "validate-config",
    sortOptions = false,
    description = "Check the config and print the effective one (exit 2 when it is invalid).")
final class ValidateConfigCommand extends ConfiguredCommand {
  ValidateConfigCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = loadConfig();
    context().out().println("# effective config, config_hash " + loaded.configHash());
    context().out().print(loaded.effectiveRendered());
    for (String unset : loaded.config().unsetRoots()) {
      context().out().println("# note: " + unset + " (daily and backfill need it)");
    }
    context().out().flush();
    return 0;
  }
}
