package io.engagement.nps;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.engagement.config.NpsConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.testing.TestFrames;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Schemas, config records and row helpers shared by the NPS tests. */
final class NpsFixtures {
  static final LocalDate DAY = LocalDate.parse("2026-11-03");
  static final List<String> PLAN = List.of("plan");

  private NpsFixtures() {}

  static NpsConfig nps(int windowDays, int minResponses, String... surveys) {
    return new NpsConfig(windowDays, minResponses, List.of(surveys));
  }

  /** The projection of user_engagement(D) the NPS steps receive. */
  static StructType scoredUsersSchema(List<String> segments) {
    StructType schema =
        new StructType().add(InputSchemas.USER_ID, StringType).add(InputSchemas.ACCOUNT_ID, StringType);
    for (String segment : segments) {
      schema = schema.add(segment, StringType);
    }
    return schema
        .add(Columns.SCORE, DoubleType)
        .add(Columns.ENGAGEMENT_BAND, StringType)
        .add(Columns.UNIQUE_VISITS, LongType)
        .add(Columns.SCORE_DATE, DateType);
  }

  /** A scored user on {@link #DAY} with one segment (plan); score and band do not matter here. */
  static TestFrames scoredUsers() {
    return TestFrames.of(scoredUsersSchema(PLAN));
  }

  static TestFrames addScoredUser(TestFrames frames, String user, String account, String plan) {
    return frames.row(user, account, plan, 50.0, Columns.BAND_MID, 1L, DAY);
  }

  /** nps_responses with the given segment columns. */
  static StructType responsesSchema(List<String> segments) {
    StructType schema =
        new StructType()
            .add(InputSchemas.RESPONSE_ID, StringType)
            .add(InputSchemas.RESPONSE_TIME, TimestampType)
            .add(Columns.RESPONSE_DATE, DateType)
            .add(InputSchemas.USER_ID, StringType)
            .add(InputSchemas.ACCOUNT_ID, StringType);
    for (String segment : segments) {
      schema = schema.add(segment, StringType);
    }
    return schema
        .add(InputSchemas.SURVEY, StringType)
        .add(InputSchemas.SCORE, IntegerType)
        .add(Columns.CATEGORY, StringType)
        .add(InputSchemas.COMMENT, StringType)
        .add(InputSchemas.CHANNEL, StringType);
  }

  /** nps_responses rows with one segment (plan). */
  static TestFrames responses() {
    return TestFrames.of(responsesSchema(PLAN));
  }

  /**
   * One nps_responses row (segment plan), answered at noon UTC of its date.
   */
  static TestFrames addResponse(
      TestFrames frames,
      String responseId,
      LocalDate date,
      String user,
      String account,
      String plan,
      String survey,
      int score,
      String category) {
    return addResponseAt(
        frames, responseId, date + "T12:00:00Z", date, user, account, plan, survey, score, category);
  }

  static TestFrames addResponseAt(
      TestFrames frames,
      String responseId,
      String time,
      LocalDate date,
      String user,
      String account,
      String plan,
      String survey,
      int score,
      String category) {
    return frames.row(
        responseId, TestFrames.ts(time), date, user, account, plan, survey, score, category, null, "email");
  }
}
