package io.engagement.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.engagement.output.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ParallelTableWritesTest {
  private static final List<Tables> TABLES =
      List.of(Tables.USER_ENGAGEMENT, Tables.USER_STATE, Tables.ACCOUNT_ENGAGEMENT, Tables.SEGMENT_ENGAGEMENT,
          Tables.ACCOUNT_NPS, Tables.SEGMENT_NPS);

  @Test
  void returnsTheRowsOfEveryTableInTableOrder() {
    // Each write returns its table's position + 1, whatever order the threads finish in.
    var rows = ParallelTableWrites.writeAll(TABLES, t -> TABLES.indexOf(t) + 1L);
    assertEquals(TABLES.stream().map(Tables::tableName).toList(), new ArrayList<>(rows.keySet()));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), new ArrayList<>(rows.values()));
  }

  @Test
  void aFailedWriteWaitsForTheOthersAndKeepsTheirRowsInTableOrder() {
    Set<Tables> finished = ConcurrentHashMap.newKeySet();
    var failed =
        assertThrows(
            ParallelTableWrites.WriteFailed.class,
            () ->
                ParallelTableWrites.writeAll(
                    TABLES,
                    t -> {
                      if (t == Tables.USER_STATE) {
                        throw new IllegalStateException("disk full");
                      }
                      finished.add(t);
                      return 10L;
                    }));
    assertEquals(Tables.USER_STATE, failed.table());
    assertEquals("disk full", failed.getCause().getMessage());
    // Every other table was written before writeAll gave up, and is reported in table order.
    assertEquals(5, finished.size());
    assertEquals(
        TABLES.stream().filter(t -> t != Tables.USER_STATE).map(Tables::tableName).toList(),
        new ArrayList<>(failed.written().keySet()));
  }
}
