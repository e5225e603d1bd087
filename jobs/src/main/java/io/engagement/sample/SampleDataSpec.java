package io.engagement.sample;

import io.engagement.errors.EngagementException;
import java.time.LocalDate;

/**
 * What {@link SampleDataGenerator#generate} writes: the days {@code from .. to} (inclusive, UTC
 * business days) of a simulated product with {@code users} users and about {@code eventsPerDay}
 * events a day (a week's average: weekdays a little more, weekends about 70% of a weekday).
 * The same spec always gives the same files, byte for byte; {@code seed} picks another world.
 *
 * @param outDir the input root to write (a path or URI Hadoop can write to)
 */
public record SampleDataSpec(String outDir, LocalDate from, LocalDate to, int users, int eventsPerDay, long seed) {
  public static final int DEFAULT_USERS = 2000;
  public static final int DEFAULT_EVENTS_PER_DAY = 10_000;
  public static final long DEFAULT_SEED = 42;

  public SampleDataSpec {
    if (outDir == null || outDir.isBlank()) {
      throw EngagementException.badUsage("generate-sample-data needs --out DIR: the folder to write the inputs to");
    }
    if (from == null || to == null) {
      throw EngagementException.badUsage("generate-sample-data needs --from and --to (YYYY-MM-DD)");
    }
    if (from.isAfter(to)) {
      throw EngagementException.badUsage(
          "--from " + from + " is after --to " + to + ": give a range with from on or before to");
    }
    if (users < 1) {
      throw EngagementException.badUsage("--users " + users + " is not a positive number: give at least 1");
    }
    if (eventsPerDay < 0) {
      throw EngagementException.badUsage("--events-per-day " + eventsPerDay + " is negative: give 0 or more");
    }
  }
}
