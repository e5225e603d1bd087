package io.engagement.bench;

import io.engagement.bench.HistoryCopies.CopiedDays;
import io.engagement.errors.EngagementException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a benchmark generates and runs, decided before any data exists.
 *
 * <p>Sizes with the same user count form a {@link Group}: one generated population and one
 * history, with the measured day rewritten for each size. History is what the daily run reads
 * (activity, state, scores and roll-ups of earlier days), so it is built by running the job day by
 * day on generated days of its own volume, lower than the measured day's: {@code
 * historyEventsPerDay}, at most the group's smallest size so the volume gate never sees the
 * measured day as a drop.
 *
 * <p>The long history (history independence) differs from the short one only in days older than
 * the short history. Days older than the job's reach ({@link #reachDays}) are never read by the
 * run, only counted in the tables' Delta logs and job_runs, so they are built at a tiny volume
 * ({@code oldEventsPerDay}) with the same users; days within the reach keep the history volume.
 *
 * <p>With {@code realHistoryDays}, the job runs only the newest days of each history, the same in
 * the short and the long one; every older day is a copy of the newest ({@link HistoryCopies}), the
 * days beyond the reach at most {@code oldEventsPerDay} rows per table. Only the real days are
 * generated, in the world of the whole history (the same population as without copies).
 *
 * @param longHistoryDays 0 for no long-history run
 * @param longHistorySize the size measured after both histories (in the first group that has it)
 * @param realHistoryDays days of each history run by the job, the newest; 0 for every day
 */
