package io.engagement.sample;

import static io.engagement.input.InputSchemas.EVENTS_SCHEMA;
import static io.engagement.input.InputSchemas.EVENT_ID;
import static io.engagement.input.InputSchemas.EVENT_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class EventRowsTest {
  private static final LocalDate THURSDAY = LocalDate.parse("2026-10-01");

  @Test
  void chunksDependOnTheSpecOnly() {
    // ceil(10,000,000 / 500,000) = 20
    assertEquals(20, EventRows.chunks(10_000_000, 1_000_000));
    assertEquals(1, EventRows.chunks(10_000, 2_000));
    assertEquals(1, EventRows.chunks(0, 2_000));
    // never more chunks than users
    assertEquals(3, EventRows.chunks(10_000_000, 3));
  }

  @Test
  void aWeekAveragesTheRequestedVolumeWithLighterWeekends() {
    double week = 0;
    for (int day = 0; day < 7; day++) {
      week += EventRows.volumeFactor(42, THURSDAY.toEpochDay() + day);
    }
    // Weekdays 7 / (5 + 2 * 0.72) = 1.087, weekends 0.72 * 1.087 = 0.783, each +-2% noise.
    assertEquals(7, week, 7 * 0.02);
    double saturday = EventRows.volumeFactor(42, THURSDAY.plusDays(2).toEpochDay());
    double thursday = EventRows.volumeFactor(42, THURSDAY.toEpochDay());
    assertEquals(0.72, saturday / thursday, 0.72 * 0.05);
  }

  @Test
  void oneRowIn125IsBadCyclingThroughTheKinds() {
    Population population = new Population(42, 500, THURSDAY, THURSDAY);
    long day = THURSDAY.toEpochDay();
    List<Row> rows = new ArrayList<>();
    new EventRows(population, day, 0, 1, 20_000, population.signedUpWeight(day)).forEachRemaining(rows::add);
    long nullIds = rows.stream().filter(row -> row.isNullAt(EVENTS_SCHEMA.fieldIndex(EVENT_ID))).count();
    long nullTypes = rows.stream().filter(row -> row.isNullAt(EVENTS_SCHEMA.fieldIndex(EVENT_TYPE))).count();
    // About 20,000 rows: 160 bad ones, 160 / 7 = 23 of each kind.
    assertTrue(rows.size() > 16_000 && rows.size() < 24_000, rows.size() + " rows");
    long expectedPerKind = rows.size() / 125 / 7;
    assertEquals(expectedPerKind, nullIds, 2);
    assertEquals(expectedPerKind, nullTypes, 2);
  }
}
