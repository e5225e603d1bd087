package io.engagement.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark measured, ready for {@link MarkdownReport}.
 *
 * @param command the command line that reproduces the run
 * @param day the benchmarked day
 * @param reachDays how far back the job reads history ({@link BenchPlan#reachDays})
 */
public record BenchReport(
    String label,
    Machine machine,
    String command,
    LocalDate day,
    long seed,
    int reachDays,
    List<InputBuild> inputs,
    List<HistoryBuild> histories,
    List<SizeResult> sizes,
    Optional<HistoryComparison> historyIndependence,
    Optional<SkewComparison> skew) {

  public BenchReport {
    inputs = List.copyOf(inputs);
    histories = List.copyOf(histories);
    sizes = List.copyOf(sizes);
  }

  /** The generated input of one user population (history days; the measured day is per size). */
  public record InputBuild(int users, LocalDate from, LocalDate to, long events, double seconds) {}

  /**
   * One warehouse: its newest {@code realDays} run by the job day by day, the older days copies of
   * the newest ({@link HistoryCopies}).
   *
   * @param recentEventsPerDay volume of the days the job can read back (within reach)
   * @param oldDays days older than the reach, at {@code oldEventsPerDay}, or with at most that many
   *     rows per table when they are copies
   * @param backfillSeconds running the job over the real days
   * @param copySeconds copying the other days; 0 when there are none
   */
  public record HistoryBuild(
      int users, int days, int realDays, int recentEventsPerDay, int oldDays, int oldEventsPerDay,
      double backfillSeconds, double copySeconds) {
    public int copiedDays() {
      return days - realDays;
    }

    /** The job's time per day it ran. */
    public double secondsPerRealDay() {
      return realDays == 0 ? Double.NaN : backfillSeconds / realDays;
    }
  }

  /**
   * One size: the daily run after the standard history and the floor for the same input.
   *
   * @param scanMillis a bare scan of the day's events, every column the job reads
   */
  public record SizeResult(int eventsPerDay, int users, DayRun run, long scanMillis) {
    /** How many times the floor the run takes. */
    public double jobScanRatio() {
      return scanMillis == 0 ? Double.NaN : (double) run.tookMillis() / scanMillis;
    }
  }

  /** The same day and input after a short and a long history. */
  public record HistoryComparison(
      int eventsPerDay, int users, int shortDays, int longDays, DayRun shortRun, DayRun longRun) {
    public static final double TARGET = 1.2;

    /** Long-history run time over short-history run time. */
    public double ratio() {
      return shortRun.tookMillis() == 0 ? Double.NaN : (double) longRun.tookMillis() / shortRun.tookMillis();
    }

    public boolean meetsTarget() {
      return ratio() <= TARGET;
    }
  }

  /** The same day and history, with its events as generated and with {@code share} of them on one user. */
  public record SkewComparison(int eventsPerDay, int users, double share, DayRun evenRun, DayRun skewedRun) {
    public static final double TARGET = 1.5;

    /** Skewed run time over the run time of the day as generated. */
    public double ratio() {
      return evenRun.tookMillis() == 0 ? Double.NaN : (double) skewedRun.tookMillis() / evenRun.tookMillis();
    }

    public boolean meetsTarget() {
      return ratio() <= TARGET;
    }
  }
}
