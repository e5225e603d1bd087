package io.engagement.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engagement.config.EngagementConfig;
import io.engagement.output.Columns;
import io.engagement.output.TableReader;
import io.engagement.output.Tables;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A few lines that tell a person, after a run, what the day looks like for the whole business:
 * what customers do, what they say, and where the two disagree. Read back from the written
 * tables, so it shows what analysts will see.
 */
final class RunSummary {
  private RunSummary() {}

  static void print(SparkSession spark, EngagementConfig config, LocalDate day, PrintStream out) {
    TableReader reader = new TableReader(spark, config.outputRoot());
    out.println();
    out.println("Summary for " + day + " (tables under " + config.outputRoot() + "):");
    businessRow(reader, Tables.SEGMENT_ENGAGEMENT, day)
        .ifPresent(
            r ->
                out.printf(
                    "  do:  %d users scored, %d active; mean engagement score %.1f (median %.1f);"
                        + " bands low %d / mid %d / high %d%n",
                    r.<Long>getAs(Columns.USERS), r.<Long>getAs(Columns.ACTIVE_USERS),
                    r.<Double>getAs(Columns.MEAN_SCORE), r.<Double>getAs(Columns.MEDIAN_SCORE),
                    r.<Long>getAs(Columns.LOW_USERS), r.<Long>getAs(Columns.MID_USERS),
                    r.<Long>getAs(Columns.HIGH_USERS)));
    Optional<Row> nps = businessRow(reader, Tables.SEGMENT_NPS, day);
    if (nps.isPresent()) {
      Row r = nps.get();
      out.printf(
          "  say: NPS %+.1f ± %.1f over the last %d days (%d respondents%s)%n",
          r.<Double>getAs(Columns.NPS), r.<Double>getAs(Columns.MARGIN_OF_ERROR), config.nps().windowDays(),
          r.<Long>getAs(Columns.RESPONDENTS), r.<Boolean>getAs(Columns.LOW_SAMPLE) ? ", low sample" : "");
    } else {
      out.println("  say: no NPS responses in the window");
    }
    businessRow(reader, Tables.SAY_DO_SEGMENTS, day)
        .ifPresent(
            r ->
                out.printf(
                    "  say vs do: %d promoters with low engagement, %d detractors with high engagement%n",
                    r.<Long>getAs(Columns.PROMOTER_LOW_ENGAGEMENT), r.<Long>getAs(Columns.DETRACTOR_HIGH_ENGAGEMENT)));
    long alerts = reader.readDays(Tables.ENGAGEMENT_ALERTS, day, day).map(Dataset::count).orElse(0L);
    out.printf("  alerts: %d (see engagement_alerts)%n", alerts);
  }

  private static Optional<Row> businessRow(TableReader reader, Tables table, LocalDate day) {
    return reader
        .readDays(table, day, day)
        .map(
            rows ->
                rows.where(col(Columns.SEGMENT_DIMENSION).equalTo(lit(Columns.ALL))
                        .and(col(Columns.SEGMENT_VALUE).equalTo(lit(Columns.ALL))))
                    .collectAsList())
        .filter(l -> !l.isEmpty())
        .map(l -> l.get(0));
  }
}
