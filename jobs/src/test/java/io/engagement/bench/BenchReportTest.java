package io.engagement.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.bench.BenchReport.HistoryBuild;
import io.engagement.bench.BenchReport.HistoryComparison;
import io.engagement.bench.BenchReport.SizeResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static DayRun took(long millis) {
    return new DayRun(1000, millis, Map.of(), 0, 0, 0, 0);
  }

  @Test
  void theJobScanRatioIsRunTimeOverScanTime() {
    // 90 s run / 7.5 s scan = 12.
    assertEquals(12.0, new SizeResult(1000, 10, took(90_000), 7_500).jobScanRatio(), 1e-9);
    assertTrue(Double.isNaN(new SizeResult(1000, 10, took(90_000), 0).jobScanRatio()));
  }

  @Test
  void historyIndependenceIsLongOverShortAgainstTheTarget() {
    // 66 s / 60 s = 1.1 <= 1.2; 73.2 s / 60 s = 1.22 > 1.2.
    HistoryComparison within = new HistoryComparison(1000, 10, 28, 365, took(60_000), took(66_000));
    assertEquals(1.1, within.ratio(), 1e-9);
    assertTrue(within.meetsTarget());
    HistoryComparison above = new HistoryComparison(1000, 10, 28, 365, took(60_000), took(73_200));
    assertEquals(1.22, above.ratio(), 1e-9);
    assertFalse(above.meetsTarget());
  }

  @Test
  void aHistoryBuildsSecondsPerDay() {
    // 560 s over 28 days = 20 s a day.
    assertEquals(20.0, new HistoryBuild(10, 28, 28, 1000, 0, 10, 560, 0).secondsPerRealDay(), 1e-9);
  }

  @Test
  void aCopiedHistoryTimesOnlyTheDaysTheJobRan() {
    // 365 days, 7 run by the job in 280 s = 40 s each; 365 - 7 = 358 copied.
    HistoryBuild copied = new HistoryBuild(10, 365, 7, 1000, 276, 10, 280, 90);
    assertEquals(40.0, copied.secondsPerRealDay(), 1e-9);
    assertEquals(358, copied.copiedDays());
  }
}
