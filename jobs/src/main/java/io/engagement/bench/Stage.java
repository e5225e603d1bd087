package io.engagement.bench;

import io.engagement.output.Tables;
import io.engagement.pipeline.DailyPipeline;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stages a benchmark reports for a day's run, each a group of the steps {@link
 * io.engagement.pipeline.JobRunner} times: the pipeline's stages compute the intermediates that
 * several tables share, then every table is written in parallel ({@link #WRITES}). The window
 * metrics are no stage of their own: they are computed inside the scores. A step this class does
 * not know lands in {@link #OTHER}, so no time goes missing.
 */
public enum Stage {
  PLAN("plan", List.of("plan")),
  /** Read, validate and count the day's input; includes writing rejected_records. */
  READ("read", List.of("input")),
  /** Read the history tables' Delta logs and plan the day (rows are read by the stages below). */
  HISTORY("history", List.of("history")),
  /** Daily activity (visits, actions, KPIs), user state and groups. */
  ACTIVITY("activity", List.of(DailyPipeline.ACTIVITY)),
  /** Window metrics over the history window, then the scores. */
  SCORES("metrics + scores", List.of(DailyPipeline.SCORES)),
  ROLLUPS("roll-ups", List.of(DailyPipeline.ROLLUPS)),
  NPS("NPS", List.of(DailyPipeline.NPS)),
  INSIGHTS("insights", List.of(DailyPipeline.INSIGHTS)),
  /** Every table written, in parallel, each computing what only it needs (trends, alerts, ...). */
  WRITES("writes", List.of("writes")),
  JOB_RUNS("job_runs", List.of(Tables.JOB_RUNS.tableName())),
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

}
