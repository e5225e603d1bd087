package io.engagement.output;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void idsTellWhenAndForWhichDayAndNeverRepeat() {
    Instant now = Instant.parse("2026-11-03T10:15:00.250Z");
    LocalDate day = LocalDate.parse("2026-11-02");

    String first = RunIds.newRunId(day, now);
    String second = RunIds.newRunId(day, now);

    assertTrue(first.matches("20261103T101500Z-20261102-[0-9a-f]{8}"), first);
    assertNotEquals(first, second);
  }
}
