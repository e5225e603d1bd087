package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backfill}: each day of a range in order. */
@Command(
    name = "backfill",
    sortOptions = false,
    description = "Run the pipeline for each day from --from to --to, in order, with progress.")
final class BackfillCommand implements Callable<Integer>, HasCommonOptions {
  private final CliContext context;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "The first day (inclusive).")
  private LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "The last day (inclusive).")
  private LocalDate to;

  @Mixin private CommonOptions common;

  BackfillCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public CommonOptions common() {
    return common;
  }

  @Override
  public Integer call() {
    DateRange.check(from, to);
    LoadedConfig loaded = context.loadConfig(common);
    loaded.config().requireRoots();
    context.jobs().backfill(loaded, common.verbose(), from, to);
    return 0;
  }
}
