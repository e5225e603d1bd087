package io.engagement.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Time of the simulated world: instants are epoch microseconds (as Parquet stores them), days UTC. */
final class Times {
  private Times() {}

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final long MICROS_PER_DAY = 86_400_000_000L;

  static boolean isWeekend(long epochDay) {
    DayOfWeek weekday = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
  }

  /**
   * A moment of the day, as microseconds after midnight UTC (whole milliseconds, as trackers
   * send): around the working hours of the region, spread wider at weekends.
   */
  static long timeOfDay(SplittableRandom rng, String region, boolean weekend) {
    double centre =
        switch (region) {
          case "emea" -> 11;
          case "apac" -> 4;
          default -> 17;
        };
    double hour = centre + (weekend ? 5.0 : 3.5) * Draw.gaussian(rng);
    hour = ((hour % 24) + 24) % 24;
    long millis = Math.min(MILLIS_PER_DAY - 1, (long) (hour * 3_600_000));
    return millis * 1000;
  }
}
