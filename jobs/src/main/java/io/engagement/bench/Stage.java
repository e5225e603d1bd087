package io.engagement.bench;

import io.engagement.output.Tables;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stages a benchmark reports for a day's run, each a group of the steps {@link
 * io.engagement.pipeline.JobRunner} times. A table's step covers computing it and writing it:
 * Spark evaluates a table's plan only when it is written, so "writes" are no stage of their own.
 * The metrics are no stage either: they are computed lazily inside the scores. A step this class
 * does not know (a table added later) lands in {@link #OTHER}, so no time goes missing.
 */
public enum Stage {
  PLAN("plan", List.of("plan")),
  /** Read, validate and count the day's input; includes writing rejected_records. */
  READ("read", List.of("input")),
  /** Read the history tables' Delta logs and plan the day (rows are read by the stages below). */
  HISTORY("history", List.of("history")),
  ACTIVITY("activity", tables(Tables.USER_DAILY_ACTIVITY, Tables.USER_STATE)),
  SCORES("scores (+metrics)", tables(Tables.USER_ENGAGEMENT, Tables.USER_METRIC_SCORES)),
  ROLLUPS("roll-ups", tables(Tables.ACCOUNT_ENGAGEMENT, Tables.SEGMENT_ENGAGEMENT)),
  NPS("NPS", tables(Tables.NPS_RESPONSES, Tables.SEGMENT_NPS, Tables.ACCOUNT_NPS)),
  INSIGHTS("insights", tables(Tables.SAY_DO, Tables.SAY_DO_SEGMENTS, Tables.ENGAGEMENT_ALERTS)),
  JOB_RUNS("job_runs", tables(Tables.JOB_RUNS)),
  OTHER("other", List.of());

  private final String label;
  private final List<String> steps;

  Stage(String label, List<String> steps) {
    this.label = label;
    this.steps = steps;
  }

  public String label() {
    return label;
  }

  /** The stage a step of JobRunner belongs to. */
  public static Stage of(String step) {
    return Arrays.stream(values()).filter(stage -> stage.steps.contains(step)).findFirst().orElse(OTHER);
  }

  /** Milliseconds per stage, every stage present (0 when it had no step), in run order. */
  public static Map<Stage, Long> group(Map<String, Long> stepMillis) {
    Map<Stage, Long> stages = new EnumMap<>(Stage.class);
    for (Stage stage : values()) {
      stages.put(stage, 0L);
    }
    stepMillis.forEach((step, millis) -> stages.merge(of(step), millis, Long::sum));
    return stages;
  }

  private static List<String> tables(Tables... tables) {
    return Stream.of(tables).map(Tables::tableName).toList();
  }
}
