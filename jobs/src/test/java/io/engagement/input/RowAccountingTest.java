package io.engagement.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.testing.Events;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowAccountingTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");

  @Test
  void inputRowsAreCountedPerSourceOnTheRawDay() {
    RawDay raw =
        new RawDay(
            DAY,
            Events.builder()
                .full("a", "2026-11-03T09:00:00Z", "u1", null, "s1", "page_view", null, null, "web", null, null)
                .full("b", "2026-11-03T09:01:00Z", null, null, "s1", "page_view", null, null, "web", null, null)
                .full("b", "2026-11-03T09:01:00Z", null, null, "s1", "page_view", null, null, "web", null, null)
                .toDF(),
            TestFrames.of(InputSchemas.SURVEYS_SCHEMA).toDF(),
            TestFrames.of(InputSchemas.usersSchema(List.of()))
                .row("u1", "acc-1", TestFrames.date("2026-10-01"))
                .toDF());
    // 3 event rows (a duplicate is still an input row), no survey, 1 user; a source without rows is absent
    assertEquals(Map.of(InputSchemas.EVENTS, 3L, InputSchemas.USERS, 1L), RowAccounting.inputRows(raw));
  }

  @Test
  void eachTermComesFromItsOwnCount() {
    List<SourceCounts> validated =
        List.of(
            new SourceCounts(InputSchemas.EVENTS, 10, 8, 2),
            new SourceCounts(InputSchemas.SURVEYS, 0, 0, 0),
            new SourceCounts(InputSchemas.USERS, 4, 4, 0));
    List<SourceCounts> reconciled =
        RowAccounting.reconcile(
            validated,
            Map.of(InputSchemas.EVENTS, 11L, InputSchemas.USERS, 4L),
            Map.of(InputSchemas.EVENTS, 2L));
    // input from the raw count (11, not the validated 10), accepted from validation, rejected as written
    assertEquals(
        List.of(
            new SourceCounts(InputSchemas.EVENTS, 11, 8, 2),
            new SourceCounts(InputSchemas.SURVEYS, 0, 0, 0),
            new SourceCounts(InputSchemas.USERS, 4, 4, 0)),
        reconciled);
    assertFalse(reconciled.get(0).balanced());
    assertTrue(reconciled.get(1).balanced() && reconciled.get(2).balanced());
  }

  @Test
  void balancedCountsAreNoViolation() {
    assertEquals(
        Optional.empty(),
        RowAccounting.violation(
            DAY, List.of(new SourceCounts(InputSchemas.EVENTS, 10, 8, 2), SourceCounts.empty(InputSchemas.SURVEYS))));
  }

  @Test
  void aLostOrDuplicatedRowIsAViolationNamingTheSource() {
    String message =
        RowAccounting.violation(
                DAY,
                List.of(
                    // 11 - 8 - 2 = 1 row lost
                    new SourceCounts(InputSchemas.EVENTS, 11, 8, 2),
                    new SourceCounts(InputSchemas.SURVEYS, 3, 3, 0),
                    // 4 - 4 - 1 = -1: a row counted twice
                    new SourceCounts(InputSchemas.USERS, 4, 4, 1)))
            .orElseThrow();
    assertTrue(message.contains("2026-11-03"), message);
    assertTrue(message.contains("events: input 11 != accepted 8 + rejected 2 (+1 rows unaccounted for)"), message);
    assertTrue(message.contains("users: input 4 != accepted 4 + rejected 1 (-1 rows unaccounted for)"), message);
    assertFalse(message.contains("surveys"), message);
  }
}
