package io.engagement.cli;

import io.engagement.config.LoadedConfig;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daily}: the whole pipeline for one day. */
@Command(name = "daily", sortOptions = false, description = "Run the whole pipeline for one day.")
final class DailyCommand extends ConfiguredCommand {
  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "The business day to compute (in engagement.timezone).")
  private LocalDate date;

  @Option(
      names = "--cascade",
      description = "Rerun, in order, the later days already processed that this day makes stale.")
  private boolean cascade;

  @Option(
      names = "--allow-gaps",
      description =
          "Run even when a day of the window after the first processed day was never processed.")
  private boolean allowGaps;

  DailyCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = loadConfig();
    loaded.config().requireRoots();
    context().jobs().daily(loaded, common().verbose(), date, cascade, allowGaps);
    return 0;
  }
}
