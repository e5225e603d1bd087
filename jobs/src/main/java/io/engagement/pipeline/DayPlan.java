package io.engagement.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * Where a day stands among the days already processed: a day depends on the earlier days of its
 * window, and the later days depend on it (contract.md, command line).
 *
 * @param gaps days of D's window, after the first processed day, that were never processed:
 *     D's window metrics would silently miss them, so the run fails unless --allow-gaps
 * @param staleLaterDays processed days after D: rerunning D makes them stale (--cascade reruns them)
 */
public record DayPlan(LocalDate day, List<LocalDate> gaps, List<LocalDate> staleLaterDays) {

  public static DayPlan of(SortedSet<LocalDate> processedDays, LocalDate day, int windowDays) {
    List<LocalDate> stale = processedDays.tailSet(day.plusDays(1)).stream().toList();
    if (processedDays.isEmpty() || !processedDays.first().isBefore(day)) {
      return new DayPlan(day, List.of(), stale);
    }
    LocalDate first = processedDays.first();
    LocalDate windowStart = day.minusDays(windowDays - 1L);
    LocalDate from = first.isAfter(windowStart) ? first : windowStart;
    List<LocalDate> gaps =
        from.datesUntil(day).filter(d -> !processedDays.contains(d)).toList();
    return new DayPlan(day, gaps, stale);
  }
}
