package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DayRunTest {

  @Test
  void eventsPerSecondIsInputEventsOverTheRunsSeconds() {
    DayRun run = new DayRun(1_087_000, 54_350, Map.of(), 0, 0, 0, 0);
    // 1,087,000 events / 54.35 s = 20,000 events/s.
    assertEquals(20_000.0, run.eventsPerSecond(), 1e-9);
    assertEquals(54.35, run.seconds(), 1e-9);
  }

  @Test
  void aRunOfNoTimeHasNoRate() {
    assertTrue(Double.isNaN(new DayRun(10, 0, Map.of(), 0, 0, 0, 0).eventsPerSecond()));
  }

  @Test
  void stageMillisGroupsItsSteps() {
    DayRun run = new DayRun(1, 1, Map.of("scores", 30L, "writes", 12L, "a_new_step", 5L), 0, 0, 0, 0);
    assertEquals(30L, run.stageMillis().get(Stage.SCORES));
    assertEquals(12L, run.stageMillis().get(Stage.WRITES));
    assertEquals(5L, run.stageMillis().get(Stage.OTHER));
  }
}
