package io.engagement.rollups;

import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * user_engagement rows reduced to what the roll-ups read, with two segment dimensions
 * ({@code plan}, {@code region}). Component scores: visits = the score, actions given, kpis null
 * (a component that does not take part in the score).
 */
final class UserEngagementFrames {
  static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  static final StructType SCHEMA =
      new StructType()
          .add("user_id", DataTypes.StringType)
          .add("account_id", DataTypes.StringType)
          .add("plan", DataTypes.StringType)
          .add("region", DataTypes.StringType)
          .add("score_date", DataTypes.DateType)
          .add("unique_visits", DataTypes.LongType)
          .add("visits_score", DataTypes.DoubleType)
          .add("actions_score", DataTypes.DoubleType)
          .add("kpis_score", DataTypes.DoubleType)
          .add("score", DataTypes.DoubleType)
          .add("engagement_band", DataTypes.StringType);

  private final TestFrames frames = TestFrames.of(SCHEMA);

  static UserEngagementFrames rows() {
    return new UserEngagementFrames();
  }

  UserEngagementFrames user(
      String userId, String accountId, String plan, long uniqueVisits, double actionsScore, double score, String band) {
    frames.row(userId, accountId, plan, "eu", DAY, uniqueVisits, score, actionsScore, null, score, band);
    return this;
  }

  Dataset<Row> toDF() {
    return frames.toDF();
  }
}
