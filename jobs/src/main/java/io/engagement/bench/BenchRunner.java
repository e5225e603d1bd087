package io.engagement.bench;

import io.engagement.bench.BenchPlan.Group;
import io.engagement.bench.BenchReport.HistoryBuild;
import io.engagement.bench.BenchReport.HistoryComparison;
import io.engagement.bench.BenchReport.InputBuild;
import io.engagement.bench.BenchReport.SizeResult;
import io.engagement.bench.BenchReport.SkewComparison;
import io.engagement.bench.HistoryCopies.CopiedDays;
import io.engagement.config.ConfigLoader;
import io.engagement.config.LoadedConfig;
import io.engagement.output.DeltaSessionConfig;
import io.engagement.pipeline.JobRunner;
import io.engagement.pipeline.JobRunner.DayResult;
import io.engagement.sample.SampleDataGenerator;
import io.engagement.sample.SampleDataSpec;
import io.engagement.sample.SampleDataSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * Carries out a {@link BenchPlan}: per user population, generates the history days, builds the
 * histories with the real job (and with copies of its newest day, when the plan has fewer real
 * days), then per size rewrites the measured day at its size, scans it (the floor) and runs it;
 * the long-history run follows its size's short-history run on the same input.
 * Everything lives under the work folder, one input root per population and one output root per
 * history, all rebuilt on every run (the job that builds the history is the one being measured).
 */
final class BenchRunner {
  private final BenchPlan plan;
  private final Path work;
  private final Optional<Path> configFile;
  private final Map<String, String> sets;
  private final long seed;
  private final SkewPlan skew;
  private final PrintStream progress;

  /**
   * The skew run: after the normal run of {@code size}, the same day with {@code share} of its
   * events moved to one user, on the same history. {@code share} 0: no skew run.
   */
  record SkewPlan(double share, int size) {}

  BenchRunner(BenchPlan plan, Path work, Optional<Path> configFile, Map<String, String> sets, long seed,
      SkewPlan skew, PrintStream progress) {
    this.skew = skew;
    this.plan = plan;
    this.work = work;
    this.configFile = configFile;
    this.sets = Map.copyOf(sets);
    this.seed = seed;
    this.progress = progress;
  }

  BenchReport run(String label, String command) {
    double loadAtStart = Machine.loadAverage();
    SparkSession spark = DeltaSessionConfig.getOrCreate("engagement benchmark");
    List<InputBuild> inputs = new ArrayList<>();
    List<HistoryBuild> histories = new ArrayList<>();
    List<SizeResult> sizes = new ArrayList<>();
    Optional<HistoryComparison> comparison = Optional.empty();
    Optional<SkewComparison> skewed = Optional.empty();
    for (Group group : plan.groups()) {
      Path input = work.resolve("input").resolve("u" + group.users());
      BenchFiles.deleteTreeOrFail(input);
      SampleDataSpec spec =
          new SampleDataSpec(input.toString(), plan.firstDay(group), plan.day(), group.users(), 0, seed);
      TreeMap<LocalDate, Integer> volumes = new TreeMap<>(plan.historyVolumes(group));
      say("generating %d history days of %,d users from %s (users of %s .. %s)", volumes.size(), group.users(),
          volumes.firstKey(), spec.from(), spec.to());
      SampleDataSummary generated = SampleDataGenerator.generate(spec, volumes, this::sayIndented);
      inputs.add(new InputBuild(group.users(), volumes.firstKey(), volumes.lastKey(), generated.events(),
          generated.seconds()));

      LoadedConfig shortHistory = config(input, warehouse(group, plan.historyDays()));
      histories.add(build(spark, shortHistory, group, plan.historyDays(), 0));
      Optional<LoadedConfig> longHistory = Optional.empty();
      if (group.longHistory()) {
        longHistory = Optional.of(config(input, warehouse(group, plan.longHistoryDays())));
        histories.add(build(spark, longHistory.get(), group, plan.longHistoryDays(), plan.oldDays(group)));
      }

      for (int size : group.sizes()) {
        say("measuring %,d events for %,d users on %s", size, group.users(), plan.day());
        SampleDataGenerator.generate(spec, Map.of(plan.day(), size), this::sayIndented);
        long scan = EventScan.millis(spark, input.toString(), plan.day());
        say("floor: the events scan took %.1f s", scan / 1000.0);
        DayRun run = measure(shortHistory);
        sizes.add(new SizeResult(size, group.users(), run, scan));
        if (longHistory.isPresent() && size == plan.longHistorySize() && comparison.isEmpty()) {
          say("the same day after %d days of history", plan.longHistoryDays());
          comparison = Optional.of(new HistoryComparison(
              size, group.users(), plan.historyDays(), plan.longHistoryDays(), run, measure(longHistory.get())));
        }
        if (skew.share() > 0 && size == skew.size() && skewed.isEmpty()) {
          String heavy = SkewedDay.concentrate(spark, input, plan.day(), skew.share(), seed);
          say("the same day with %.0f%% of its events moved to user %s", 100 * skew.share(), heavy);
          skewed = Optional.of(new SkewComparison(size, group.users(), skew.share(), run, measure(shortHistory)));
        }
      }
    }
    Machine machine = Machine.current(spark.version(), loadAtStart);
    return new BenchReport(label, machine, command, plan.day(), seed, plan.reachDays(), inputs, histories, sizes,
        comparison, skewed);
  }

