package io.engagement.metrics;

import static org.apache.spark.sql.functions.col;

import io.engagement.config.KpiConfig;
import io.engagement.config.KpiConfig.Aggregation;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.spark.KeyRuns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Per-user sums over the window's user_daily_activity rows (metrics.md 3): visits, active days,
 * events, duration, the distinct features, and per action and KPI the window's count, active days
 * and value. Users without a row in the window get no row here.
 *
 * <p>The rows are shuffled by user and sorted by user and day, and each user's days are folded as
 * they stream past. A Spark aggregation was the obvious way, but the distinct features need a
 * collected list, which turns the whole aggregation into an object aggregation: it builds an
 * aggregation buffer per group on both sides of the shuffle, and past 128 groups a task sorts its
 * buffers too. A user appears once per day of the window, so the map-side half reduced nothing,
 * and building the buffers was most of the scores stage (benchmarks/README.md, change 27).
 *
 * <p>Days are added in date order, so the window's sums of doubles (duration, KPIs) come out the
 * same bits however the history's files are split into tasks.
 */
final class WindowSums implements FlatMapFunction<Iterator<InternalRow>, Row> {
  static final String VISITS = "_visits";
  static final String ACTIVE_DAYS = "_active_days";
  static final String EVENTS = "_events";
  static final String DURATION = "_duration";
  static final String BREADTH = "_breadth";

  // Positions of the input columns (inputColumns).
  private static final int USER_ID = 0;
  private static final int DAY_VISITS = 2;
  private static final int DAY_EVENTS = 3;
  private static final int DAY_DURATION = 4;
  private static final int FEATURES = 5;
  private static final int EVENT_COUNTS = 6;
  private static final int KPI_VALUES = 7;

  private final List<String> actions;
  private final List<String> kpiNames;
  private final Aggregation[] kpiAggregations;

  private WindowSums(List<String> actions, List<KpiConfig> kpis) {
    this.actions = List.copyOf(actions);
    this.kpiNames = kpis.stream().map(KpiConfig::name).toList();
    this.kpiAggregations = kpis.stream().map(KpiConfig::aggregation).toArray(Aggregation[]::new);
  }

  /**
   * Columns: user_id, {@link #VISITS}, {@link #ACTIVE_DAYS} (days with a visit), {@link #EVENTS},
   * {@link #DURATION}, {@link #BREADTH} (distinct features), then per action {@link
   * #actionCount} and {@link #actionDays}, then per KPI {@link #kpiValue} (the sum, or for a
   * {@code max} KPI the maximum, of its daily values). Every column is non-null.
   *
   * <p>Calling it runs the shuffle: adaptive execution runs a query's shuffles as soon as its
   * rows are asked for, and the fold asks for them here.
   *
   * @param window user_daily_activity rows of the window, at most one per user and day
   */
  static Dataset<Row> of(Dataset<Row> window, List<String> actions, List<KpiConfig> kpis) {
    WindowSums fold = new WindowSums(actions, kpis);
    Dataset<Row> sorted =
        window
            .select(
                col(InputSchemas.USER_ID),
                col(Columns.ACTIVITY_DATE),
                col(Columns.VISITS).cast(DataTypes.LongType),
                col(Columns.EVENTS).cast(DataTypes.LongType),
                col(Columns.DURATION_SECONDS).cast(DataTypes.DoubleType),
                col(Columns.FEATURES_USED),
                col(Columns.EVENT_COUNTS),
                col(Columns.KPI_VALUES))
            .where(col(InputSchemas.USER_ID).isNotNull())
            .repartition(col(InputSchemas.USER_ID))
            .sortWithinPartitions(col(InputSchemas.USER_ID), col(Columns.ACTIVITY_DATE));
    RDD<InternalRow> rows = ((org.apache.spark.sql.classic.Dataset<Row>) sorted).queryExecution().toRdd();
    return window.sparkSession().createDataFrame(rows.toJavaRDD().mapPartitions(fold), fold.schema());
  }

  static String actionCount(String action) {
    return "_action_" + action + "_count";
  }

  static String actionDays(String action) {
    return "_action_" + action + "_days";
  }

  static String kpiValue(String kpi) {
    return "_kpi_" + kpi;
  }

  private StructType schema() {
    StructType schema =
        new StructType()
            .add(InputSchemas.USER_ID, DataTypes.StringType, false)
            .add(VISITS, DataTypes.LongType, false)
            .add(ACTIVE_DAYS, DataTypes.LongType, false)
            .add(EVENTS, DataTypes.LongType, false)
            .add(DURATION, DataTypes.DoubleType, false)
            .add(BREADTH, DataTypes.LongType, false);
    for (String action : actions) {
      schema = schema.add(actionCount(action), DataTypes.LongType, false).add(actionDays(action), DataTypes.LongType, false);
    }
    for (String kpi : kpiNames) {
      schema = schema.add(kpiValue(kpi), DataTypes.DoubleType, false);
    }
    return schema;
  }

  @Override
  public Iterator<Row> call(Iterator<InternalRow> days) {
    Map<UTF8String, Integer> actionIndex = indexOf(actions);
    Map<UTF8String, Integer> kpiIndex = indexOf(kpiNames);
    return KeyRuns.fold(days, userId -> new UserWindow(userId, actionIndex, kpiIndex));
  }

