package io.engagement.activity;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.engagement.config.EngagementConfig;
import io.engagement.config.KpiConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per user and day with at least one valid event (metrics.md 2): the day's visits and
 * what the user touched, counted and measured. The user's account is resolved later (it needs
 * the users dimension and history), so this step only records {@code event_account_id}, the
 * latest non-null account_id among the day's events.
 */
public final class DailyActivity {
  /** The columns {@link #build} returns; user_daily_activity adds the resolved account_id. */
  public static final StructType SCHEMA =
      new StructType()
          .add(InputSchemas.USER_ID, DataTypes.StringType)
          .add(Columns.ACTIVITY_DATE, DataTypes.DateType)
          .add(Columns.VISITS, DataTypes.LongType)
          .add(Columns.EVENTS, DataTypes.LongType)
          .add(Columns.DURATION_SECONDS, DataTypes.DoubleType)
          .add(Columns.FEATURES_USED, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.CHANNELS_USED, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.EVENT_COUNTS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
          .add(Columns.KPI_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add(Columns.FIRST_EVENT_TIME, DataTypes.TimestampType)
          .add(Columns.LAST_EVENT_TIME, DataTypes.TimestampType)
          .add(Columns.EVENT_ACCOUNT_ID, DataTypes.StringType);

  private static final String KPI_CONTRIBUTION_PREFIX = "_kpi_";

  private DailyActivity() {}

  /**
   * Columns: user_id, activity_date, visits, events, duration_seconds, features_used,
   * channels_used, event_counts, kpi_values, first_event_time, last_event_time, event_account_id.
   */
  public static Dataset<Row> build(Dataset<Row> events, EngagementConfig config, LocalDate day) {
    Dataset<Row> perUser = eventAggregates(events, config);
    Dataset<Row> visits = visitAggregates(events, config);
    Dataset<Row> eventCounts = eventCounts(events);
    return perUser
        .join(visits, InputSchemas.USER_ID, "left")
        .join(eventCounts, InputSchemas.USER_ID, "left")
        .select(
            col(InputSchemas.USER_ID),
            lit(java.sql.Date.valueOf(day)).as(Columns.ACTIVITY_DATE),
            functions.coalesce(col(Columns.VISITS), lit(0L)).as(Columns.VISITS),
            functions.coalesce(col(Columns.EVENTS), lit(0L)).as(Columns.EVENTS),
            functions.coalesce(col(Columns.DURATION_SECONDS), lit(0.0)).as(Columns.DURATION_SECONDS),
            col(Columns.FEATURES_USED),
            col(Columns.CHANNELS_USED),
            functions.coalesce(col(Columns.EVENT_COUNTS), functions.map().cast("map<string,bigint>")).as(Columns.EVENT_COUNTS),
            col(Columns.KPI_VALUES),
            col(Columns.FIRST_EVENT_TIME),
            col(Columns.LAST_EVENT_TIME),
            col(Columns.EVENT_ACCOUNT_ID));
  }

  /** Everything that is one aggregation over all the user's events of the day. */
  private static Dataset<Row> eventAggregates(Dataset<Row> events, EngagementConfig config) {
    List<Column> kpiEntries = new ArrayList<>();
    Dataset<Row> withContributions = events;
    int i = 0;
    for (KpiConfig kpi : config.kpis().values()) {
      String contribution = KPI_CONTRIBUTION_PREFIX + i++;
      withContributions = withContributions.withColumn(contribution, KpiMeasures.contribution(kpi));
      kpiEntries.add(lit(kpi.name()));
      kpiEntries.add(KpiMeasures.dailyAggregate(kpi, col(contribution)));
    }
    Column kpiValues =
        kpiEntries.isEmpty()
            ? functions.map().cast("map<string,double>")
            : functions.map(kpiEntries.toArray(Column[]::new));
    Column accountOrder =
        when(col(InputSchemas.ACCOUNT_ID).isNotNull(), struct(col(InputSchemas.EVENT_TIME), col(InputSchemas.EVENT_ID)));
    return withContributions
        .groupBy(col(InputSchemas.USER_ID))
        .agg(
            array_sort(collect_set(col(InputSchemas.FEATURE))).as(Columns.FEATURES_USED),
            array_sort(collect_set(col(InputSchemas.CHANNEL))).as(Columns.CHANNELS_USED),
            kpiValues.as(Columns.KPI_VALUES),
            functions.min(col(InputSchemas.EVENT_TIME)).as(Columns.FIRST_EVENT_TIME),
            functions.max(col(InputSchemas.EVENT_TIME)).as(Columns.LAST_EVENT_TIME),
            functions.max_by(col(InputSchemas.ACCOUNT_ID), accountOrder).as(Columns.EVENT_ACCOUNT_ID));
  }

  private static Dataset<Row> visitAggregates(Dataset<Row> events, EngagementConfig config) {
    Dataset<Row> visitEvents = events.where(Visits.formsVisit(config.visitEventTypes()));
    // Summed in whole microseconds, then converted once: a sum of doubles depends on the order of
    // the visits, which depends on how the input is split, and a rerun must give the same bits.
    Column durationMicros = col(Visits.VISIT_END_MICROS).minus(col(Visits.VISIT_START_MICROS));
    return Visits.of(visitEvents, config.visitTimeoutMinutes())
        .groupBy(col(InputSchemas.USER_ID))
        .agg(
            functions.count(lit(1)).as(Columns.VISITS),
            functions.sum(col(Visits.VISIT_EVENTS)).as(Columns.EVENTS),
            functions.sum(durationMicros).cast("double").divide(1_000_000.0).as(Columns.DURATION_SECONDS));
  }

  /** event_name -> count over events with a non-null event_name, whatever their type. */
  private static Dataset<Row> eventCounts(Dataset<Row> events) {
    return events
        .where(col(InputSchemas.EVENT_NAME).isNotNull())
        .groupBy(col(InputSchemas.USER_ID), col(InputSchemas.EVENT_NAME))
        .agg(functions.count(lit(1)).as("_count"))
        .groupBy(col(InputSchemas.USER_ID))
        .agg(
            functions.map_from_entries(
                    array_sort(collect_list(struct(col(InputSchemas.EVENT_NAME), col("_count")))))
                .as(Columns.EVENT_COUNTS));
  }
}
