package io.engagement.insights;

import static io.engagement.insights.AlertTables.DAY;
import static io.engagement.insights.AlertTables.flat;
import static io.engagement.insights.AlertTables.series;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.engagement.config.AnomalyConfig;
import io.engagement.output.Columns;
import io.engagement.testing.DataFrameAssertions;
import io.engagement.testing.TestFrames;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  /** The defaults of contract.md: 28 baseline days, z 3, 20 users, changes 5 / 10 / 10%. */
  private static final AnomalyConfig DEFAULTS = new AnomalyConfig(28, 3.0, 20, 5.0, 10.0, 0.1);

  private static final StructType ALERTS =
      new StructType()
          .add(Columns.SCOPE, StringType)
          .add(Columns.KEY, StringType)
          .add(Columns.METRIC, StringType)
          .add(Columns.VALUE, DoubleType)
          .add(Columns.BASELINE_MEAN, DoubleType)
          .add(Columns.BASELINE_STD, DoubleType)
          .add(Columns.BASELINE_DAYS, IntegerType)
          .add(Columns.Z, DoubleType)
          .add(Columns.DIRECTION, StringType)
          .add(Columns.SCORE_DATE, DateType);

  /**
   * A baseline of 7 values: 60, 62, 58, 61, 59, 60, 60. Sum 420, mean 60; deviations 0, 2, -2,
   * 1, -1, 0, 0; squares sum 0+4+4+1+1+0+0 = 10; stddev_samp = sqrt(10/6) = 1.2910.
   */
  private static final double[] WOBBLE = {60, 62, 58, 61, 59, 60, 60};

  private static final double WOBBLE_STD = Math.sqrt(10.0 / 6);

  /**
   * NPS baseline: 30, 40, 20, 30, 35, 25, 30. Sum 210, mean 30; deviations 0, 10, -10, 0, 5, -5,
   * 0; squares sum 0+100+100+0+25+25+0 = 250; stddev_samp = sqrt(250/6) = 6.4550.
   */
  private static final double[] NPS_WOBBLE = {30, 40, 20, 30, 35, 25, 30};

  private static final double NPS_STD = Math.sqrt(250.0 / 6);

  @Test
  void aSharpDropOfOneSegmentRaisesExactlyOneAlert() {
    // pro's baseline has a day without a row (NaN): it is skipped, 7 values remain
    double[] proMeanScore = {60, Double.NaN, 62, 58, 61, 59, 60, 60, 45};
    AlertTables tables =
        new AlertTables()
            // business: 58 vs 60 -> z = -2/1.2910 = -1.55, |z| < 3
            .segment("all", "all", 100, series(58, WOBBLE), flat(7, 80, 80))
            // pro: 45 vs 60 -> z = -15/1.2910 = -11.62; |45-60| = 15 >= 5; 20 users >= 20
            .segment("plan", "pro", 20, proMeanScore, flat(9 - 1, 15, 15))
            .segment("plan", "free", 80, flat(7, 50, 50), flat(7, 65, 65))
            // a1: 61 vs 60 -> z = 1/1.2910 = 0.77
            .account("a1", 100, series(61, WOBBLE), flat(7, 80, 80))
            // NPS: 32 vs 30 -> z = 2/6.4550 = 0.31
            .segmentNps("all", "all", series(32, NPS_WOBBLE), false)
            .accountNps("a1", series(32, NPS_WOBBLE), false);

    Dataset<Row> actual = AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY);

    Dataset<Row> expected =
        TestFrames.of(ALERTS)
            .row("segment", "plan=pro", "mean_score", 45.0, 60.0, WOBBLE_STD, 7, -15 / WOBBLE_STD, "down", DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
    assertEquals(List.of(ALERTS.fieldNames()), List.of(actual.columns()));
  }

  @Test
  void aMoveOffAFlatBaselineAlertsWithoutAZ() {
    // D-29 .. D: D-29 (index 0) lies outside the 28-day baseline D-28 .. D-1, so its 0 does not
    // break the flat run of 100 on D-7 .. D-1 (indices 22..28); D (index 29) has 80
    double[] activeUsers = new double[30];
    double[] meanScore = new double[30];
    Arrays.fill(activeUsers, Double.NaN);
    Arrays.fill(meanScore, Double.NaN);
    activeUsers[0] = 0;
    meanScore[0] = 70;
    for (int i = 22; i <= 29; i++) {
      activeUsers[i] = i == 29 ? 80 : 100;
      meanScore[i] = 70;
    }
    AlertTables tables = new AlertTables().segment("all", "all", 100, meanScore, activeUsers);

    Dataset<Row> actual = AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY);

    // baseline 7 x 100: mean 100, std 0, z null; 80 != 100 and |80-100| = 20 >= 0.1*100 = 10.
    // mean_score stays on its flat 70: no alert.
    Dataset<Row> expected =
        TestFrames.of(ALERTS)
            .row("business", "all", "active_users", 80.0, 100.0, 0.0, 7, null, "down", DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }

  @Test
  void aValueOnItsFlatBaselineRaisesNothing() {
    AlertTables tables =
        new AlertTables()
            .segment("all", "all", 100, flat(10, 70, 70), flat(10, 100, 100))
            .account("a1", 100, flat(10, 70, 70), flat(10, 100, 100))
            .accountNps("a1", flat(10, 20, 20), false);

    assertEquals(0, AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY).count());
  }

  @Test
  void fewerThanSevenBaselineValuesRaiseNothing() {
    // 6 baseline values (60, 62, 58, 61, 59, 60) then a drop to 45 that 7 values would flag
    AlertTables tables =
        new AlertTables()
            .segment("plan", "pro", 100, series(45, 60, 62, 58, 61, 59, 60), flat(6, 15, 15));

    assertEquals(0, AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY).count());
  }

  @Test
  void aChangeBelowTheMinimumRaisesNothing() {
    // baseline 60, 60.1, 59.9, 60, 60.1, 59.9, 60: mean 60, squares 0.04 -> std sqrt(0.04/6) = 0.0816;
    // 57 gives z = -3/0.0816 = -36.7 but |57-60| = 3 < 5 points
    AlertTables tables =
        new AlertTables()
            .segment(
                "plan", "pro", 100, series(57, 60, 60.1, 59.9, 60, 60.1, 59.9, 60), flat(7, 15, 15));

    assertEquals(0, AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY).count());
  }

  @Test
  void aGroupUnderTheMinimumUsersRaisesNothing() {
    // the drop of the first test, in a group of 19 users (< 20)
    AlertTables tables =
        new AlertTables().segment("plan", "pro", 19, series(45, WOBBLE), flat(7, 15, 15));

    assertEquals(0, AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY).count());
  }

  @Test
  void npsAlertsOnlyForGroupsWithEnoughAnswersAndUsers() {
    // each account: NPS falls from the NPS_WOBBLE baseline (mean 30) to -10:
    // z = -40/6.4550 = -6.20, |-10-30| = 40 >= 10 points
    AlertTables tables =
        new AlertTables()
            // a1: low_sample on D -> no alert
            .account("a1", 30, flat(7, 50, 50), flat(7, 20, 20))
            .accountNps("a1", series(-10, NPS_WOBBLE), true)
            // a2: enough answers, 30 users -> alert
            .account("a2", 30, flat(7, 50, 50), flat(7, 20, 20))
            .accountNps("a2", series(-10, NPS_WOBBLE), false)
            // a3: enough answers but 10 users (< 20) on D -> no alert
            .account("a3", 10, flat(7, 50, 50), flat(7, 5, 5))
            .accountNps("a3", series(-10, NPS_WOBBLE), false);

    Dataset<Row> actual = AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY);

    Dataset<Row> expected =
        TestFrames.of(ALERTS)
            .row("account", "a2", "nps", -10.0, 30.0, NPS_STD, 7, -40 / NPS_STD, "down", DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }

  @Test
  void activeUsersNeedAChangeOfAShareOfTheBaselineMean() {
    // baseline 100, 102, 98, 101, 99, 100, 100: mean 100, std sqrt(10/6) = 1.2910 (as WOBBLE + 40);
    // the minimum change is 0.1 * 100 = 10 users
    double[] activeBaseline = {100, 102, 98, 101, 99, 100, 100};
    AlertTables tables =
        new AlertTables()
            // 91: z = -9/1.2910 = -6.97, but |91-100| = 9 < 10 -> none
            .account("a1", 200, flat(7, 50, 50), series(91, activeBaseline))
            // 89: |89-100| = 11 >= 10, z = -11/1.2910 = -8.52
            .account("a2", 200, flat(7, 50, 50), series(89, activeBaseline))
            // 112: |112-100| = 12 >= 10, z = 12/1.2910 = 9.30, up
            .account("a3", 200, flat(7, 50, 50), series(112, activeBaseline));

    Dataset<Row> actual = AnomalyDetector.detect(tables.inputs(), DEFAULTS, DAY);

    Dataset<Row> expected =
        TestFrames.of(ALERTS)
            .row("account", "a2", "active_users", 89.0, 100.0, WOBBLE_STD, 7, -11 / WOBBLE_STD, "down", DAY)
            .row("account", "a3", "active_users", 112.0, 100.0, WOBBLE_STD, 7, 12 / WOBBLE_STD, "up", DAY)
            .toDF();
    DataFrameAssertions.assertSameRows(expected, actual);
  }
}
