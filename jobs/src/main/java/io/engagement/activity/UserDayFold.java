package io.engagement.activity;

import static org.apache.spark.sql.functions.col;

import io.engagement.config.KpiConfig;
import io.engagement.config.KpiConfig.Aggregation;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import io.engagement.spark.KeyRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Folds each user's events of the day into one row: visits, events and duration ({@link
 * VisitTally}), the sorted distinct features and channels, the sorted distinct event names with
 * their counts, each KPI's value ({@link KpiTally}), the first and last event time and the latest
 * account_id. A task's events come sorted by user_id and then in {@link Visits#order()} ({@link
 * #order()}), so a user's events are adjacent and each user is folded as they stream past.
 *
 * <p>One streaming pass per user replaces a window that marked each event and an aggregation
 * that summed the marks; both went through Spark's interpreted window frames and its collect
 * buffers, and the names were then counted by higher-order functions over the sorted list, which
 * Spark interprets: together most of the activity stage (benchmarks/README.md, change 16).
 *
 * <p>The fold reads Spark's own rows ({@link InternalRow}) rather than {@link Row}s: turning
 * every event into a {@code Row} made a Java string of each of its six text columns, which took
 * about 40% of the CPU after the shuffle on a 30M-event day (a profile; change 23). Texts stay {@link
 * UTF8String}s, which point into the row being read, so a text that is kept past its row (a
 * session, a feature, an account) is copied first. {@code UTF8String} compares by UTF-8 bytes,
 * the order in which Spark sorts strings, so the sorted arrays are the ones Spark's {@code
 * array_sort} made. Only the users' rows, one per user, are made as {@code Row}s.
 */
final class UserDayFold implements FlatMapFunction<Iterator<InternalRow>, Row> {
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

  /** The order of a task's events the fold needs: by user, then {@link Visits#order()}. */
  static Column[] order() {
    List<Column> order = new ArrayList<>(List.of(col(InputSchemas.USER_ID)));
    order.addAll(List.of(Visits.order()));
    return order.toArray(Column[]::new);
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
  public Iterator<Row> call(Iterator<InternalRow> events) {
    return KeyRuns.fold(events, UserDay::new);
  }

  /** One user's day so far; every text it holds is its own copy. */
  private final class UserDay implements KeyRuns.Fold<Row> {
    private final UTF8String userId;
    private final VisitTally visits = new VisitTally(timeoutMinutes);
    private final KpiTally[] kpis = new KpiTally[aggregations.length];
    private final Set<UTF8String> features = new HashSet<>();
    private final Set<UTF8String> channels = new HashSet<>();
    private final Map<UTF8String, long[]> eventCounts = new HashMap<>();
    private final LatestAccount account = new LatestAccount();
    private UTF8String session;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    UserDay(UTF8String userId) {
      this.userId = userId;
      for (int i = 0; i < kpis.length; i++) {
        kpis[i] = new KpiTally(aggregations[i]);
      }
    }

    @Override
    public void add(InternalRow e) {
      long micros = e.getLong(MICROS);
      visits.add(e.getInt(KIND), keptSession(textOrNull(e, SESSION_ID)), micros);
      addIfPresent(features, textOrNull(e, FEATURE));
      addIfPresent(channels, textOrNull(e, CHANNEL));
      UTF8String eventName = textOrNull(e, EVENT_NAME);
      if (eventName != null) {
        long[] count = eventCounts.get(eventName);
        if (count == null) {
          count = new long[1];
          eventCounts.put(eventName.copy(), count);
        }
        count[0]++;
      }
      for (int i = 0; i < kpis.length; i++) {
        kpis[i].add(e.isNullAt(FIRST_KPI + i) ? null : e.getDouble(FIRST_KPI + i));
      }
      first = Math.min(first, micros);
      last = Math.max(last, micros);
      account.add(textOrNull(e, ACCOUNT_ID), micros, e.getUTF8String(EVENT_ID));
    }

    /** The session as a copy the tally may keep: copied once per session, not once per event. */
    private UTF8String keptSession(UTF8String sessionId) {
      if (sessionId != null && !sessionId.equals(session)) {
        session = sessionId.copy();
      }
      return sessionId == null ? null : session;
    }

    /** In outputSchema's order. */
    @Override
    public Row result() {
      UTF8String[] eventNames = sorted(eventCounts.keySet());
      Object[] values = new Object[11 + kpis.length];
      values[0] = userId.toString();
      values[1] = visits.visits();
      values[2] = visits.events();
      values[3] = visits.durationMicros();
      values[4] = strings(sorted(features));
      values[5] = strings(sorted(channels));
      values[6] = strings(eventNames);
      values[7] = Arrays.stream(eventNames).map(name -> eventCounts.get(name)[0]).toArray(Long[]::new);
      values[8] = first;
      values[9] = last;
      values[10] = account.accountId == null ? null : account.accountId.toString();
      for (int i = 0; i < kpis.length; i++) {
        values[11 + i] = kpis[i].value();
      }
      return RowFactory.create(values);
    }
  }

  private static UTF8String textOrNull(InternalRow row, int position) {
    return row.isNullAt(position) ? null : row.getUTF8String(position);
  }

  private static void addIfPresent(Set<UTF8String> values, UTF8String value) {
    if (value != null && !values.contains(value)) {
      values.add(value.copy());
    }
  }

  /** By UTF-8 bytes, as Spark sorts strings. */
  private static UTF8String[] sorted(Set<UTF8String> values) {
    UTF8String[] out = values.toArray(UTF8String[]::new);
    Arrays.sort(out);
    return out;
  }

  private static String[] strings(UTF8String[] values) {
    return Arrays.stream(values).map(UTF8String::toString).toArray(String[]::new);
  }

  /**
   * The account_id of the latest event that carries one; of two such events in the same
   * microsecond, the one with the greater event_id in Spark's order (max_by of a struct).
   */
  private static final class LatestAccount {
    private UTF8String accountId;
    private long micros;
    private UTF8String eventId;

    void add(UTF8String accountId, long micros, UTF8String eventId) {
      if (accountId == null) {
        return;
      }
      if (this.accountId == null || micros > this.micros || (micros == this.micros && eventId.compareTo(this.eventId) > 0)) {
        if (!accountId.equals(this.accountId)) {
          this.accountId = accountId.copy();
        }
        this.micros = micros;
        this.eventId = eventId.copy();
      }
    }
  }
}
