package io.engagement.rollups;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.median;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExactMedianTest {
  private static final StructType ROWS =
      new StructType().add("g", DataTypes.StringType).add("x", DataTypes.DoubleType);
  private static final StructType MEDIANS =
      new StructType().add("g", DataTypes.StringType).add("m", DataTypes.DoubleType);

  @Test
  void theMiddleValueOrTheMeanOfTheTwoMiddleValues() {
    Dataset<Row> rows =
        TestFrames.of(ROWS)
            // odd: 1, 3, 7 -> 3
            .row("odd", 7.0).row("odd", 1.0).row("odd", 3.0)
            // even: 1, 2, 10, 40 -> (2 + 10) / 2 = 6
            .row("even", 40.0).row("even", 2.0).row("even", 10.0).row("even", 1.0)
            // even with equal middles: 5, 5 -> 5
            .row("tie", 5.0).row("tie", 5.0)
            // nulls are skipped: 4, 8 -> 6
            .row("nulls", null).row("nulls", 8.0).row("nulls", 4.0)
            // a null group is a group: 9
            .row(null, 9.0)
            // all null: no row
            .row("none", null)
            .toDF();
    DataFrameAssertions.assertSameRows(
        TestFrames.of(MEDIANS)
            .row("odd", 3.0).row("even", 6.0).row("tie", 5.0).row("nulls", 6.0).row(null, 9.0)
            .toDF(),
        ExactMedian.of(rows, List.of("g"), "x", "m"));
  }

  /**
   * The roll-ups used Spark's own exact median before; the same numbers must come out, to the
   * last bit, on groups of every size parity, with ties and with values whose mean rounds.
   */
  @Test
  void sameBitsAsSparksMedian() {
    SplittableRandom random = new SplittableRandom(7);
    TestFrames frames = TestFrames.of(ROWS);
    for (int g = 0; g < 60; g++) {
      int size = 1 + random.nextInt(40);
      for (int i = 0; i < size; i++) {
        double x = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextDouble() * 100.0 / 3.0;
        frames.row("g" + g, x);
      }
    }
    Dataset<Row> rows = frames.toDF();
    List<Row> ours = ExactMedian.of(rows, List.of("g"), "x", "m").orderBy("g").collectAsList();
    List<Row> sparks = rows.groupBy("g").agg(median(col("x")).as("m")).orderBy("g").collectAsList();
    assertEquals(60, ours.size());
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      if (Double.doubleToLongBits(ours.get(i).getDouble(1)) != Double.doubleToLongBits(sparks.get(i).getDouble(1))) {
        mismatches.add(ours.get(i) + " vs " + sparks.get(i));
      }
    }
    assertEquals(List.of(), mismatches);
  }
}
