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
    steps.put("activity", 37L);
    steps.put("scores", 49L);
    steps.put("roll-ups", 7L);
    steps.put("nps", 9L);
    steps.put("insights", 29L);
    steps.put("writes", 41L);
    steps.put("job_runs", 12L);
    steps.put("a_new_step", 13L);

    Map<Stage, Long> stages = Stage.group(steps);

    assertEquals(List.of(Stage.values()), List.copyOf(stages.keySet()));
    assertEquals(5L, stages.get(Stage.PLAN));
    assertEquals(100L, stages.get(Stage.READ));
    assertEquals(20L, stages.get(Stage.HISTORY));
    assertEquals(37L, stages.get(Stage.ACTIVITY));
    assertEquals(49L, stages.get(Stage.SCORES));
    assertEquals(7L, stages.get(Stage.ROLLUPS));
    assertEquals(9L, stages.get(Stage.NPS));
    assertEquals(29L, stages.get(Stage.INSIGHTS));
    assertEquals(41L, stages.get(Stage.WRITES));
    assertEquals(12L, stages.get(Stage.JOB_RUNS));
    assertEquals(13L, stages.get(Stage.OTHER));
    // Nothing lost: 5+100+20+37+49+7+9+29+41+12+13 = 322, the sum of the steps.
    assertEquals(322L, stages.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void aStageWithoutStepsIsZero() {
    Map<Stage, Long> stages = Stage.group(Map.of("input", 50L));
    assertEquals(50L, stages.get(Stage.READ));
    assertEquals(0L, stages.get(Stage.NPS));
    assertEquals(Stage.values().length, stages.size());
  }
}
