package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagement.bench.BenchPlan.Group;
import io.engagement.bench.HistoryCopies.CopiedDays;
import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchPlanTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-04");

  @Test
  void sizesWithTheSameUsersShareAGroupAndTheLongHistoryGoesToTheFirstSize() {
    BenchPlan plan = BenchPlan.of(List.of(1_000_000, 10_000_000, 30_000_000), List.of(100_000, 1_000_000, 1_000_000),
        DAY, 28, 365, 0, 1_000_000, 10_000, 89, 0);

    assertEquals(List.of(
        new Group(100_000, List.of(1_000_000), 1_000_000, true),
        new Group(1_000_000, List.of(10_000_000, 30_000_000), 1_000_000, false)), plan.groups());
    assertEquals(1_000_000, plan.longHistorySize());
  }

  @Test
  void theHistoryVolumeIsCappedAtTheGroupsSmallestSize() {
    BenchPlan plan = BenchPlan.of(List.of(200_000, 100_000), List.of(10_000), DAY, 3, 0, 0, 1_000_000, 10_000, 89, 0);
    assertEquals(List.of(new Group(10_000, List.of(200_000, 100_000), 100_000, false)), plan.groups());
    assertEquals(0, plan.longHistorySize());
  }

  @Test
  void aShortHistoryIsItsDaysBeforeTheMeasuredDayAtTheHistoryVolume() {
    BenchPlan plan = BenchPlan.of(List.of(5000), List.of(100), DAY, 3, 0, 0, 1000, 10, 89, 0);
    Group group = plan.groups().get(0);
    assertEquals(LocalDate.parse("2026-11-01"), plan.firstDay(group));
    assertEquals(Map.of(
        LocalDate.parse("2026-11-01"), 1000,
        LocalDate.parse("2026-11-02"), 1000,
        LocalDate.parse("2026-11-03"), 1000), plan.historyVolumes(group));
    assertEquals(0, plan.oldDays(group));
  }

  @Test
  void aLongHistoryIsTinyOnlyBeyondTheJobsReach() {
    // History 3 days, reach 5 days, long history 8 days: days 1..5 back at 1,000 events, days 6..8
    // back (2026-10-27 .. 2026-10-29) at the tiny 10.
    BenchPlan plan = BenchPlan.of(List.of(5000), List.of(100), DAY, 3, 8, 0, 1000, 10, 5, 0);
    Group group = plan.groups().get(0);
    assertEquals(LocalDate.parse("2026-10-27"), plan.firstDay(group));
    Map<LocalDate, Integer> volumes = plan.historyVolumes(group);
    assertEquals(8, volumes.size());
    assertEquals(10, volumes.get(LocalDate.parse("2026-10-27")));
    assertEquals(10, volumes.get(LocalDate.parse("2026-10-29")));
    assertEquals(1000, volumes.get(LocalDate.parse("2026-10-30")));
    assertEquals(1000, volumes.get(LocalDate.parse("2026-11-03")));
    assertEquals(3, plan.oldDays(group)); // 8 - max(3, 5)
    assertEquals(10, plan.oldEventsPerDay(group));
  }

  @Test
  void aCopiedHistoryGeneratesAndRunsOnlyItsNewestDaysAndCopiesTheNewestToTheOthers() {
    // History 3 days, long history 8, reach 5, 2 real days: the job runs 2026-11-02 and 11-03 in
    // both histories; the short one copies 11-03 to 11-01 (3 days back); the long one to 10-30 ..
    // 11-01 (5 .. 3 days back, within the reach: every row) and to 10-27 .. 10-29 (8 .. 6 days
    // back, beyond it: at most 10 rows per table).
    BenchPlan plan = BenchPlan.of(List.of(5000), List.of(100), DAY, 3, 8, 0, 1000, 10, 5, 2);
    Group group = plan.groups().get(0);
    assertEquals(Map.of(LocalDate.parse("2026-11-02"), 1000, LocalDate.parse("2026-11-03"), 1000),
        plan.historyVolumes(group));
    // The generated days still live in the world of the whole long history.
    assertEquals(LocalDate.parse("2026-10-27"), plan.firstDay(group));
    assertEquals(2, plan.realDays(3));
    assertEquals(2, plan.realDays(8));

    LocalDate template = LocalDate.parse("2026-11-03");
    assertEquals(Optional.of(new CopiedDays(template, List.of(LocalDate.parse("2026-11-01")), List.of(), 10)),
        plan.copies(group, 3));
    assertEquals(Optional.of(new CopiedDays(template,
            List.of(LocalDate.parse("2026-10-30"), LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01")),
            List.of(LocalDate.parse("2026-10-27"), LocalDate.parse("2026-10-28"), LocalDate.parse("2026-10-29")), 10)),
        plan.copies(group, 8));
  }

  @Test
  void withoutRealHistoryDaysEveryDayIsRunByTheJob() {
    BenchPlan plan = BenchPlan.of(List.of(5000), List.of(100), DAY, 3, 8, 0, 1000, 10, 5, 0);
    Group group = plan.groups().get(0);
    assertEquals(8, plan.realDays(8));
    assertEquals(Optional.empty(), plan.copies(group, 3));
    assertEquals(Optional.empty(), plan.copies(group, 8));
    assertEquals(8, plan.historyVolumes(group).size());
    // As many real days as the short history: it is all real, the long one has copies.
    BenchPlan allShortReal = BenchPlan.of(List.of(5000), List.of(100), DAY, 3, 8, 0, 1000, 10, 5, 3);
    assertEquals(Optional.empty(), allShortReal.copies(group, 3));
    assertEquals(5, allShortReal.copies(group, 8).orElseThrow().count());
  }

  @Test
  void theReachIsTheLongestLookBackOfTheRun() {
    // Defaults: activity window 28 (27 days back), NPS window 90 (89 back), baseline 28 days back.
    assertEquals(89, BenchPlan.reachDays(28, 90, 28));
    // Short windows still reach the 7 days of the seven-day change.
    assertEquals(7, BenchPlan.reachDays(3, 3, 2));
  }

  @Test
  void inconsistentOptionsAreBadUsage() {
    assertBadUsage(() -> BenchPlan.of(List.of(1000, 2000), List.of(10, 20, 30), DAY, 3, 0, 0, 100, 10, 89, 0));
    assertBadUsage(() -> BenchPlan.of(List.of(), List.of(10), DAY, 3, 0, 0, 100, 10, 89, 0));
    assertBadUsage(() -> BenchPlan.of(List.of(1000), List.of(10), DAY, 3, 3, 0, 100, 10, 89, 0));
    assertBadUsage(() -> BenchPlan.of(List.of(1000), List.of(10), DAY, 3, 10, 2000, 100, 10, 89, 0));
    assertBadUsage(() -> BenchPlan.of(List.of(1000), List.of(10), DAY, 0, 0, 0, 100, 10, 89, 0));
    // More real days than the short history: the two histories would not share them.
    assertBadUsage(() -> BenchPlan.of(List.of(1000), List.of(10), DAY, 3, 10, 0, 100, 10, 89, 4));
    assertBadUsage(() -> BenchPlan.of(List.of(1000), List.of(10), DAY, 3, 10, 0, 100, 10, 89, -1));
  }

  private static void assertBadUsage(Runnable plan) {
    EngagementException e = assertThrows(EngagementException.class, plan::run);
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
  }
}
