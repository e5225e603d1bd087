package io.engagement.cli;

import io.engagement.errors.EngagementException;
import java.time.LocalDate;

/** The one rule shared by the commands that take a range of days. */
final class DateRange {
  private DateRange() {}

  /**
   * @throws EngagementException (exit 2) when {@code --from} is after {@code --to}
   */
  static void check(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw EngagementException.badUsage(
          "--from " + from + " is after --to " + to + ": give --from on or before --to");
    }
  }
}
