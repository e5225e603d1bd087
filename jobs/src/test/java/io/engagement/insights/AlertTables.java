package io.engagement.insights;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The four roll-up tables for alert tests, reduced to the columns the detector reads. Series are
 * written as arrays of daily values whose last element is D and whose earlier elements are the
 * days just before it; {@link Double#NaN} marks a day without a row.
 */
final class AlertTables {
  static final LocalDate DAY = LocalDate.parse("2026-11-03");

  private static final StructType ACCOUNT_ENGAGEMENT =
      new StructType()
          .add(InputSchemas.ACCOUNT_ID, StringType)
          .add(Columns.USERS, LongType)
          .add(Columns.ACTIVE_USERS, LongType)
          .add(Columns.MEAN_SCORE, DoubleType)
          .add(Columns.SCORE_DATE, DateType);
  private static final StructType SEGMENT_ENGAGEMENT =
      new StructType()
          .add(Columns.SEGMENT_DIMENSION, StringType)
          .add(Columns.SEGMENT_VALUE, StringType)
          .add(Columns.USERS, LongType)
          .add(Columns.ACTIVE_USERS, LongType)
          .add(Columns.MEAN_SCORE, DoubleType)
          .add(Columns.SCORE_DATE, DateType);
  private static final StructType ACCOUNT_NPS =
      new StructType()
          .add(InputSchemas.ACCOUNT_ID, StringType)
          .add(Columns.NPS, DoubleType)
          .add(Columns.LOW_SAMPLE, BooleanType)
          .add(Columns.SCORE_DATE, DateType);
  private static final StructType SEGMENT_NPS =
      new StructType()
          .add(Columns.SEGMENT_DIMENSION, StringType)
          .add(Columns.SEGMENT_VALUE, StringType)
          .add(Columns.NPS, DoubleType)
          .add(Columns.LOW_SAMPLE, BooleanType)
          .add(Columns.SCORE_DATE, DateType);

  private final List<Object[]> accountEngagement = new ArrayList<>();
  private final List<Object[]> segmentEngagement = new ArrayList<>();
  private final List<Object[]> accountNps = new ArrayList<>();
  private final List<Object[]> segmentNps = new ArrayList<>();

  /** A constant series: {@code days} baseline days of {@code value}, then D's value. */
  static double[] flat(int days, double value, double today) {
    double[] series = new double[days + 1];
    java.util.Arrays.fill(series, value);
    series[days] = today;
    return series;
  }

  /** The baseline values, then D's value. */
  static double[] series(double today, double... baseline) {
    double[] out = java.util.Arrays.copyOf(baseline, baseline.length + 1);
    out[baseline.length] = today;
    return out;
  }

  /** An account whose users count is {@code users} every day. */
  AlertTables account(String account, long users, double[] meanScore, double[] activeUsers) {
    for (int i = 0; i < meanScore.length; i++) {
      if (!Double.isNaN(meanScore[i])) {
        accountEngagement.add(
            new Object[] {account, users, (long) activeUsers[i], meanScore[i], dayOf(i, meanScore.length)});
      }
    }
    return this;
  }

  AlertTables segment(
      String dimension, String value, long users, double[] meanScore, double[] activeUsers) {
    for (int i = 0; i < meanScore.length; i++) {
      if (!Double.isNaN(meanScore[i])) {
        segmentEngagement.add(
            new Object[] {
              dimension, value, users, (long) activeUsers[i], meanScore[i], dayOf(i, meanScore.length)
            });
      }
    }
    return this;
  }

  /** low_sample applies to D's row; baseline rows are not low. */
  AlertTables accountNps(String account, double[] nps, boolean lowSampleToday) {
    for (int i = 0; i < nps.length; i++) {
      if (!Double.isNaN(nps[i])) {
        accountNps.add(
            new Object[] {account, nps[i], i == nps.length - 1 && lowSampleToday, dayOf(i, nps.length)});
      }
    }
    return this;
  }

  AlertTables segmentNps(String dimension, String value, double[] nps, boolean lowSampleToday) {
    for (int i = 0; i < nps.length; i++) {
      if (!Double.isNaN(nps[i])) {
        segmentNps.add(
            new Object[] {
              dimension, value, nps[i], i == nps.length - 1 && lowSampleToday, dayOf(i, nps.length)
            });
      }
    }
    return this;
  }

  AnomalyInputs inputs() {
    return new AnomalyInputs(
        split(ACCOUNT_ENGAGEMENT, accountEngagement),
        split(SEGMENT_ENGAGEMENT, segmentEngagement),
        split(ACCOUNT_NPS, accountNps),
        split(SEGMENT_NPS, segmentNps));
  }

  private static LocalDate dayOf(int index, int length) {
    return DAY.minusDays(length - 1L - index);
  }

  private static TodayAndHistory split(StructType schema, List<Object[]> rows) {
    TestFrames today = TestFrames.of(schema);
    TestFrames history = TestFrames.of(schema);
    int dateField = schema.fieldNames().length - 1;
    for (Object[] row : rows) {
      (DAY.equals(row[dateField]) ? today : history).row(row);
    }
    Dataset<Row> todayRows = today.toDF();
    return new TodayAndHistory(todayRows, history.toDF());
  }
}
