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

  private static final String KPI_PREFIX = "_kpi_";
  private static final String EVENT_NAMES = "_event_names";

  private DailyActivity() {}

  /**
   * Columns: user_id, activity_date, visits, events, duration_seconds, features_used,
   * channels_used, event_counts, kpi_values, first_event_time, last_event_time, event_account_id.
   *
   * <p>One pass over the day's events: they are shuffled once, by user, and sorted by user to
   * mark visits ({@link Visits#mark}); the marked events then come user by user, so one
   * aggregation per user streams over them (a sort aggregate, with
   * {@code spark.sql.execution.replaceHashWithSortAgg}) and nothing is shuffled or sorted again.
   */
  public static Dataset<Row> build(Dataset<Row> events, EngagementConfig config, LocalDate day) {
    List<KpiConfig> kpis = List.copyOf(config.kpis().values());
    Dataset<Row> marked =
        Visits.mark(withKpiContributions(events, kpis), config.visitEventTypes(), config.visitTimeoutMinutes());
    return marked
        .groupBy(col(InputSchemas.USER_ID))
        .agg(
            functions.sum(col(Visits.STARTS_VISIT)).as(Columns.VISITS),
            functions.sum(col(Visits.IN_VISIT)).as(Columns.EVENTS),
            // Summed in whole microseconds, then converted once: a sum of doubles depends on the
            // order of the visits, and a rerun must give the same bits.
            functions.sum(col(Visits.GAP_MICROS)).cast("double").divide(1_000_000.0).as(Columns.DURATION_SECONDS),
            array_sort(collect_set(col(InputSchemas.FEATURE))).as(Columns.FEATURES_USED),
            array_sort(collect_set(col(InputSchemas.CHANNEL))).as(Columns.CHANNELS_USED),
            array_sort(collect_list(col(InputSchemas.EVENT_NAME))).as(EVENT_NAMES),
            kpiValues(kpis).as(Columns.KPI_VALUES),
            functions.min(col(InputSchemas.EVENT_TIME)).as(Columns.FIRST_EVENT_TIME),
            functions.max(col(InputSchemas.EVENT_TIME)).as(Columns.LAST_EVENT_TIME),
            functions.max_by(col(InputSchemas.ACCOUNT_ID), latestAccountOrder()).as(Columns.EVENT_ACCOUNT_ID))
        .select(
            col(InputSchemas.USER_ID),
            lit(java.sql.Date.valueOf(day)).as(Columns.ACTIVITY_DATE),
            col(Columns.VISITS),
            col(Columns.EVENTS),
            col(Columns.DURATION_SECONDS),
            col(Columns.FEATURES_USED),
            col(Columns.CHANNELS_USED),
            countsOfSorted(col(EVENT_NAMES)).as(Columns.EVENT_COUNTS),
            col(Columns.KPI_VALUES),
            col(Columns.FIRST_EVENT_TIME),
            col(Columns.LAST_EVENT_TIME),
            col(Columns.EVENT_ACCOUNT_ID));
  }

  /** What each event contributes to each KPI, computed once per event (KpiMeasures#contribution). */
  private static Dataset<Row> withKpiContributions(Dataset<Row> events, List<KpiConfig> kpis) {
    Dataset<Row> out = events;
    for (int i = 0; i < kpis.size(); i++) {
      out = out.withColumn(KPI_PREFIX + i, KpiMeasures.contribution(kpis.get(i)));
    }
    return out;
  }

  private static Column kpiValues(List<KpiConfig> kpis) {
    if (kpis.isEmpty()) {
      return functions.map().cast("map<string,double>");
    }
    List<Column> entries = new ArrayList<>();
    for (int i = 0; i < kpis.size(); i++) {
      entries.add(lit(kpis.get(i).name()));
      entries.add(KpiMeasures.dailyAggregate(kpis.get(i), col(KPI_PREFIX + i)));
    }
    return functions.map(entries.toArray(Column[]::new));
  }

  /** Orders the events that carry an account_id by time, ties by event_id; null for the others. */
  private static Column latestAccountOrder() {
    return when(col(InputSchemas.ACCOUNT_ID).isNotNull(), struct(col(InputSchemas.EVENT_TIME), col(InputSchemas.EVENT_ID)));
  }

  /**
   * value -> count of a sorted array without nulls. Equal values are adjacent, so a value's count
   * is the distance from its first position to the next distinct value's first position (or past
   * the end): a few scans per distinct value, where counting by a second aggregation would need a
   * second grouping of the day's events.
   */
  static Column countsOfSorted(Column sorted) {
    Column distinct = functions.array_distinct(sorted);
    Column pastTheEnd = functions.size(sorted).plus(1).cast("long");
    Column counts =
        functions.transform(
            distinct,
            (value, i) ->
                functions.coalesce(functions.array_position(sorted, functions.get(distinct, i.plus(1))), pastTheEnd)
                    .minus(functions.array_position(sorted, value)));
    return functions.map_from_arrays(distinct, counts);
  }
}
