package io.engagement.activity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;

import io.engagement.config.EngagementConfig;
import io.engagement.config.KpiConfig;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
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

  private DailyActivity() {}

  /**
   * Columns: user_id, activity_date, visits, events, duration_seconds, features_used,
   * channels_used, event_counts, kpi_values, first_event_time, last_event_time, event_account_id.
   *
   * <p>One pass over the day's events: they are shuffled once, by user, sorted within each user in
   * {@link Visits#order()}, and each user's events are folded into one row as they stream past
   * ({@link UserDayFold}). Computing the result runs the shuffle: Spark's adaptive execution runs
   * a query's shuffles as soon as its rows are asked for, and the fold asks for them here.
   */
  public static Dataset<Row> build(Dataset<Row> events, EngagementConfig config, LocalDate day) {
    List<KpiConfig> kpis = List.copyOf(config.kpis().values());
    UserDayFold fold = new UserDayFold(config.visitTimeoutMinutes(), kpis);
    RDD<InternalRow> sorted =
        ((org.apache.spark.sql.classic.Dataset<Row>) sortedEvents(events, config))
            .queryExecution()
            .toRdd();
    Dataset<Row> folded =
        events.sparkSession().createDataFrame(sorted.toJavaRDD().mapPartitions(fold), fold.outputSchema());
    return folded.select(
        col(InputSchemas.USER_ID),
        lit(java.sql.Date.valueOf(day)).as(Columns.ACTIVITY_DATE),
        col(Columns.VISITS),
        col(Columns.EVENTS),
        // Summed in whole microseconds, then converted once: a sum of doubles would depend on the
        // order of the visits.
        col(UserDayFold.DURATION_MICROS).cast("double").divide(1_000_000.0).as(Columns.DURATION_SECONDS),
        col(UserDayFold.FEATURES).as(Columns.FEATURES_USED),
        col(UserDayFold.CHANNELS).as(Columns.CHANNELS_USED),
        functions.map_from_arrays(col(UserDayFold.EVENT_NAMES), col(UserDayFold.EVENT_NAME_COUNTS)).as(Columns.EVENT_COUNTS),
        kpiValues(kpis).as(Columns.KPI_VALUES),
        timestamp_micros(col(UserDayFold.FIRST_MICROS)).as(Columns.FIRST_EVENT_TIME),
        timestamp_micros(col(UserDayFold.LAST_MICROS)).as(Columns.LAST_EVENT_TIME),
        col(Columns.EVENT_ACCOUNT_ID));
  }

  /**
   * What the fold reads: its columns, shuffled by user and sorted within each task by user and
   * {@link Visits#order()} ({@link UserDayFold#order()}).
   */
  static Dataset<Row> sortedEvents(Dataset<Row> events, EngagementConfig config) {
    List<KpiConfig> kpis = List.copyOf(config.kpis().values());
    return events
        .select(UserDayFold.inputColumns(config.visitEventTypes(), kpis))
        .repartition(col(InputSchemas.USER_ID))
        .sortWithinPartitions(UserDayFold.order());
  }

  private static Column kpiValues(List<KpiConfig> kpis) {
    if (kpis.isEmpty()) {
      return functions.map().cast("map<string,double>");
    }
    List<Column> entries = new ArrayList<>();
    for (int i = 0; i < kpis.size(); i++) {
      entries.add(lit(kpis.get(i).name()));
      entries.add(col(UserDayFold.kpiColumn(i)));
    }
    return functions.map(entries.toArray(Column[]::new));
  }
}
