package io.engagement.pipeline;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What earlier runs wrote that day D needs, each a bounded read (the cost of a day never grows
 * with the length of history). Empty when the table does not exist yet (the first runs); the
 * pipeline then treats it as "no rows", with the schema of the day's own output.
 *
 * @param activityWindow user_daily_activity of D-W+1 .. D-1
 * @param previousState user_state of the latest processed day before D
 * @param npsResponses nps_responses of D-npsW+1 .. D-1
 * @param scores user_engagement of D-npsW+1 .. D-1, for score_at_response
 * @param accountEngagement account_engagement of D-baseline .. D-1 (trends, alerts)
 * @param segmentEngagement segment_engagement of D-baseline .. D-1
 * @param accountNps account_nps of D-baseline .. D-1
 * @param segmentNps segment_nps of D-baseline .. D-1
 */
public record DayHistory(
    Optional<Dataset<Row>> activityWindow,
    Optional<Dataset<Row>> previousState,
    Optional<Dataset<Row>> npsResponses,
    Optional<Dataset<Row>> scores,
    Optional<Dataset<Row>> accountEngagement,
    Optional<Dataset<Row>> segmentEngagement,
    Optional<Dataset<Row>> accountNps,
    Optional<Dataset<Row>> segmentNps) {

  /** No history at all: the first day ever processed. */
  public static DayHistory none() {
    return new DayHistory(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
