package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backfill}: each day of a range in order. */
@Command(
    name = "backfill",
    sortOptions = false,
    description = "Run the pipeline for each day from --from to --to, in order, with progress.")
final class BackfillCommand extends ConfiguredCommand {
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

  BackfillCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    DateRange.check(from, to);
    LoadedConfig loaded = loadConfig();
    loaded.config().requireRoots();
    context().jobs().backfill(loaded, common().verbose(), from, to);
    return 0;
  }
}
