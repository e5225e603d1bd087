package io.engagement.bench;

import io.engagement.bench.BenchReport.HistoryBuild;
import io.engagement.bench.BenchReport.HistoryComparison;
import io.engagement.bench.BenchReport.InputBuild;
import io.engagement.bench.BenchReport.SizeResult;
import io.engagement.bench.BenchReport.SkewComparison;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a {@link BenchReport} as the markdown file committed under benchmarks/. */
public final class MarkdownReport {
  private static final double MIB = 1024.0 * 1024;
  private static final double GIB = MIB * 1024;

  private MarkdownReport() {}

  public static String render(BenchReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Daily run benchmark: ").append(report.label()).append("\n\n");
    environment(md, report);
    results(md, report);
    stages(md, report.sizes());
    steps(md, report.sizes());
    histories(md, report);
    report.historyIndependence().ifPresent(comparison -> independence(md, comparison));
    report.skew().ifPresent(comparison -> skew(md, comparison));
    notes(md, report);
    return md.toString();
  }

  private static void environment(StringBuilder md, BenchReport report) {
    Machine m = report.machine();
    md.append("| | |\n|---|---|\n");
    row(md, "Date", m.date().toString());
    row(md, "Machine", String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, %s", m.cores(), m.cpu(),
        m.memoryBytes() / GIB, m.os()));
    row(md, "Load average", String.format(Locale.ROOT, "%.1f at start, %.1f at end", m.loadAtStart(), m.loadAtEnd()));
    row(md, "Java", m.java());
    row(md, "Spark", m.spark());
    row(md, "Delta", m.delta());
    row(md, "Driver heap", String.format(Locale.ROOT, "%.1f GiB max (local mode: the driver is every executor)",
        m.maxHeapBytes() / GIB));
    row(md, "Measured day", report.day() + " (" + report.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + "), seed " + report.seed());
    row(md, "Command", "`" + report.command() + "`");
    md.append('\n');
  }

  private static void results(StringBuilder md, BenchReport report) {
    md.append("## Daily run\n\n");
    table(md, List.of("events/day", "users", "input events", "run s", "events/s", "scan s", "run/scan",
        "heap at start MiB", "peak heap MiB", "heap after GC MiB", "GC s"));
    for (SizeResult size : report.sizes()) {
      DayRun run = size.run();
      cells(md, List.of(
          count(size.eventsPerDay()), count(size.users()), count(run.inputEvents()), seconds(run.tookMillis()),
          rate(run.eventsPerSecond()), seconds(size.scanMillis()),
          ratio(size.jobScanRatio()), mib(run.heapAtStartBytes()), mib(run.peakHeapBytes()), mib(run.heapAfterGcBytes()),
          seconds(run.gcMillis())));
    }
    md.append('\n');
  }

  private static void stages(StringBuilder md, List<SizeResult> sizes) {
    md.append("## Time per stage (s)\n\n");
    List<String> header = new ArrayList<>(List.of("events/day"));
    for (Stage stage : Stage.values()) {
      header.add(stage.label());
    }
    header.add("run");
    table(md, header);
    for (SizeResult size : sizes) {
      List<String> row = new ArrayList<>(List.of(count(size.eventsPerDay())));
      size.run().stageMillis().values().forEach(millis -> row.add(seconds(millis)));
      row.add(seconds(size.run().tookMillis()));
      cells(md, row);
    }
    md.append('\n');
  }

  private static void steps(StringBuilder md, List<SizeResult> sizes) {
    md.append("## Time per step (ms)\n\n");
    List<String> header = new ArrayList<>(List.of("step", "stage"));
    sizes.forEach(size -> header.add(count(size.eventsPerDay())));
    table(md, header, 2);
    Set<String> steps = new LinkedHashSet<>();
    sizes.forEach(size -> steps.addAll(size.run().stepMillis().keySet()));
    for (String step : steps) {
      List<String> row = new ArrayList<>(List.of(step, Stage.of(step).label()));
      sizes.forEach(size -> row.add(count(size.run().stepMillis().getOrDefault(step, 0L))));
      cells(md, row);
    }
    md.append('\n');
  }

  private static void histories(StringBuilder md, BenchReport report) {
    md.append("## History\n\n");
    table(md, List.of("users", "days generated", "events generated", "generated in s"), 2);
    for (InputBuild input : report.inputs()) {
      cells(md, List.of(count(input.users()), input.from() + " .. " + input.to(), count(input.events()),
          String.format(Locale.ROOT, "%.1f", input.seconds())));
    }
    md.append('\n');
    table(md, List.of("users", "history days", "run by the job", "copied", "events/day: recent days / older days",
        "backfill s", "s per job day", "copy s"), 1);
    for (HistoryBuild history : report.histories()) {
      String old = history.copiedDays() == 0
          ? count(history.oldEventsPerDay())
          : "copies of at most " + count(history.oldEventsPerDay()) + " rows per table";
      String volumes = count(history.recentEventsPerDay())
          + (history.oldDays() == 0 ? "" : " / " + old + " (" + history.oldDays() + " days)");
      cells(md, List.of(count(history.users()), Integer.toString(history.days()), Integer.toString(history.realDays()),
          Integer.toString(history.copiedDays()), volumes, String.format(Locale.ROOT, "%.1f", history.backfillSeconds()),
          String.format(Locale.ROOT, "%.1f", history.secondsPerRealDay()),
          history.copiedDays() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", history.copySeconds())));
    }
    md.append('\n');
  }

  private static void independence(StringBuilder md, HistoryComparison c) {
    md.append("## History independence\n\n");
    md.append(String.format(Locale.ROOT, "The same day and input (%s events, %s users) after %d and after %d days of"
        + " history: %.2fx, %s the %.1fx target.%n%n", count(c.eventsPerDay()), count(c.users()), c.shortDays(),
        c.longDays(), c.ratio(), c.meetsTarget() ? "within" : "above", HistoryComparison.TARGET));
    twoRuns(md, c.shortDays() + " days", c.longDays() + " days", c.shortRun(), c.longRun());
  }

  private static void skew(StringBuilder md, SkewComparison c) {
    md.append("## Skew\n\n");
    md.append(String.format(Locale.ROOT, "The same day (%s events, %s users) and history, as generated and with"
        + " %.0f%% of its events moved to one user: %.2fx, %s the %.1fx target.%n%n", count(c.eventsPerDay()),
        count(c.users()), 100 * c.share(), c.ratio(), c.meetsTarget() ? "within" : "above", SkewComparison.TARGET));
    twoRuns(md, "as generated", String.format(Locale.ROOT, "%.0f%% on one user", 100 * c.share()), c.evenRun(),
        c.skewedRun());
  }

  /** Two runs of one day side by side, stage by stage, with their ratio. */
  private static void twoRuns(StringBuilder md, String firstHeader, String secondHeader, DayRun first, DayRun second) {
    table(md, List.of("", firstHeader, secondHeader, "ratio"));
    Map<Stage, Long> firstStages = first.stageMillis();
    Map<Stage, Long> secondStages = second.stageMillis();
    for (Stage stage : Stage.values()) {
      long a = firstStages.get(stage);
      long b = secondStages.get(stage);
      cells(md, List.of(stage.label() + " s", seconds(a), seconds(b), ratio(a == 0 ? Double.NaN : (double) b / a)));
    }
    double runRatio = first.tookMillis() == 0 ? Double.NaN : (double) second.tookMillis() / first.tookMillis();
    cells(md, List.of("**run s**", seconds(first.tookMillis()), seconds(second.tookMillis()),
        "**" + ratio(runRatio) + "**"));
    heapRow(md, "heap at start MiB", first.heapAtStartBytes(), second.heapAtStartBytes());
    heapRow(md, "peak heap MiB", first.peakHeapBytes(), second.peakHeapBytes());
    heapRow(md, "heap after GC MiB", first.heapAfterGcBytes(), second.heapAfterGcBytes());
    md.append('\n');
  }

  private static void heapRow(StringBuilder md, String name, long shortBytes, long longBytes) {
    cells(md, List.of(name, mib(shortBytes), mib(longBytes),
        ratio(shortBytes <= 0 || longBytes < 0 ? Double.NaN : (double) longBytes / shortBytes)));
  }

  private static void notes(StringBuilder md, BenchReport report) {
    md.append("## Notes\n\n");
    String volumes = report.histories().stream()
        .map(h -> count(h.users()) + " users: " + count(h.recentEventsPerDay()) + " events/day")
        .distinct()
        .collect(Collectors.joining("; "));
    List<String> notes = new ArrayList<>(List.of(
        "Data: the sample generator (same seed, same users for a population's history and measured days). "
            + "Volumes are a week's average: a weekday has about 9% more, a weekend day about 20% less; "
            + "*input events* is what the run actually read, bad rows included.",
        "*run s*: one `daily` run of the measured day as JobRunner times it (planning to the job_runs row), "
            + "in a JVM already warm from building the history; the Delta log cache is cleared before each run, "
            + "as a fresh scheduled run would find it. *events/s* = input events / run s.",
        "*scan s*: the floor, a bare scan of the same day's events Parquet (every column; the job reads them all) "
            + "forced with Spark's `noop` sink in the same session, just before the run. *run/scan* = run s / scan s.",
        "Stages are JobRunner's steps: read = reading, validating and counting the input and writing "
            + "rejected_records; history = reading the history tables' Delta logs and planning the day; activity, "
            + "metrics + scores, roll-ups, NPS and insights compute, in that order, the intermediates several tables "
            + "share (activity = daily activity, user state and groups; metrics + scores = the window metrics over "
            + "the history window and the scores; roll-ups = account and segment; NPS = counted responses, account "
            + "and segment NPS; insights = say vs do per user); writes = every table written, four at a time, each "
            + "computing what only it needs (trends, alerts, the long form of the scores).",
        "*peak heap*: the heap pools' peaks during the run, added up, after a collection: an upper bound of the "
            + "heap in use at once, which grows with the heap the collector is given. *heap after GC*: the most heap "
            + "still in use right after any young or full collection of the run: a tighter upper bound of what the "
            + "run keeps alive, as dead objects already promoted wait for a mixed or full collection (n/a: no "
            + "collection ran). Both include the *heap at start*, what the JVM held before the run "
            + "(after a collection): Spark's UI history and caches of a JVM that has built the history, which a "
            + "fresh scheduled run would not carry. In local mode the driver is every executor: this is all the run's memory. "
            + "*GC s*: collector time during the run.",
        "History: built by running the real job day by day (`backfill`) on generated days at a lower volume than "
            + "the measured day, with the same users (" + volumes + "); the measured day alone is generated at "
            + "its full size. A history at the measured volume would make the history tables larger, so the "
            + "history stages here are a lower bound for a product at that volume all month.",
        "History independence: the long history differs from the short one only in days older than the short "
            + "one. The run reads at most " + report.reachDays() + " days back (activity window, NPS window, trend "
            + "baseline): those days have the history volume; older days, which the run never reads (they only add "
            + "to the tables' Delta logs and to job_runs), are built at a tiny volume with the same users, to keep "
            + "the build affordable. A short history shorter than the NPS window also makes the NPS stage read "
            + "fewer days of user_engagement than a long one does, which is real, not noise."));
    if (report.histories().stream().anyMatch(h -> h.copiedDays() > 0)) {
      notes.add("Copied history days: the job ran only the newest days of each history (*run by the job*, the "
          + "same days in the short and the long history); every older day is a copy of the newest one's output "
          + "partitions, the template, with only the date column changed, and of its job_runs row with its own "
          + "run id, so it counts as processed. The copies' numbers are the template's: only the timing means "
          + "something. Days beyond the reach keep at most the rows shown per table. A history run by the job "
          + "has one commit per table and day; the copies are one commit per table for all the copied days.");
    }
    notes.forEach(note -> md.append("- ").append(note).append('\n'));
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }

  private static void table(StringBuilder md, List<String> header) {
    table(md, header, 1);
  }

  /** A header whose first {@code textColumns} columns are left-aligned text, the rest numbers. */
  private static void table(StringBuilder md, List<String> header, int textColumns) {
    cells(md, header);
    md.append('|');
    for (int i = 0; i < header.size(); i++) {
      md.append(i < textColumns ? "---|" : "---:|");
    }
    md.append('\n');
  }

  private static void cells(StringBuilder md, List<String> cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  static String mib(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes / MIB);
  }
}
