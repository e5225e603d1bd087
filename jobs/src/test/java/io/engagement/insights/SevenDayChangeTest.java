package io.engagement.insights;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.output.Columns;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SevenDayChangeTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-03");
  private static final LocalDate WEEK_AGO = LocalDate.parse("2026-10-27");

  private static final StructType SEGMENTS =
      new StructType()
          .add(Columns.SEGMENT_DIMENSION, StringType)
          .add(Columns.SEGMENT_VALUE, StringType)
          .add(Columns.ACTIVE_USERS, LongType)
          .add(Columns.MEAN_SCORE, DoubleType)
          .add(Columns.SCORE_DATE, DateType);

  private static final List<String> KEYS =
      List.of(Columns.SEGMENT_DIMENSION, Columns.SEGMENT_VALUE);

  private static Dataset<Row> today() {
    return TestFrames.of(SEGMENTS)
        .row("plan", "pro", 10L, 60.0, DAY)
        .row("plan", "free", 20L, 50.0, DAY)
        .row("region", "pro", 30L, 40.0, DAY)
        .row("all", "all", 60L, 45.0, DAY)
        .toDF();
  }

  private static Dataset<Row> history() {
    return TestFrames.of(SEGMENTS)
        .row("plan", "pro", 12L, 55.0, WEEK_AGO)
        // another day than D-7: ignored
        .row("plan", "pro", 1L, 10.0, LocalDate.parse("2026-10-28"))
        // free has only D-8: no value at D-7
        .row("plan", "free", 25L, 45.0, LocalDate.parse("2026-10-26"))
        // same value, other dimension: a key is every key column
        .row("region", "free", 7L, 1.0, WEEK_AGO)
        .row("region", "pro", 33L, 41.5, WEEK_AGO)
        // a stale row of D (a rerun) is not a week ago
        .row("all", "all", 1L, 1.0, DAY)
        .toDF();
  }

  @Test
  void meanScoreChange() {
    Dataset<Row> actual =
        SevenDayChange.add(
            today(), history(), KEYS, Columns.SCORE_DATE, Columns.MEAN_SCORE,
            Columns.MEAN_SCORE_CHANGE_7D, DAY);

    StructType schema =
        new StructType()
            .add(Columns.SEGMENT_DIMENSION, StringType)
            .add(Columns.SEGMENT_VALUE, StringType)
            .add(Columns.ACTIVE_USERS, LongType)
            .add(Columns.MEAN_SCORE, DoubleType)
            .add(Columns.MEAN_SCORE_CHANGE_7D, DoubleType)
            .add(Columns.SCORE_DATE, DateType);
    Dataset<Row> expected =
        TestFrames.of(schema)
            .row("plan", "pro", 10L, 60.0, 5.0, DAY) // 60 - 55
            .row("plan", "free", 20L, 50.0, null, DAY) // no value on D-7
            .row("region", "pro", 30L, 40.0, -1.5, DAY) // 40 - 41.5
            .row("all", "all", 60L, 45.0, null, DAY) // only a row of D in history
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    // the change sits before the date column, which stays last
    assertEquals(List.of(schema.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void activeUsersChangeIsACountDifference() {
    Dataset<Row> actual =
        SevenDayChange.add(
            today(), history(), KEYS, Columns.SCORE_DATE, Columns.ACTIVE_USERS,
            Columns.ACTIVE_USERS_CHANGE_7D, DAY);

    Dataset<Row> expected =
        TestFrames.of(
                new StructType()
                    .add(Columns.SEGMENT_DIMENSION, StringType)
                    .add(Columns.SEGMENT_VALUE, StringType)
                    .add(Columns.ACTIVE_USERS, LongType)
                    .add(Columns.MEAN_SCORE, DoubleType)
                    .add(Columns.ACTIVE_USERS_CHANGE_7D, LongType)
                    .add(Columns.SCORE_DATE, DateType))
            .row("plan", "pro", 10L, 60.0, -2L, DAY) // 10 - 12
            .row("plan", "free", 20L, 50.0, null, DAY)
            .row("region", "pro", 30L, 40.0, -3L, DAY) // 30 - 33
            .row("all", "all", 60L, 45.0, null, DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }
}
