package io.engagement.scoring;

import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Window metrics rows as the metrics stage hands them to the scorer: typed visit columns, one
 * segment column ({@code plan}) and the {@code metrics} map. The typed columns are filled from the
 * map so that a row stays consistent; the scorer reads only the map.
 */
final class WindowMetricsFrames {
  static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("plan", DataTypes.StringType)
          .add("total_visits", DataTypes.LongType)
          .add("unique_visits", DataTypes.LongType)
          .add("breadth", DataTypes.LongType)
          .add("depth", DataTypes.DoubleType)
          .add("duration", DataTypes.DoubleType)
          .add("recency", DataTypes.IntegerType)
          .add("reliance", DataTypes.DoubleType)
          .add("first_active_day", DataTypes.DateType)
          .add("last_active_day", DataTypes.DateType)
          .add("tenure_days", DataTypes.IntegerType)
          .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, true));

  static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  private final List<Object[]> rows = new ArrayList<>();

  static WindowMetricsFrames rows() {
    return new WindowMetricsFrames();
  }

  /** A user with the given metrics; visit metrics missing from the map are 0 (recency: null). */
  WindowMetricsFrames user(String userId, String accountId, String plan, Map<String, Double> metrics) {
    Double recency = metrics.get("recency");
    LocalDate last = recency == null ? null : DAY.minusDays(recency.longValue());
    rows.add(
        new Object[] {
          userId,
          accountId,
          plan,
          metrics.getOrDefault("total_visits", 0.0).longValue(),
          metrics.getOrDefault("unique_visits", 0.0).longValue(),
          metrics.getOrDefault("breadth", 0.0).longValue(),
          metrics.getOrDefault("depth", 0.0),
          metrics.getOrDefault("duration", 0.0),
          recency == null ? null : recency.intValue(),
          metrics.getOrDefault("reliance", 0.0),
          last == null ? null : DAY.minusDays(27),
          last,
          28,
          metrics
        });
    return this;
  }

  Dataset<Row> toDF() {
    TestFrames frames = TestFrames.of(SCHEMA);
    rows.forEach(frames::row);
    return frames.toDF();
  }
}
