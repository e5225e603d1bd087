package io.engagement.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DayPlanTest {
  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  private static TreeSet<LocalDate> days(String... s) {
    TreeSet<LocalDate> set = new TreeSet<>();
    for (String x : s) {
      set.add(d(x));
    }
    return set;
  }

  @Test
  void firstDayEverHasNoGaps() {
    DayPlan plan = DayPlan.of(days(), d("2026-11-03"), 28);
    assertEquals(List.of(), plan.gaps());
    assertEquals(List.of(), plan.staleLaterDays());
  }

  @Test
  void aMissingDayAfterTheFirstProcessedDayIsAGap() {
    // processed 11-01, 11-02, 11-04; running 11-06: 11-03 and 11-05 were never processed.
    DayPlan plan = DayPlan.of(days("2026-11-01", "2026-11-02", "2026-11-04"), d("2026-11-06"), 28);
    assertEquals(List.of(d("2026-11-03"), d("2026-11-05")), plan.gaps());
  }

  @Test
  void daysBeforeTheWindowAreNotGaps() {
    // window of 3 days for 11-10 is 11-08 .. 11-10; 11-02 .. 11-07 missing do not matter.
    DayPlan plan = DayPlan.of(days("2026-11-01", "2026-11-08", "2026-11-09"), d("2026-11-10"), 3);
    assertEquals(List.of(), plan.gaps());
  }

  @Test
  void laterProcessedDaysBecomeStale() {
    DayPlan plan = DayPlan.of(days("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"), d("2026-11-02"), 28);
    assertEquals(List.of(), plan.gaps());
    assertEquals(List.of(d("2026-11-03"), d("2026-11-04")), plan.staleLaterDays());
  }

  @Test
  void aDayBeforeTheFirstProcessedDayHasNoGaps() {
    DayPlan plan = DayPlan.of(days("2026-11-05", "2026-11-06"), d("2026-11-01"), 28);
    assertEquals(List.of(), plan.gaps());
    assertEquals(List.of(d("2026-11-05"), d("2026-11-06")), plan.staleLaterDays());
  }
}
