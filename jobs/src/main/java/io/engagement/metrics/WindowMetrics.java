package io.engagement.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.ConfigKeys;
import io.engagement.config.EngagementConfig;
import io.engagement.config.KpiConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The window metrics of metrics.md 3 for every scored user as of day D, from the window's
 * user_daily_activity rows (never from raw events) and the user state (first and last active
 * day over all history). A scored user without activity in the window gets the "no activity"
 * values of the spec: 0 everywhere, recency from history (null if never active).
 */
public final class WindowMetrics {
  private WindowMetrics() {}

  /**
   * Columns: user_id, account_id, the segment columns, total_visits, unique_visits, breadth,
   * depth, duration, recency, reliance, first_active_day, last_active_day, tenure_days, metrics.
   *
   * @param activityWindow user_daily_activity rows of D-W+1 .. D
   * @param scoredUsers {@link ScoredUsers#select} of D
   * @param groups {@link UserGroups#resolve} of D
   */
  public static Dataset<Row> compute(
      Dataset<Row> activityWindow,
      Dataset<Row> scoredUsers,
      Dataset<Row> groups,
      EngagementConfig config,
      LocalDate day) {
    LocalDate windowStart = day.minusDays(config.windowDays() - 1L);
    Dataset<Row> window =
        activityWindow.where(
            col(Columns.ACTIVITY_DATE).between(Date.valueOf(windowStart), Date.valueOf(day)));
    Dataset<Row> sums = WindowSums.of(window, config.actions(), List.copyOf(config.kpis().values()));
    Column today = lit(Date.valueOf(day));

    Dataset<Row> joined =
        scoredUsers
            .join(sums, InputSchemas.USER_ID, "left")
            .join(groups, InputSchemas.USER_ID, "left");

    Column totalVisits = coalesce(col(WindowSums.VISITS), lit(0L));
    Column uniqueVisits = coalesce(col(WindowSums.ACTIVE_DAYS), lit(0L));
    Column earliest = least(col(InputSchemas.SIGNUP_DATE), col(Columns.FIRST_ACTIVE_DAY));
    Column tenure = coalesce(datediff(today, earliest).plus(1), lit(1));
    int minReliance = config.minRelianceDays();
    Column relianceDays = greatest(lit(minReliance), least(lit(config.windowDays()), col(Columns.TENURE_DAYS)));

    Map<String, Column> named = new LinkedHashMap<>();
    named.put(Columns.TOTAL_VISITS, totalVisits);
    named.put(Columns.UNIQUE_VISITS, uniqueVisits);
    named.put(Columns.BREADTH, coalesce(col(WindowSums.BREADTH), lit(0L)));
    named.put(Columns.DEPTH, perVisit(col(WindowSums.EVENTS), totalVisits));
    named.put(Columns.DURATION, perVisit(col(WindowSums.DURATION), totalVisits));
    named.put(Columns.RECENCY, datediff(today, col(Columns.LAST_ACTIVE_DAY)));

    Dataset<Row> visitMetrics = joined.withColumn(Columns.TENURE_DAYS, tenure);
    for (Map.Entry<String, Column> e : named.entrySet()) {
      visitMetrics = visitMetrics.withColumn(e.getKey(), e.getValue());
    }
    visitMetrics =
        visitMetrics.withColumn(
            Columns.RELIANCE, col(Columns.UNIQUE_VISITS).cast("double").divide(relianceDays));

    List<Column> metricEntries = new ArrayList<>();
    for (String metric : ConfigKeys.VISIT_METRICS) {
      metricEntries.add(lit(metric));
      metricEntries.add(col(metric).cast("double"));
    }
    Column activeDays = greatest(lit(minReliance), col(Columns.UNIQUE_VISITS));
    for (String action : config.actions()) {
      Column count = coalesce(col(WindowSums.actionCount(action)), lit(0L));
      Column days = coalesce(col(WindowSums.actionDays(action)), lit(0L));
      metricEntries.add(lit(ConfigKeys.actionMetric(action, "count")));
      metricEntries.add(count.cast("double"));
      metricEntries.add(lit(ConfigKeys.actionMetric(action, "days")));
      metricEntries.add(days.cast("double"));
      metricEntries.add(lit(ConfigKeys.actionMetric(action, "reliance")));
      metricEntries.add(days.cast("double").divide(activeDays));
    }
    for (KpiConfig kpi : config.kpis().values()) {
      metricEntries.add(lit(kpi.name()));
      metricEntries.add(coalesce(col(WindowSums.kpiValue(kpi.name())), lit(0.0)));
    }

    List<Column> out = new ArrayList<>();
    out.add(col(InputSchemas.USER_ID));
    out.add(coalesce(col(InputSchemas.ACCOUNT_ID), lit(Columns.UNKNOWN)).as(InputSchemas.ACCOUNT_ID));
    config.segments().forEach(s -> out.add(coalesce(col(s), lit(Columns.UNKNOWN)).as(s)));
    ConfigKeys.VISIT_METRICS.forEach(m -> out.add(col(m)));
    out.add(col(Columns.FIRST_ACTIVE_DAY));
    out.add(col(Columns.LAST_ACTIVE_DAY));
    out.add(col(Columns.TENURE_DAYS));
    out.add(functions.map(metricEntries.toArray(Column[]::new)).as(Columns.METRICS));
    return visitMetrics.select(out.toArray(Column[]::new));
  }

  /** Mean per visit, 0 when there was no visit. */
  private static Column perVisit(Column total, Column visits) {
    return when(visits.gt(0), coalesce(total, lit(0)).cast("double").divide(visits)).otherwise(lit(0.0));
  }
}
