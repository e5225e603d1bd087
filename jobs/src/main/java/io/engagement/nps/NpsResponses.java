package io.engagement.nps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The day's rows of nps_responses (metrics.md 8): every valid response of D, whatever its survey,
 * so a later change of {@code engagement.nps.surveys} can recount history without the raw input.
 * Each response is stored with its respondent's groups on D and its NPS category.
 */
public final class NpsResponses {
  private NpsResponses() {}

  /**
   * @param acceptedSurveys the valid, de-duplicated responses of {@code day} (SURVEYS_SCHEMA)
   * @param scoredUsers one row per user scored on {@code day}: user_id, account_id, the segments
   * @return response_id, response_time, response_date, user_id, account_id, the segment columns
   *     in config order, survey, score, category, comment, channel
   */
  public static Dataset<Row> forDay(
      Dataset<Row> acceptedSurveys, Dataset<Row> scoredUsers, List<String> segments, LocalDate day) {
    Dataset<Row> placed = RespondentGroups.onDay(acceptedSurveys, scoredUsers, segments);
    List<Column> columns = new ArrayList<>();
    columns.add(col(InputSchemas.RESPONSE_ID));
    columns.add(col(InputSchemas.RESPONSE_TIME));
    columns.add(lit(day).as(Columns.RESPONSE_DATE));
    columns.add(col(InputSchemas.USER_ID));
    columns.add(col(InputSchemas.ACCOUNT_ID));
    segments.forEach(segment -> columns.add(col(segment)));
    columns.add(col(InputSchemas.SURVEY));
    columns.add(col(InputSchemas.SCORE));
    columns.add(category(col(InputSchemas.SCORE)).as(Columns.CATEGORY));
    columns.add(col(InputSchemas.COMMENT));
    columns.add(col(InputSchemas.CHANNEL));
    return placed.select(columns.toArray(Column[]::new));
  }

  /** promoter 9-10, passive 7-8, detractor 0-6; scores are already validated to 0..10. */
  static Column category(Column score) {
    return when(score.geq(9), lit(Columns.PROMOTER))
        .when(score.geq(7), lit(Columns.PASSIVE))
        .otherwise(lit(Columns.DETRACTOR));
  }
}
