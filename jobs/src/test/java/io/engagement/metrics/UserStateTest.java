package io.engagement.metrics;

import static io.engagement.testing.TestFrames.date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.activity.DailyActivity;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserStateTest {
  private static Object[] activity(String user, long visits, String account) {
    return new Object[] {user, date("2026-11-03"), visits, visits, 0.0, List.of(), List.of(), Map.of(), Map.of(),
        TestFrames.ts("2026-11-03T10:00:00Z"), TestFrames.ts("2026-11-03T10:00:00Z"), account};
  }

  @Test
  void carriesHistoryAndAddsTheDay() {
    var previous =
        TestFrames.of(UserState.SCHEMA)
            .row("kept", date("2026-11-02"), date("2026-01-01"), date("2026-10-01"), "acc-1", date("2026-10-01"))
            .row("back", date("2026-11-02"), date("2026-01-01"), date("2026-10-01"), "acc-1", date("2026-10-01"))
            .row("quiet", date("2026-11-02"), null, null, "acc-9", date("2026-05-01"))
            .toDF();
    var activity =
        TestFrames.of(DailyActivity.SCHEMA)
            .row(activity("back", 2, "acc-2"))
            .row(activity("quiet", 0, null))
            .row(activity("first", 1, null))
            .toDF();
    var expected =
        TestFrames.of(UserState.SCHEMA)
            // no activity today: history unchanged, new state date
            .row("kept", date("2026-11-03"), date("2026-01-01"), date("2026-10-01"), "acc-1", date("2026-10-01"))
            // active today with a new account: last active and account move to today
            .row("back", date("2026-11-03"), date("2026-01-01"), date("2026-11-03"), "acc-2", date("2026-11-03"))
            // an event without a visit and without account: not an active day, account kept
            .row("quiet", date("2026-11-03"), null, null, "acc-9", date("2026-05-01"))
            // first day ever
            .row("first", date("2026-11-03"), date("2026-11-03"), date("2026-11-03"), null, null)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, UserState.advance(previous, activity, LocalDate.parse("2026-11-03")));
    assertEquals(4, expected.count());
  }
}
