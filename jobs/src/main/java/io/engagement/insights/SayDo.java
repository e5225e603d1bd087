package io.engagement.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.SayDoConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.scoring.EngagementBand;
import io.engagement.spark.DeterministicStatistics;
import io.engagement.rollups.SegmentGroups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Say vs do (metrics.md 9): what a user says (its counted NPS answer) beside what it does (its
 * engagement score). The flags point at the two groups worth a call: promoters who barely use the
 * product (praise that may not last) and heavy users who are unhappy (a churn risk that usage
 * alone would hide). Only scored users have a "do", so respondents nobody scored are left out.
 */
public final class SayDo {
  /** Pearson's r over fewer points says nothing: 2 points always lie on a line. */
  private static final int MIN_CORRELATION_RESPONDENTS = 3;

  private static final String PAST_USER = "_past_user_id";
  private static final String PAST_DATE = "_past_score_date";
  private static final String PAST_SCORE = "_past_score";

  private SayDo() {}

  /**
   * @param counted the counted responses of D (CountedResponses), columns of nps_responses
   * @param scoredUsers one row per user scored on D: user_id, account_id, the segments, score
   * @param scoreHistory user_engagement rows of earlier days: user_id, score_date, score (rows
   *     of {@code day} or later are ignored: D's score comes from scoredUsers)
   * @return say_do of D: user_id, account_id, the segment columns, response_id, response_date,
   *     nps_score, nps_category, score, score_at_response, engagement_band, flag, score_date
   */
  public static Dataset<Row> perUser(
      Dataset<Row> counted,
      Dataset<Row> scoredUsers,
      Dataset<Row> scoreHistory,
      SayDoConfig bands,
      List<String> segments,
      LocalDate day) {
    Dataset<Row> responses =
        counted.select(
            col(InputSchemas.USER_ID),
            col(InputSchemas.RESPONSE_ID),
            col(Columns.RESPONSE_DATE),
            col(InputSchemas.SCORE).as(Columns.NPS_SCORE),
            col(Columns.CATEGORY).as(Columns.NPS_CATEGORY));
    List<Column> userColumns = new ArrayList<>();
    userColumns.add(col(InputSchemas.USER_ID));
    userColumns.add(col(InputSchemas.ACCOUNT_ID));
    segments.forEach(s -> userColumns.add(coalesce(col(s), lit(Columns.UNKNOWN)).as(s)));
    userColumns.add(col(Columns.SCORE));
    Dataset<Row> users = scoredUsers.select(userColumns.toArray(Column[]::new));
    Dataset<Row> pastScores =
        scoreHistory
            .filter(col(Columns.SCORE_DATE).lt(lit(day)))
            .select(
                col(InputSchemas.USER_ID).as(PAST_USER),
                col(Columns.SCORE_DATE).as(PAST_DATE),
                col(Columns.SCORE).as(PAST_SCORE));

    Dataset<Row> joined =
        responses
            .join(users, InputSchemas.USER_ID)
            .join(
                pastScores,
                col(InputSchemas.USER_ID)
                    .equalTo(col(PAST_USER))
                    .and(col(Columns.RESPONSE_DATE).equalTo(col(PAST_DATE))),
                "left");

    Column scoreAtResponse =
        when(col(Columns.RESPONSE_DATE).equalTo(lit(day)), col(Columns.SCORE))
            .otherwise(col(PAST_SCORE));
    Column band = EngagementBand.of(col(Columns.SCORE), bands);

    List<Column> out = new ArrayList<>();
    out.add(col(InputSchemas.USER_ID));
    out.add(col(InputSchemas.ACCOUNT_ID));
    segments.forEach(s -> out.add(col(s)));
    out.add(col(InputSchemas.RESPONSE_ID));
    out.add(col(Columns.RESPONSE_DATE));
    out.add(col(Columns.NPS_SCORE));
    out.add(col(Columns.NPS_CATEGORY));
    out.add(col(Columns.SCORE));
    out.add(scoreAtResponse.as(Columns.SCORE_AT_RESPONSE));
    out.add(band.as(Columns.ENGAGEMENT_BAND));
    out.add(flag(col(Columns.NPS_CATEGORY), band).as(Columns.FLAG));
    out.add(lit(day).as(Columns.SCORE_DATE));
    return joined.select(out.toArray(Column[]::new));
  }

  /**
   * @param sayDo say_do rows of one day
   * @return say_do_segments, ('all', 'all') included, one row per group with respondents:
   *     segment_dimension, segment_value, respondents, promoter_low_engagement,
   *     detractor_high_engagement, aligned, neutral, correlation, score_date
   */
  public static Dataset<Row> perSegment(Dataset<Row> sayDo, List<String> segments) {
    Column flag = col(Columns.FLAG);
    Column said = col(Columns.NPS_SCORE).cast("double");
    Column did = col(Columns.SCORE);
    Dataset<Row> counts =
        SegmentGroups.explodeToGroups(sayDo, segments)
            .groupBy(
                col(Columns.SEGMENT_DIMENSION), col(Columns.SEGMENT_VALUE), col(Columns.SCORE_DATE))
            .agg(
                count(lit(1)).as(Columns.RESPONDENTS),
                countFlag(flag, Columns.PROMOTER_LOW_ENGAGEMENT),
                countFlag(flag, Columns.DETRACTOR_HIGH_ENGAGEMENT),
                countFlag(flag, Columns.ALIGNED),
                countFlag(flag, Columns.NEUTRAL),
                DeterministicStatistics.correlation(said, did, MIN_CORRELATION_RESPONDENTS)
                    .as(Columns.CORRELATION));
    return counts.select(
        col(Columns.SEGMENT_DIMENSION),
        col(Columns.SEGMENT_VALUE),
        col(Columns.RESPONDENTS),
        col(Columns.PROMOTER_LOW_ENGAGEMENT),
        col(Columns.DETRACTOR_HIGH_ENGAGEMENT),
        col(Columns.ALIGNED),
        col(Columns.NEUTRAL),
        col(Columns.CORRELATION),
        col(Columns.SCORE_DATE));
  }

  /** The say-vs-do flag of a category and an engagement band (metrics.md 9). */
  static Column flag(Column category, Column band) {
    Column promoter = category.equalTo(Columns.PROMOTER);
    Column detractor = category.equalTo(Columns.DETRACTOR);
    Column low = band.equalTo(Columns.BAND_LOW);
    Column high = band.equalTo(Columns.BAND_HIGH);
    return when(promoter.and(low), lit(Columns.PROMOTER_LOW_ENGAGEMENT))
        .when(detractor.and(high), lit(Columns.DETRACTOR_HIGH_ENGAGEMENT))
        .when(promoter.and(high).or(detractor.and(low)), lit(Columns.ALIGNED))
        .otherwise(lit(Columns.NEUTRAL));
  }

  private static Column countFlag(Column flag, String value) {
    return count(when(flag.equalTo(value), lit(1))).as(value);
  }
}
