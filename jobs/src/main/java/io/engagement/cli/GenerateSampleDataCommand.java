package io.engagement.cli;

import io.engagement.errors.EngagementException;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-sample-data}: a realistic input tree to try the job on. */
@Command(
    name = "generate-sample-data",
    sortOptions = false,
    description = "Write sample events, surveys and users under --out, in the input layout.")
final class GenerateSampleDataCommand extends ConfiguredCommand {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the input tree.")
  private String out;

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

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Number of users (default: ${DEFAULT-VALUE}).")
  private int users;

  @Option(
      names = "--events-per-day",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Events per day, on average (default: ${DEFAULT-VALUE}).")
  private int eventsPerDay;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed: the same seed gives the same data (default: ${DEFAULT-VALUE}).")
  private long seed;

  GenerateSampleDataCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    DateRange.check(from, to);
    if (users < 1) {
      throw EngagementException.badUsage("--users " + users + " must be at least 1");
    }
    if (eventsPerDay < 0) {
      throw EngagementException.badUsage(
          "--events-per-day " + eventsPerDay + " must be at least 0");
    }
    // Every command refuses an invalid config (contract.md), even one that does not use it.
    loadConfig();
    SampleDataSummary summary =
        context()
            .jobs()
            .generateSampleData(new SampleDataSpec(out, from, to, users, eventsPerDay, seed));
    context()
        .out()
        .println(
            String.format(
                Locale.ROOT,
                "generated %d events, %d survey responses and %d users for %s..%s under %s in %.1f"
                    + " s",
                summary.events(),
                summary.surveys(),
                summary.users(),
                from,
                to,
                out,
                summary.seconds()));
    context().out().flush();
    return 0;
  }
}
