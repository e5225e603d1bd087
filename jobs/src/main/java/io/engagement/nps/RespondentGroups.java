package io.engagement.nps;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A respondent's groups on D (metrics.md 7 and 8): a scored user belongs where the roll-ups of D
 * put it, so every table of the day agrees; a respondent nobody scored on D has only what its
 * response says, its account (else 'unknown') and 'unknown' segments. Both nps_responses and the
 * NPS tables place respondents through this one step.
 */
final class RespondentGroups {
  /** Whether the respondent is a scored user on D: only those count in response_rate. */
  static final String SCORED = "_scored";

  private static final String PREFIX = "_day_";

  private RespondentGroups() {}

  /**
   * The responses with {@code account_id} and one column per segment set to the respondent's
   * groups on D (segment columns are added when missing), plus the boolean {@link #SCORED}.
   */
  static Dataset<Row> onDay(Dataset<Row> responses, Dataset<Row> scoredUsers, List<String> segments) {
    List<Column> dayGroups = new ArrayList<>();
    dayGroups.add(col(InputSchemas.USER_ID).as(PREFIX + InputSchemas.USER_ID));
    dayGroups.add(col(InputSchemas.ACCOUNT_ID).as(PREFIX + InputSchemas.ACCOUNT_ID));
    for (String segment : segments) {
      dayGroups.add(col(segment).as(PREFIX + segment));
    }
    Dataset<Row> users = scoredUsers.select(dayGroups.toArray(Column[]::new));

    Dataset<Row> joined =
        responses.join(
            users,
            responses.col(InputSchemas.USER_ID).equalTo(users.col(PREFIX + InputSchemas.USER_ID)),
            "left");
    Column scored = col(PREFIX + InputSchemas.USER_ID).isNotNull();
    Column unknown = lit(Columns.UNKNOWN);

    Dataset<Row> placed =
        joined
            .withColumn(
                InputSchemas.ACCOUNT_ID,
                when(scored, col(PREFIX + InputSchemas.ACCOUNT_ID))
                    .otherwise(coalesce(col(InputSchemas.ACCOUNT_ID), unknown)))
            .withColumn(SCORED, scored);
    for (String segment : segments) {
      placed =
          placed.withColumn(
              segment, when(scored, coalesce(col(PREFIX + segment), unknown)).otherwise(unknown));
    }
    for (String column : users.columns()) {
      placed = placed.drop(column);
    }
    return placed;
  }
}
