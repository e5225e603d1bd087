package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTest {

  @Test
  void stepsAreGroupedIntoTheIssuesStagesAndUnknownStepsAreKept() {
    Map<String, Long> steps = new LinkedHashMap<>();
    steps.put("plan", 5L);
    steps.put("input", 100L);
    steps.put("history", 20L);
    steps.put("user_daily_activity", 30L);
    steps.put("user_state", 7L);
    steps.put("user_engagement", 40L);
    steps.put("user_metric_scores", 9L);
    steps.put("account_engagement", 3L);
    steps.put("segment_engagement", 4L);
    steps.put("nps_responses", 1L);
    steps.put("segment_nps", 2L);
    steps.put("account_nps", 6L);
    steps.put("say_do", 8L);
    steps.put("say_do_segments", 10L);
    steps.put("engagement_alerts", 11L);
    steps.put("job_runs", 12L);
    steps.put("a_new_table", 13L);

    Map<Stage, Long> stages = Stage.group(steps);

    assertEquals(List.of(Stage.values()), List.copyOf(stages.keySet()));
    assertEquals(5L, stages.get(Stage.PLAN));
    assertEquals(100L, stages.get(Stage.READ));
    assertEquals(20L, stages.get(Stage.HISTORY));
    assertEquals(37L, stages.get(Stage.ACTIVITY)); // 30 + 7
    assertEquals(49L, stages.get(Stage.SCORES)); // 40 + 9
    assertEquals(7L, stages.get(Stage.ROLLUPS)); // 3 + 4
    assertEquals(9L, stages.get(Stage.NPS)); // 1 + 2 + 6
    assertEquals(29L, stages.get(Stage.INSIGHTS)); // 8 + 10 + 11
    assertEquals(12L, stages.get(Stage.JOB_RUNS));
    assertEquals(13L, stages.get(Stage.OTHER));
    // Nothing lost: 5+100+20+37+49+7+9+29+12+13 = 281, the sum of the steps.
    assertEquals(281L, stages.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void aStageWithoutStepsIsZero() {
    Map<Stage, Long> stages = Stage.group(Map.of("input", 50L));
    assertEquals(50L, stages.get(Stage.READ));
    assertEquals(0L, stages.get(Stage.NPS));
    assertEquals(Stage.values().length, stages.size());
  }
}
