package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What every sub-command shares: the common options ({@code --config}, {@code --set},
 * {@code --verbose}), the process context, and loading the validated config before any work.
 */
abstract class ConfiguredCommand implements Callable<Integer>, HasCommonOptions {
  private final CliContext context;

  @Mixin private CommonOptions common;

  ConfiguredCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public final CommonOptions common() {
    return common;
  }

  final CliContext context() {
    return context;
  }

  /** The validated effective config; fails with exit 2 before any Spark work. */
  final LoadedConfig loadConfig() {
    return context.loadConfig(common);
  }
}