  private static Map<UTF8String, Integer> indexOf(List<String> names) {
    Map<UTF8String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(UTF8String.fromString(names.get(i)), i);
    }
    return index;
  }

  /** Where {@link #forFirstEntries} found a wanted key: its index, the map's values, the entry. */
  private interface EntryFound {
    void at(int wanted, ArrayData values, int entry);
  }

  /**
   * Calls back for the first entry of each wanted key of the map in column {@code column} (the
   * entry a map lookup returns); nothing for a null map or for keys not wanted.
   */
  private static void forFirstEntries(
      InternalRow row, int column, Map<UTF8String, Integer> wanted, int wantedCount, EntryFound found) {
    if (row.isNullAt(column) || wantedCount == 0) {
      return;
    }
    MapData map = row.getMap(column);
    ArrayData keys = map.keyArray();
    ArrayData values = map.valueArray();
    boolean[] seen = new boolean[wantedCount];
    for (int i = 0; i < map.numElements(); i++) {
      Integer index = wanted.get(keys.getUTF8String(i));
      if (index != null && !seen[index]) {
        seen[index] = true;
        found.at(index, values, i);
      }
    }
  }

  /**
   * One user's window so far. Each step is the one of the Spark aggregate it replaces: a sum skips
   * nulls and starts from 0, a count of days counts values above 0, a maximum changes only for a
   * strictly greater value, a missing map entry is 0, and a null feature is one distinct value
   * (as {@code array_distinct} keeps one null).
   */
  private final class UserWindow implements KeyRuns.Fold<Row> {
    private final UTF8String userId;
    private final Map<UTF8String, Integer> actionIndex;
    private final Map<UTF8String, Integer> kpiIndex;
    private final Set<UTF8String> features = new HashSet<>();
    private final long[] actionCounts = new long[actions.size()];
    private final long[] actionDays = new long[actions.size()];
    private final long[] dayActionCounts = new long[actions.size()];
    private final double[] kpiValues = new double[kpiNames.size()];
    private final double[] dayKpiValues = new double[kpiNames.size()];
    private boolean nullFeature;
    private long visits;
    private long activeDays;
    private long events;
    private double duration;
    private long days;

    UserWindow(UTF8String userId, Map<UTF8String, Integer> actionIndex, Map<UTF8String, Integer> kpiIndex) {
      this.userId = userId;
      this.actionIndex = actionIndex;
      this.kpiIndex = kpiIndex;
    }

    @Override
    public void add(InternalRow day) {
      if (!day.isNullAt(DAY_VISITS)) {
        long dayVisits = day.getLong(DAY_VISITS);
        visits = Math.addExact(visits, dayVisits);
        if (dayVisits > 0) {
          activeDays++;
        }
      }
      if (!day.isNullAt(DAY_EVENTS)) {
        events = Math.addExact(events, day.getLong(DAY_EVENTS));
      }
      if (!day.isNullAt(DAY_DURATION)) {
        duration += day.getDouble(DAY_DURATION);
      }
      if (!day.isNullAt(FEATURES)) {
        addFeatures(day.getArray(FEATURES));
      }
      addActions(day);
      addKpis(day);
      days++;
    }

    private void addFeatures(ArrayData dayFeatures) {
      for (int i = 0; i < dayFeatures.numElements(); i++) {
        if (dayFeatures.isNullAt(i)) {
          nullFeature = true;
        } else {
          UTF8String feature = dayFeatures.getUTF8String(i);
          if (!features.contains(feature)) {
            features.add(feature.copy());
          }
        }
      }
    }

    private void addActions(InternalRow day) {
      Arrays.fill(dayActionCounts, 0L);
      forFirstEntries(day, EVENT_COUNTS, actionIndex, actions.size(),
          (action, counts, i) -> dayActionCounts[action] = counts.isNullAt(i) ? 0L : counts.getLong(i));
      for (int a = 0; a < actionCounts.length; a++) {
        actionCounts[a] = Math.addExact(actionCounts[a], dayActionCounts[a]);
        if (dayActionCounts[a] > 0) {
          actionDays[a]++;
        }
      }
    }

    private void addKpis(InternalRow day) {
      Arrays.fill(dayKpiValues, 0.0);
      forFirstEntries(day, KPI_VALUES, kpiIndex, kpiNames.size(),
          (kpi, values, i) -> dayKpiValues[kpi] = values.isNullAt(i) ? 0.0 : values.getDouble(i));
      for (int k = 0; k < kpiValues.length; k++) {
        double value = dayKpiValues[k];
        kpiValues[k] =
            switch (kpiAggregations[k]) {
              case MAX -> days == 0 || value > kpiValues[k] ? value : kpiValues[k];
              case SUM, COUNT -> kpiValues[k] + value;
            };
      }
    }

    @Override
    public Row result() {
      Object[] values = new Object[6 + 2 * actions.size() + kpiNames.size()];
      values[0] = userId.toString();
      values[1] = visits;
      values[2] = activeDays;
      values[3] = events;
      values[4] = duration;
      values[5] = (long) features.size() + (nullFeature ? 1 : 0);
      int at = 6;
      for (int a = 0; a < actions.size(); a++) {
        values[at++] = actionCounts[a];
        values[at++] = actionDays[a];
      }
      for (int k = 0; k < kpiNames.size(); k++) {
        values[at++] = kpiValues[k];
      }
      return RowFactory.create(values);
    }
  }
}
