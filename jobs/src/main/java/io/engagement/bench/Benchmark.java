package io.engagement.bench;

import io.engagement.config.ConfigLoader;
import io.engagement.config.EngagementConfig;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's entry point (scripts/bench.sh; docs/benchmark.md), kept out of the job's CLI:
 * it is a tool for whoever tunes the job, not a command to schedule. Prints the results as
 * markdown on standard output and writes them to {@code <out>/<date>-<label>.md}; progress goes to
 * standard error.
 */
@Command(
    name = "scripts/bench.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Time the daily run on generated data of several sizes, against a bare scan of its input.")
public final class Benchmark implements Callable<Integer> {
  @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000000,10000000,30000000",
      description = "Events per day of the measured day, one run each (default: ${DEFAULT-VALUE}).")
  private List<Integer> sizes;

  @Option(names = "--users", split = ",", paramLabel = "N", defaultValue = "100000,1000000,1000000",
      description = "Users: one count for all sizes, or one per size; sizes with equal counts share one history"
          + " (default: ${DEFAULT-VALUE}).")
  private List<Integer> users;

  @Option(names = "--day", paramLabel = "YYYY-MM-DD", defaultValue = "2026-11-04",
      description = "The measured day (default: ${DEFAULT-VALUE}, a Wednesday).")
  private LocalDate day;

  @Option(names = "--history-days", paramLabel = "N", defaultValue = "28",
      description = "Days of history before the measured day (default: ${DEFAULT-VALUE}).")
  private int historyDays;

  @Option(names = "--long-history-days", paramLabel = "N", defaultValue = "365",
      description = "Days of history for the history-independence run; 0 for none (default: ${DEFAULT-VALUE}).")
  private int longHistoryDays;

  @Option(names = "--real-history-days", paramLabel = "N", defaultValue = "0",
      description = "Days of each history run by the job, the newest; the older ones are copies of the newest"
          + " one's output (default: 0, every day run by the job).")
  private int realHistoryDays;

  @Option(names = "--long-history-size", paramLabel = "N", defaultValue = "0",
      description = "The size measured after the long history too (default: the first of --sizes).")
  private int longHistorySize;

  @Option(names = "--skew-share", paramLabel = "F", defaultValue = "0.05",
      description = "Share of the day's events moved to one user for the skew run; 0 for none"
          + " (default: ${DEFAULT-VALUE}).")
  private double skewShare;

  @Option(names = "--skew-size", paramLabel = "N", defaultValue = "0",
      description = "The size measured with skew too (default: the first of --sizes).")
  private int skewSize;

  @Option(names = "--history-events", paramLabel = "N", defaultValue = "1000000",
      description = "Events per day of the history days, at most a population's smallest size"
          + " (default: ${DEFAULT-VALUE}).")
  private int historyEvents;

  @Option(names = "--old-history-events", paramLabel = "N", defaultValue = "10000",
      description = "Events per day of long-history days older than the job ever reads; rows per table when"
          + " they are copies (default: ${DEFAULT-VALUE}).")
  private int oldHistoryEvents;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "/tmp/engagement-bench",
      description = "Where the inputs and warehouses go; rebuilt on every run (default: ${DEFAULT-VALUE}).")
  private Path work;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmarks",
      description = "Where the result file goes (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--label", paramLabel = "NAME", defaultValue = "daily",
      description = "Names the result file <date>-<label>.md (default: ${DEFAULT-VALUE}).")
  private String label;

  @Option(names = "--config", paramLabel = "FILE", description = "A job config file (default: the job's defaults).")
  private Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A job config override, as for the job's --set.")
  private Map<String, String> sets = new LinkedHashMap<>();

  private String[] args = new String[0];

  public static void main(String... args) {
    Benchmark benchmark = new Benchmark();
    benchmark.args = args;
    CommandLine cli = new CommandLine(benchmark);
    cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
      if (ex instanceof EngagementException e) {
        commandLine.getErr().println("error: " + e.getMessage());
        return e.exitCode().code();
      }
      throw ex;
    });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (!label.matches("[A-Za-z0-9._-]+")) {
      throw EngagementException.badUsage("--label " + label + ": use letters, digits, '.', '_' or '-' only");
    }
    Optional<Path> config = Optional.ofNullable(configFile);
    EngagementConfig engagement = ConfigLoader.load(config, sets).config();
    int reach = BenchPlan.reachDays(
        engagement.windowDays(), engagement.nps().windowDays(), engagement.anomalies().baselineDays());
    BenchPlan plan = BenchPlan.of(sizes, users, day, historyDays, longHistoryDays, longHistorySize, historyEvents,
        oldHistoryEvents, reach, realHistoryDays);
    if (skewShare < 0 || skewShare >= 1) {
      throw EngagementException.badUsage("--skew-share " + skewShare + ": give a share from 0 (no skew run) to below 1");
    }
    int skewed = skewSize == 0 ? sizes.get(0) : skewSize;
    if (skewShare > 0 && !sizes.contains(skewed)) {
      throw EngagementException.badUsage("--skew-size " + skewSize + " is not one of --sizes " + sizes + ": pick one of them");
    }
    BenchRunner.SkewPlan skew = new BenchRunner.SkewPlan(skewShare, skewed);
    BenchReport report = new BenchRunner(plan, work, config, sets, seed, skew, System.err).run(label, command());
    String markdown = MarkdownReport.render(report);
    System.out.print(markdown);
    System.out.flush();
    Files.createDirectories(out);
    Path file = out.resolve(report.machine().date() + "-" + label + ".md");
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
    System.err.println("bench: results written to " + file);
    return ExitCode.SUCCESS.code();
  }

  /** The command line that reproduces this run, for the result file. */
  private String command() {
    return "scripts/bench.sh" + Arrays.stream(args).map(a -> " " + (a.matches("[\\w./=:,-]+") ? a : "'" + a + "'"))
        .collect(Collectors.joining());
  }
}
