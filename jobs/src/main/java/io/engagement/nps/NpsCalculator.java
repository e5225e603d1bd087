package io.engagement.nps;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.NpsConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.rollups.SegmentGroups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.jdk.javaapi.CollectionConverters;

/**
 * NPS per group on D (metrics.md 8): counts, score, its 95% margin of error, response rate and a
 * low-sample mark. The margin is the adjusted Wald interval (add 3 pseudo-answers spread over the
 * categories) because the plain Wald interval claims certainty at the extremes: 30 promoters out
 * of 30 would get a margin of 0. Respondents are placed in their groups of D, as in every other
 * table of the day. The result has no nps_change_7d yet: SevenDayChange adds it.
 */
public final class NpsCalculator {
  private static final String SCORED_RESPONDENTS = "_scored_respondents";

  private NpsCalculator() {}

  /**
   * @param counted the counted responses of D (CountedResponses), columns of nps_responses
   * @param scoredUsers one row per user scored on D: user_id, account_id (and more, ignored)
   * @return account_nps of D: account_id, respondents, promoters, passives, detractors, nps,
   *     margin_of_error, response_rate, low_sample, score_date
   */
  public static Dataset<Row> accountNps(
      Dataset<Row> counted, Dataset<Row> scoredUsers, NpsConfig nps, LocalDate day) {
    Dataset<Row> respondents = RespondentGroups.onDay(counted, scoredUsers, List.of());
    Dataset<Row> users =
        scoredUsers.groupBy(InputSchemas.ACCOUNT_ID).agg(count(lit(1)).as(Columns.USERS));
    return summarise(respondents, users, List.of(InputSchemas.ACCOUNT_ID), nps, day);
  }

  /**
   * @param scoredUsers one row per user scored on D: user_id, account_id, the segment columns
   * @return segment_nps of D, the business row ('all', 'all') included: segment_dimension,
   *     segment_value, respondents, promoters, passives, detractors, nps, margin_of_error,
   *     response_rate, low_sample, score_date
   */
  public static Dataset<Row> segmentNps(
      Dataset<Row> counted,
      Dataset<Row> scoredUsers,
      List<String> segments,
      NpsConfig nps,
      LocalDate day) {
    Dataset<Row> respondents =
        SegmentGroups.explodeToGroups(
            RespondentGroups.onDay(counted, scoredUsers, segments), segments);
    Dataset<Row> users =
        SegmentGroups.explodeToGroups(scoredUsers, segments)
            .groupBy(Columns.SEGMENT_DIMENSION, Columns.SEGMENT_VALUE)
            .agg(count(lit(1)).as(Columns.USERS));
    return summarise(
        respondents, users, List.of(Columns.SEGMENT_DIMENSION, Columns.SEGMENT_VALUE), nps, day);
  }

  private static Dataset<Row> summarise(
      Dataset<Row> respondents,
      Dataset<Row> users,
      List<String> keys,
      NpsConfig nps,
      LocalDate day) {
    Dataset<Row> counts =
        respondents
            .groupBy(keys.stream().map(functions::col).toArray(Column[]::new))
            .agg(
                count(lit(1)).as(Columns.RESPONDENTS),
                countWhere(col(Columns.CATEGORY).equalTo(Columns.PROMOTER)).as(Columns.PROMOTERS),
                countWhere(col(Columns.CATEGORY).equalTo(Columns.PASSIVE)).as(Columns.PASSIVES),
                countWhere(col(Columns.CATEGORY).equalTo(Columns.DETRACTOR)).as(Columns.DETRACTORS),
                countWhere(col(RespondentGroups.SCORED)).as(SCORED_RESPONDENTS));
    Dataset<Row> withUsers =
        counts.join(users, CollectionConverters.asScala(keys).toSeq(), "left");

    Column n = col(Columns.RESPONDENTS).cast("double");
    Column promoters = col(Columns.PROMOTERS).cast("double");
    Column detractors = col(Columns.DETRACTORS).cast("double");
    Column usersOnDay = coalesce(col(Columns.USERS), lit(0L));

    List<Column> out = new ArrayList<>();
    keys.forEach(key -> out.add(col(key)));
    out.add(col(Columns.RESPONDENTS));
    out.add(col(Columns.PROMOTERS));
    out.add(col(Columns.PASSIVES));
    out.add(col(Columns.DETRACTORS));
    out.add(lit(100.0).multiply(promoters.minus(detractors)).divide(n).as(Columns.NPS));
    out.add(marginOfError(promoters, detractors, n).as(Columns.MARGIN_OF_ERROR));
    out.add(
        when(
                usersOnDay.gt(0),
                col(SCORED_RESPONDENTS).cast("double").divide(usersOnDay.cast("double")))
            .as(Columns.RESPONSE_RATE));
    out.add(col(Columns.RESPONDENTS).lt(nps.minResponses()).as(Columns.LOW_SAMPLE));
    out.add(lit(day).as(Columns.SCORE_DATE));
    return withUsers.select(out.toArray(Column[]::new));
  }

  /**
   * 95% adjusted Wald margin of the difference of two shares, in NPS points:
   * {@code 196 * sqrt((pP' + pD' - (pP' - pD')^2) / n')} with {@code n' = n + 3},
   * {@code pP' = (P + 0.75) / n'}, {@code pD' = (D + 0.75) / n'}.
   */
  static Column marginOfError(Column promoters, Column detractors, Column n) {
    Column nAdjusted = n.plus(3.0);
    Column pPromoters = promoters.plus(0.75).divide(nAdjusted);
    Column pDetractors = detractors.plus(0.75).divide(nAdjusted);
    Column variance =
        pPromoters.plus(pDetractors).minus(pow(pPromoters.minus(pDetractors), 2)).divide(nAdjusted);
    return lit(196.0).multiply(sqrt(variance));
  }

  private static Column countWhere(Column condition) {
    return count(when(condition, lit(1)));
  }
}