public record BenchPlan(
    LocalDate day,
    List<Group> groups,
    int historyDays,
    int longHistoryDays,
    int longHistorySize,
    int reachDays,
    int oldEventsPerDay,
    int realHistoryDays) {

  /**
   * Sizes sharing a user population and history.
   *
   * @param longHistory whether this group also builds the long history
   */
  public record Group(int users, List<Integer> sizes, int historyEventsPerDay, boolean longHistory) {
    public Group {
      sizes = List.copyOf(sizes);
    }
  }

  public BenchPlan {
    groups = List.copyOf(groups);
  }

  /**
   * @param users one count for every size, or one per size
   * @param longHistoryDays 0 for none, else more than {@code historyDays}
   * @param longHistorySize the size to measure after the long history too; 0 for the first size
   * @param realHistoryDays 0 for every history day run by the job, else at most {@code historyDays}
   */
  public static BenchPlan of(
      List<Integer> sizes,
      List<Integer> users,
      LocalDate day,
      int historyDays,
      int longHistoryDays,
      int longHistorySize,
      int historyEventsPerDay,
      int oldEventsPerDay,
      int reachDays,
      int realHistoryDays) {
    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
      throw EngagementException.badUsage("--sizes " + sizes + ": give one or more positive event counts per day");
    }
    if (users.isEmpty() || users.stream().anyMatch(u -> u < 1) || (users.size() != 1 && users.size() != sizes.size())) {
      throw EngagementException.badUsage(
          "--users " + users + ": give one positive user count for every size, or one per size (" + sizes.size() + ")");
    }
    if (historyDays < 1) {
      throw EngagementException.badUsage("--history-days " + historyDays + ": give at least 1");
    }
    if (longHistoryDays != 0 && longHistoryDays <= historyDays) {
      throw EngagementException.badUsage(
          "--long-history-days " + longHistoryDays + " is not more than --history-days " + historyDays
              + ": give more days, or 0 for no long-history run");
    }
    int longSize = longHistorySize == 0 ? sizes.get(0) : longHistorySize;
    if (longHistoryDays != 0 && !sizes.contains(longSize)) {
      throw EngagementException.badUsage(
          "--long-history-size " + longHistorySize + " is not one of --sizes " + sizes + ": pick one of them");
    }
    if (historyEventsPerDay < 1 || oldEventsPerDay < 1) {
      throw EngagementException.badUsage("--history-events and --old-history-events must be at least 1");
    }
    if (realHistoryDays < 0 || realHistoryDays > historyDays) {
      throw EngagementException.badUsage(
          "--real-history-days " + realHistoryDays + ": give 1 to --history-days " + historyDays
              + " (the short and the long history share their real days), or 0 for every day real");
    }
    Map<Integer, List<Integer>> sizesByUsers = new LinkedHashMap<>();
    for (int i = 0; i < sizes.size(); i++) {
      int groupUsers = users.size() == 1 ? users.get(0) : users.get(i);
      sizesByUsers.computeIfAbsent(groupUsers, u -> new ArrayList<>()).add(sizes.get(i));
    }
    List<Group> groups = new ArrayList<>();
    boolean longAssigned = longHistoryDays == 0;
    for (Map.Entry<Integer, List<Integer>> e : sizesByUsers.entrySet()) {
      boolean isLong = !longAssigned && e.getValue().contains(longSize);
      longAssigned |= isLong;
      int history = Math.min(historyEventsPerDay, Collections.min(e.getValue()));
      groups.add(new Group(e.getKey(), e.getValue(), history, isLong));
    }
    return new BenchPlan(day, groups, historyDays, longHistoryDays, longHistoryDays == 0 ? 0 : longSize, reachDays,
        oldEventsPerDay, realHistoryDays);
  }

  /**
   * How many days before D the daily run reads (HistoryReader): the activity window and the NPS
   * window end the day before D, the trend baseline reaches back its length, and at least the 7
   * days of the seven-day change.
   */
  public static int reachDays(int windowDays, int npsWindowDays, int baselineDays) {
    return Math.max(Math.max(windowDays - 1, npsWindowDays - 1), Math.max(baselineDays, 7));
  }

  /** The first generated day of a group: the start of its longest history. */
  public LocalDate firstDay(Group group) {
    return day.minusDays(group.longHistory() ? longHistoryDays : historyDays);
  }

  /**
   * Every history day the group's input needs, with its volume: every day of its longest history,
   * or only the real days when the others are copies. The measured day is not among them.
   */
  public Map<LocalDate, Integer> historyVolumes(Group group) {
    Map<LocalDate, Integer> volumes = new TreeMap<>();
    int old = oldEventsPerDay(group);
    LocalDate first = day.minusDays(realDays(group.longHistory() ? longHistoryDays : historyDays));
    for (LocalDate d = first; d.isBefore(day); d = d.plusDays(1)) {
      volumes.put(d, withinReach(d) ? group.historyEventsPerDay() : old);
    }
    return volumes;
  }

  /** Days of a history of {@code days} days that the job runs: the newest ones. */
  public int realDays(int days) {
    return realHistoryDays == 0 ? days : Math.min(realHistoryDays, days);
  }

  /**
   * The days of a history of {@code days} days that are copies of its newest day (the most mature
   * one, the day before the measured day); empty when the job runs every day.
   */
  public Optional<CopiedDays> copies(Group group, int days) {
    int real = realDays(days);
    if (real == days) {
      return Optional.empty();
    }
    List<LocalDate> full = new ArrayList<>();
    List<LocalDate> sampled = new ArrayList<>();
    for (LocalDate d = day.minusDays(days); d.isBefore(day.minusDays(real)); d = d.plusDays(1)) {
      (withinReach(d) ? full : sampled).add(d);
    }
    return Optional.of(new CopiedDays(day.minusDays(1), full, sampled, oldEventsPerDay(group)));
  }

  /**
   * Whether a history day has the history volume: the run may read it (or it is part of the short
   * history, which the long one repeats).
   */
  private boolean withinReach(LocalDate historyDay) {
    return ChronoUnit.DAYS.between(historyDay, day) <= recentDays();
  }

  /** Days back that keep the history volume: those the run may read, and the whole short history. */
  private int recentDays() {
    return Math.max(historyDays, reachDays);
  }

  /** Days of the group's long history that are older than the reach (built at the tiny volume). */
  public int oldDays(Group group) {
    return group.longHistory() ? Math.max(0, longHistoryDays - recentDays()) : 0;
  }

  public int oldEventsPerDay(Group group) {
    return Math.min(oldEventsPerDay, group.historyEventsPerDay());
  }
}
