package io.engagement.cli;

import io.engagement.errors.EngagementException;
import io.engagement.output.TableMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maintain}: compact the recent days of every table and vacuum old files. Safe to run
 * while days are processed; see {@link TableMaintenance} for why.
 */
@Command(
    name = "maintain",
    sortOptions = false,
    description = {
      "Compact the last --days days of every output table (Delta OPTIMIZE) and delete the files",
      "no version within --retain-hours needs (VACUUM). Safe while days are being processed."
    })
final class MaintainCommand extends ConfiguredCommand {
  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description = "Compact the last N days up to the latest processed day (default: ${DEFAULT-VALUE}).")
  private int days;

  @Option(
      names = "--retain-hours",
      paramLabel = "H",
      defaultValue = "" + TableMaintenance.MIN_RETENTION_HOURS,
      description = "VACUUM keeps files needed by versions of the last H hours (default and minimum:"
          + " ${DEFAULT-VALUE}, 7 days).")
  private int retainHours;

  @Option(
      names = "--allow-short-retention",
      description = "Accept --retain-hours below 168: only when no run or reader uses the tables.")
  private boolean allowShortRetention;

  MaintainCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (days < 1) {
      throw EngagementException.badUsage("--days " + days + " must be at least 1");
    }
    TableMaintenance.checkRetention(retainHours, allowShortRetention);
    String outputRoot = OutputRoot.require(loadConfig());
    context().jobs().maintain(outputRoot, days, retainHours, allowShortRetention, context().out());
    return 0;
  }
}
