package io.engagement.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");

  @Test
  void rejectedShareAboveTheMaximumIsAViolation() {
    // 6 / 100 = 0.06 > 0.05
    Optional<String> message =
        QualityGate.rejectedShareViolation(DAY, new SourceCounts("events", 100, 94, 6), 0.05);
    assertTrue(message.isPresent());
    String m = message.get();
    assertTrue(m.contains("events") && m.contains("6 of 100"), m);
    assertTrue(m.contains("engagement.quality.max-rejected-fraction"), m);
    assertTrue(m.contains("inspect rejected_records and job_runs for 2026-11-03"), m);
  }

  @Test
  void rejectedShareAtTheMaximumIsNoViolation() {
    // 5 / 100 = 0.05, not more than 0.05
    assertEquals(
        Optional.empty(),
        QualityGate.rejectedShareViolation(DAY, new SourceCounts("surveys", 100, 95, 5), 0.05));
  }

  @Test
  void aSourceWithoutRowsHasNoShare() {
    assertEquals(
        Optional.empty(), QualityGate.rejectedShareViolation(DAY, SourceCounts.empty("surveys"), 0.05));
  }

  @Test
  void everyRowRejectedAtAZeroMaximum() {
    // 1 / 1 = 1 > 0; and 0 / 10 = 0 is not > 0
    assertTrue(QualityGate.rejectedShareViolation(DAY, new SourceCounts("users", 1, 0, 1), 0.0).isPresent());
    assertEquals(
        Optional.empty(), QualityGate.rejectedShareViolation(DAY, new SourceCounts("users", 10, 10, 0), 0.0));
  }

  @Test
  void volumeBelowHalfTheMedianOfSevenDaysIsAViolation() {
    // sorted 80 90 95 100 105 110 120: median 100; 0.5 * 100 = 50; 49 < 50
    List<Long> previous = List.of(100L, 90L, 110L, 95L, 105L, 120L, 80L);
    Optional<String> message = QualityGate.volumeViolation(DAY, 49, previous, 0.5);
    assertTrue(message.isPresent());
    String m = message.get();
    assertTrue(m.contains("49") && m.contains("100") && m.contains("7"), m);
    assertTrue(m.contains("engagement.quality.min-volume-ratio"), m);
    assertTrue(m.contains("inspect rejected_records and job_runs for 2026-11-03"), m);
    // 50 is not fewer than 50
    assertEquals(Optional.empty(), QualityGate.volumeViolation(DAY, 50, previous, 0.5));
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    // 10..80: middle values 40 and 50, median 45; 0.5 * 45 = 22.5; 22 < 22.5, 23 is not
    List<Long> previous = List.of(80L, 10L, 70L, 20L, 60L, 30L, 50L, 40L);
    assertTrue(QualityGate.volumeViolation(DAY, 22, previous, 0.5).isPresent());
    assertEquals(Optional.empty(), QualityGate.volumeViolation(DAY, 23, previous, 0.5));
  }

  @Test
  void anEmptyDayAfterSevenDaysFailsUnlessTheVolumeGateIsOff() {
    // median 100; 0 < 0.5 * 100 = 50; with a ratio of 0 the bar is 0 * 100 = 0, and 0 is not fewer
    List<Long> previous = List.of(100L, 100L, 100L, 100L, 100L, 100L, 100L);
    assertTrue(QualityGate.volumeViolation(DAY, 0, previous, 0.5).isPresent());
    assertEquals(Optional.empty(), QualityGate.volumeViolation(DAY, 0, previous, 0.0));
  }

  @Test
  void fewerThanSevenPreviousDaysNeverJudgeVolume() {
    List<Long> previous = List.of(100L, 100L, 100L, 100L, 100L, 100L);
    assertEquals(Optional.empty(), QualityGate.volumeViolation(DAY, 0, previous, 0.5));
  }
}
