package io.engagement.input;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two quality gates of contract.md, as plain arithmetic on counts: the caller (which knows
 * the counts and the previous days) turns a message into an exit-3 failure after it has written
 * rejected_records and job_runs, so the data can be inspected.
 */
public final class QualityGate {
  private QualityGate() {}

  /** Fewer previous days than this and the volume gate stays silent: no stable baseline yet. */
  public static final int MIN_PREVIOUS_DAYS = 7;

  /**
   * A message when more than {@code maxRejectedFraction} of the source's rows were rejected;
   * a source with no rows has no share and never fails.
   */
  public static Optional<String> rejectedShareViolation(
      LocalDate day, SourceCounts counts, double maxRejectedFraction) {
    if (counts.input() == 0) {
      return Optional.empty();
    }
    double share = (double) counts.rejected() / counts.input();
    if (share <= maxRejectedFraction) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "quality gate: %d of %d %s rows rejected on %s (%.2f%%), more than"
                + " engagement.quality.max-rejected-fraction = %s: inspect rejected_records and"
                + " job_runs for %s and fix the upstream export",
            counts.rejected(), counts.input(), counts.source(), day, 100 * share,
            maxRejectedFraction, day));
  }

  /**
   * A message when the day's accepted events are fewer than {@code minVolumeRatio} times the
   * median of {@code previousDaysAccepted} (the accepted events of earlier processed days),
   * judged only from {@value #MIN_PREVIOUS_DAYS} such days on. A median, not a mean, so one
   * earlier bad day does not move the bar.
   */
  public static Optional<String> volumeViolation(
      LocalDate day, long acceptedEvents, List<Long> previousDaysAccepted, double minVolumeRatio) {
    if (previousDaysAccepted.size() < MIN_PREVIOUS_DAYS) {
      return Optional.empty();
    }
    double median = median(previousDaysAccepted);
    if (acceptedEvents >= minVolumeRatio * median) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "quality gate: %d accepted events on %s, fewer than"
                + " engagement.quality.min-volume-ratio = %s times the median %s of the previous %d"
                + " processed days (a partial export?): inspect rejected_records and job_runs for"
                + " %s and the upstream export",
            acceptedEvents, day, minVolumeRatio, formatCount(median),
            previousDaysAccepted.size(), day));
  }

  /** The exact median: the mean of the two middle values for an even count. */
  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static String formatCount(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
