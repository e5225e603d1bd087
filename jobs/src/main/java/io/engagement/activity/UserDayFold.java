package io.engagement.activity;

import static org.apache.spark.sql.functions.col;

import io.engagement.config.KpiConfig;
import io.engagement.config.KpiConfig.Aggregation;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.spark.SparkStringOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Folds one user's events of the day, sorted in {@link Visits#order()}, into one row: visits,
 * events and duration ({@link VisitTally}), the sorted distinct features and channels, the sorted
 * distinct event names with their counts, each KPI's value ({@link KpiTally}), the first and last
 * event time and the latest account_id.
 *
 * <p>One streaming pass per user replaces a window that marked each event and an aggregation
 * that summed the marks; both went through Spark's interpreted window frames and its collect
 * buffers, and the names were then counted by higher-order functions over the sorted list, which
 * Spark interprets: together most of the activity stage (benchmarks/README.md). Strings are sorted
 * in Spark's order ({@link SparkStringOrder}), so the arrays are the ones Spark's
 * {@code array_sort} made.
 */
final class UserDayFold implements FlatMapGroupsFunction<String, Row, Row> {
  static final String DURATION_MICROS = "_duration_micros";
  static final String FEATURES = "_features";
  static final String CHANNELS = "_channels";
  static final String EVENT_NAMES = "_event_names";
  static final String EVENT_NAME_COUNTS = "_event_name_counts";
  static final String FIRST_MICROS = "_first_micros";
  static final String LAST_MICROS = "_last_micros";
  private static final String KPI_PREFIX = "_kpi_";

  // Positions of the input columns (inputColumns); 0 is user_id, the group's key.
  private static final int KIND = 1;
  private static final int SESSION_ID = 2;
  private static final int MICROS = 3;
  private static final int EVENT_ID = 4;
  private static final int FEATURE = 5;
  private static final int CHANNEL = 6;
  private static final int EVENT_NAME = 7;
  private static final int ACCOUNT_ID = 8;
  private static final int FIRST_KPI = 9;

  private final int timeoutMinutes;
  private final Aggregation[] aggregations;

  UserDayFold(int timeoutMinutes, List<KpiConfig> kpis) {
    this.timeoutMinutes = timeoutMinutes;
    this.aggregations = kpis.stream().map(KpiConfig::aggregation).toArray(Aggregation[]::new);
  }

  /** The columns the fold reads, in its positions, starting with user_id, by which it groups. */
  static Column[] inputColumns(List<String> visitEventTypes, List<KpiConfig> kpis) {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col(InputSchemas.USER_ID),
                Visits.kind(visitEventTypes).as(Visits.KIND),
                col(InputSchemas.SESSION_ID),
                Visits.micros().as(Visits.MICROS),
                col(InputSchemas.EVENT_ID),
                col(InputSchemas.FEATURE),
                col(InputSchemas.CHANNEL),
                col(InputSchemas.EVENT_NAME),
                col(InputSchemas.ACCOUNT_ID)));
    for (int i = 0; i < kpis.size(); i++) {
      // Evaluated once per event in this projection; inside an aggregate the parse of a property
      // would run once per use (KpiMeasures#contribution).
      columns.add(KpiMeasures.contribution(kpis.get(i)).as(kpiColumn(i)));
    }
    return columns.toArray(Column[]::new);
  }

  /** The column of the i-th KPI's value in {@link #outputSchema}. */
  static String kpiColumn(int i) {
    return KPI_PREFIX + i;
  }

  /** One row per user: the key, the counts, the unsorted collections, the KPIs (never null). */
  StructType outputSchema() {
    StructType schema =
        new StructType()
            .add(InputSchemas.USER_ID, DataTypes.StringType)
            .add(Columns.VISITS, DataTypes.LongType)
            .add(Columns.EVENTS, DataTypes.LongType)
            .add(DURATION_MICROS, DataTypes.LongType)
            .add(FEATURES, DataTypes.createArrayType(DataTypes.StringType))
            .add(CHANNELS, DataTypes.createArrayType(DataTypes.StringType))
            .add(EVENT_NAMES, DataTypes.createArrayType(DataTypes.StringType))
            .add(EVENT_NAME_COUNTS, DataTypes.createArrayType(DataTypes.LongType))
            .add(FIRST_MICROS, DataTypes.LongType)
            .add(LAST_MICROS, DataTypes.LongType)
            .add(Columns.EVENT_ACCOUNT_ID, DataTypes.StringType);
    for (int i = 0; i < aggregations.length; i++) {
      schema = schema.add(kpiColumn(i), DataTypes.DoubleType);
    }
    return schema;
  }

  @Override
  public Iterator<Row> call(String userId, Iterator<Row> events) {
    VisitTally visits = new VisitTally(timeoutMinutes);
    KpiTally[] kpis = new KpiTally[aggregations.length];
    for (int i = 0; i < kpis.length; i++) {
      kpis[i] = new KpiTally(aggregations[i]);
    }
    Set<String> features = new HashSet<>();
    Set<String> channels = new HashSet<>();
    Map<String, long[]> eventCounts = new HashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    LatestAccount account = new LatestAccount();
    while (events.hasNext()) {
      Row e = events.next();
      long micros = e.getLong(MICROS);
      visits.add(e.getInt(KIND), e.getString(SESSION_ID), micros);
      addIfPresent(features, e.getString(FEATURE));
      addIfPresent(channels, e.getString(CHANNEL));
      String eventName = e.getString(EVENT_NAME);
      if (eventName != null) {
        eventCounts.computeIfAbsent(eventName, name -> new long[1])[0]++;
      }
      for (int i = 0; i < kpis.length; i++) {
        kpis[i].add(e.isNullAt(FIRST_KPI + i) ? null : e.getDouble(FIRST_KPI + i));
      }
      first = Math.min(first, micros);
      last = Math.max(last, micros);
      account.add(e.getString(ACCOUNT_ID), micros, e.getString(EVENT_ID));
    }
    String[] eventNames = sorted(eventCounts.keySet());
    // In outputSchema's order.
    Object[] values = new Object[11 + kpis.length];
    values[0] = userId;
    values[1] = visits.visits();
    values[2] = visits.events();
    values[3] = visits.durationMicros();
    values[4] = sorted(features);
    values[5] = sorted(channels);
    values[6] = eventNames;
    values[7] = Arrays.stream(eventNames).map(name -> eventCounts.get(name)[0]).toArray(Long[]::new);
    values[8] = first;
    values[9] = last;
    values[10] = account.accountId;
    for (int i = 0; i < kpis.length; i++) {
      values[11 + i] = kpis[i].value();
    }
    return Collections.singletonList(RowFactory.create(values)).iterator();
  }

  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }

  /** In Spark's order, so the arrays are what array_sort would have made of them. */
  private static String[] sorted(Set<String> values) {
    String[] out = values.toArray(String[]::new);
    Arrays.sort(out, SparkStringOrder.INSTANCE);
    return out;
  }

  /**
   * The account_id of the latest event that carries one; of two such events in the same
   * microsecond, the one with the greater event_id in Spark's order (max_by of a struct).
   */
  private static final class LatestAccount {
    private String accountId;
    private long micros;
    private String eventId;

    void add(String accountId, long micros, String eventId) {
      if (accountId == null) {
        return;
      }
      if (this.accountId == null
          || micros > this.micros
          || (micros == this.micros && SparkStringOrder.INSTANCE.compare(eventId, this.eventId) > 0)) {
        this.accountId = accountId;
        this.micros = micros;
        this.eventId = eventId;
      }
    }
  }
}