  /** One history: the job runs its real days, then the other days are copied from the newest. */
  private HistoryBuild build(SparkSession spark, LoadedConfig config, Group group, int days, int oldDays) {
    String root = config.config().outputRoot();
    int real = plan.realDays(days);
    say("building %d days of history for %,d users in %s: %d run by the job, %d copied", days, group.users(), root,
        real, days - real);
    long started = System.nanoTime();
    new JobRunner(config, false, progress).backfill(plan.day().minusDays(real), plan.day().minusDays(1));
    double backfill = secondsSince(started);
    say("%d days run by the job in %.1f s", real, backfill);
    double copy = 0;
    Optional<CopiedDays> copies = plan.copies(group, days);
    if (copies.isPresent()) {
      CopiedDays copied = copies.get();
      started = System.nanoTime();
      HistoryCopies.copy(spark, root, copied);
      copy = secondsSince(started);
      say("%d days copied from %s in %.1f s (%d with every row, %d with at most %,d rows per table)", copied.count(),
          copied.template(), copy, copied.fullDays().size(), copied.sampledDays().size(), copied.sampleRows());
    }
    return new HistoryBuild(group.users(), days, real, group.historyEventsPerDay(), oldDays, plan.oldEventsPerDay(group),
        backfill, copy);
  }

  private static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /**
   * One daily run of the measured day. The Delta log cache is cleared first: a scheduled run starts
   * in a fresh JVM and replays each table's log, and how long that takes is part of what a long
   * history costs.
   */
  private DayRun measure(LoadedConfig config) {
    DeltaLog.clearCache();
    try (HeapMeter heap = HeapMeter.start()) {
      DayResult result = new JobRunner(config, false, progress).daily(plan.day(), false, false);
      return new DayRun(result.events().input(), result.took().toMillis(), result.stepMillis(), heap.atStartBytes(),
          heap.peakBytes(), heap.maxAfterGcBytes(), heap.gcMillisSinceStart());
    }
  }

  private LoadedConfig config(Path input, Path output) {
    Map<String, String> all = new LinkedHashMap<>(sets);
    all.put("input.root", input.toString());
    all.put("output.root", output.toString());
    return ConfigLoader.load(configFile, all);
  }

  /** A fresh output root for a population's history of this many days. */
  private Path warehouse(Group group, int days) {
    Path root = work.resolve("warehouse").resolve("u" + group.users() + "-" + days + "d");
    BenchFiles.deleteTreeOrFail(root);
    return root;
  }

  private void say(String format, Object... args) {
    progress.println("bench: " + String.format(java.util.Locale.ROOT, format, args));
  }

  private void sayIndented(String line) {
    progress.println("bench:   " + line);
  }
}
