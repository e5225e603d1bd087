package io.engagement.nps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.engagement.config.NpsConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The responses that NPS counts on D (metrics.md 8): one per user, its latest response of a
 * configured survey within the trailing window. Counting one answer per user keeps a user who
 * answers often from weighing more than one who answers once. Validation happens upstream: an
 * invalid later answer never reaches this step, so it cannot hide a valid earlier one.
 */
public final class CountedResponses {
  private static final String RANK = "_rank";

  private CountedResponses() {}

  /**
   * @param npsResponsesWindow nps_responses rows (any days; those outside the window are ignored)
   * @return the input's rows and columns, at most one row per user: the latest response_time,
   *     ties broken by the largest response_id
   */
  public static Dataset<Row> latestPerUser(
      Dataset<Row> npsResponsesWindow, NpsConfig nps, LocalDate day) {
    LocalDate first = day.minusDays(nps.windowDays() - 1L);
    Dataset<Row> inWindow =
        npsResponsesWindow.filter(col(Columns.RESPONSE_DATE).between(lit(first), lit(day)));
    if (!nps.surveys().isEmpty()) {
      inWindow = inWindow.filter(col(InputSchemas.SURVEY).isin(nps.surveys().toArray()));
    }
    WindowSpec latestFirst =
        Window.partitionBy(InputSchemas.USER_ID)
            .orderBy(col(InputSchemas.RESPONSE_TIME).desc(), col(InputSchemas.RESPONSE_ID).desc());
    return inWindow
        .withColumn(RANK, row_number().over(latestFirst))
        .filter(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
