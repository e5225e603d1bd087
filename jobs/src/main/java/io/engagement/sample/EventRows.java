package io.engagement.sample;

import static io.engagement.input.InputSchemas.ACCOUNT_ID;
import static io.engagement.input.InputSchemas.AMOUNT;
import static io.engagement.input.InputSchemas.CHANNEL;
import static io.engagement.input.InputSchemas.EVENTS_SCHEMA;
import static io.engagement.input.InputSchemas.EVENT_ID;
import static io.engagement.input.InputSchemas.EVENT_NAME;
import static io.engagement.input.InputSchemas.EVENT_TIME;
import static io.engagement.input.InputSchemas.EVENT_TYPE;
import static io.engagement.input.InputSchemas.FEATURE;
import static io.engagement.input.InputSchemas.PROPERTIES;
import static io.engagement.input.InputSchemas.SESSION_ID;
import static io.engagement.input.InputSchemas.USER_ID;
import static io.engagement.sample.Vocabulary.*;

import io.engagement.sample.Seeds.Purpose;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The events of one day and one chunk of users, produced lazily: only one user's day is held in
 * memory at a time, so a chunk of any size streams straight into the Parquet writer. Rows follow
 * {@link RawRows#of} of the events schema (event_time as epoch microseconds).
 *
 * <p>Each user's expected events for the day are their share of the day's volume by activity
 * weight. They come as activities: a web or mobile session (a burst of page views and actions
 * minutes apart, mostly with a session_id), an API burst, an e-mail open, a social like or a
 * support call (no session_id: the job sessionises them by the 30-minute rule). One row in
 * {@value #BAD_EVERY} is made bad, cycling through {@link BadEvent}.
 */
final class EventRows extends PerUserRows {
  /** Chunks are a function of the spec only, never of the cluster, so the output is too. */
  static final int EVENTS_PER_CHUNK = 500_000;
  static final int BAD_EVERY = 125;

  /** Weekend volume relative to a weekday; the job's volume gate trips only below 0.5. */
  static final double WEEKEND_RATIO = 0.72;
  private static final double WEEKDAY_FACTOR = 7 / (5 + 2 * WEEKEND_RATIO);
  private static final double DAY_NOISE = 0.04;

  private enum Activity {
    SESSION(6),
    API_BURST(3),
    EMAIL_OPEN(1),
    SOCIAL_LIKE(1),
    SUPPORT_CALL(1);

    final double meanEvents;

    Activity(double meanEvents) {
      this.meanEvents = meanEvents;
    }
  }

  private static final double[] ACTIVITY_WEIGHTS = {75, 8, 10, 5, 2};
  private static final Weighted<Activity> ACTIVITIES = Weighted.of(List.of(Activity.values()), ACTIVITY_WEIGHTS);
  private static final double MEAN_EVENTS_PER_ACTIVITY = meanEventsPerActivity();

  private static final double WEB_SESSION_ID_SHARE = 0.92;
  private static final double MOBILE_SESSION_ID_SHARE = 0.97;
  private static final double ACTION_SHARE = 0.24;
  private static final double PURCHASE_SHARE = 0.001;
  private static final double ACTION_OFF_FEATURE_SHARE = 0.15;
  private static final double ACCOUNT_ID_SHARE = 0.94;
  private static final double UNPARSABLE_SHARE = 0.02;
  private static final double SESSION_GAP_SECONDS = 100;
  private static final double API_GAP_SECONDS = 60;

  /** The ways an event row is bad (contract.md, Bad rows), one of each in turn. */
  enum BadEvent {
    NULL_EVENT_ID,
    NULL_EVENT_TIME,
    NULL_USER_ID,
    NULL_EVENT_TYPE,
    OUTSIDE_DAY,
    EXACT_DUPLICATE,
    LATER_DUPLICATE
  }

  private static final int I_EVENT_ID = EVENTS_SCHEMA.fieldIndex(EVENT_ID);
  private static final int I_EVENT_TIME = EVENTS_SCHEMA.fieldIndex(EVENT_TIME);
  private static final int I_USER_ID = EVENTS_SCHEMA.fieldIndex(USER_ID);
  private static final int I_ACCOUNT_ID = EVENTS_SCHEMA.fieldIndex(ACCOUNT_ID);
  private static final int I_SESSION_ID = EVENTS_SCHEMA.fieldIndex(SESSION_ID);
  private static final int I_EVENT_TYPE = EVENTS_SCHEMA.fieldIndex(EVENT_TYPE);
  private static final int I_EVENT_NAME = EVENTS_SCHEMA.fieldIndex(EVENT_NAME);
  private static final int I_FEATURE = EVENTS_SCHEMA.fieldIndex(FEATURE);
  private static final int I_CHANNEL = EVENTS_SCHEMA.fieldIndex(CHANNEL);
  private static final int I_AMOUNT = EVENTS_SCHEMA.fieldIndex(AMOUNT);
  private static final int I_PROPERTIES = EVENTS_SCHEMA.fieldIndex(PROPERTIES);

  private final Population population;
  private final SplittableRandom rng;
  private final long day;
  private final long dayStart;
  private final long dayEnd;
  private final boolean weekend;
  private final double eventsPerWeight;
  private final String eventIdPrefix;
  private final String sessionIdPrefix;
  private long eventSeq;
  private long sessionSeq;
  private int nextBadKind;

  /** The user's attributes for the day, looked up once per user. */
  private String userId;
  private String accountId;
  private String region;
  private String plan;

  /**
   * @param signedUpWeight {@link Population#signedUpWeight} of the day (computed once on the
   *     driver, not once per chunk)
   */
  EventRows(Population population, long day, int chunk, int chunks, long eventsPerDay, double signedUpWeight) {
    super(population.users(), chunk, chunks);
    this.population = population;
    this.rng = new SplittableRandom(Seeds.mix(population.seed(), Purpose.EVENTS, day, chunk));
    this.day = day;
    this.dayStart = day * Times.MICROS_PER_DAY;
    this.dayEnd = dayStart + Times.MICROS_PER_DAY;
    this.weekend = Times.isWeekend(day);
    this.eventsPerWeight =
        signedUpWeight > 0 ? eventsPerDay * volumeFactor(population.seed(), day) / signedUpWeight : 0;
    String date = LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE);
    this.eventIdPrefix = "e" + date + "-" + chunk + "-";
    this.sessionIdPrefix = "s" + date + "-" + chunk + "-";
    this.nextBadKind = (int) Math.floorMod(day + chunk, (long) BadEvent.values().length);
  }

  /** How many chunks a day of this size is cut into (at most one per user). */
  static int chunks(long eventsPerDay, int users) {
    long chunks = Math.max(1, (eventsPerDay + EVENTS_PER_CHUNK - 1) / EVENTS_PER_CHUNK);
    return (int) Math.min(chunks, users);
  }

  /**
   * The day's volume relative to eventsPerDay: weekdays above, weekends at {@value
   * #WEEKEND_RATIO} of a weekday, so a week averages eventsPerDay; plus a little day-to-day noise.
   */
  static double volumeFactor(long seed, long day) {
    double noise = 1 + DAY_NOISE * (Seeds.unit(seed, Purpose.DAY_VOLUME, day) - 0.5);
    return WEEKDAY_FACTOR * (Times.isWeekend(day) ? WEEKEND_RATIO : 1) * noise;
  }

  private static double meanEventsPerActivity() {
    double total = 0;
    double weighted = 0;
    for (Activity activity : Activity.values()) {
      total += ACTIVITY_WEIGHTS[activity.ordinal()];
      weighted += ACTIVITY_WEIGHTS[activity.ordinal()] * activity.meanEvents;
    }
    return weighted / total;
  }

  @Override
  protected void generateUser(int user) {
    double weight = population.weight(user);
    if (weight == 0 || !population.signedUpBy(user, day)) {
      return;
    }
    int activities = Draw.poisson(rng, weight * eventsPerWeight / MEAN_EVENTS_PER_ACTIVITY);
    if (activities == 0) {
      return;
    }
    userId = population.userId(user);
    accountId = population.accountId(population.account(user));
    region = population.region(user);
    plan = population.plan(user);
    double mobileShare = population.mobileShare(user);
    for (int i = 0; i < activities; i++) {
      switch (ACTIVITIES.pick(rng)) {
        case SESSION -> session(Draw.chance(rng, mobileShare) ? MOBILE : WEB);
        case API_BURST -> apiBurst();
        case EMAIL_OPEN -> emit(null, startTime(), EMAIL_OPEN, null, null, EMAIL, null, emailProperties());
        case SOCIAL_LIKE -> emit(null, startTime(), SOCIAL_LIKE, null, null, SOCIAL, null, null);
        case SUPPORT_CALL ->
            emit(null, startTime(), SUPPORT_CALL, null, SUPPORT_FEATURES.pick(rng), SUPPORT, null, null);
      }
    }
  }

  /** A visit: page views with some actions (and rarely a purchase), minutes apart. */
  private void session(String channel) {
    boolean web = WEB.equals(channel);
    String sessionId =
        Draw.chance(rng, web ? WEB_SESSION_ID_SHARE : MOBILE_SESSION_ID_SHARE) ? sessionIdPrefix + Long.toString(sessionSeq++, 36) : null;
    int length = Draw.geometric(rng, Activity.SESSION.meanEvents);
    long time = startTime();
    for (int i = 0; i < length && time < dayEnd; i++) {
      if (web && Draw.chance(rng, PURCHASE_SHARE)) {
        emit(sessionId, time, PURCHASE, CHECKOUT, BILLING, channel, amount(), null);
      } else if (Draw.chance(rng, ACTION_SHARE)) {
        action(sessionId, time, SESSION_ACTIONS.pick(rng), channel);
      } else {
        emit(sessionId, time, PAGE_VIEW, null, PAGE_FEATURES.pick(rng), channel, null, clientProperties(web));
      }
      time += gap(SESSION_GAP_SECONDS);
    }
  }

  /** An integration calling the API: actions without a session_id, a minute or so apart. */
  private void apiBurst() {
    int length = Draw.geometric(rng, Activity.API_BURST.meanEvents);
    long time = startTime();
    for (int i = 0; i < length && time < dayEnd; i++) {
      action(null, time, API_ACTIONS.pick(rng), API);
      time += gap(API_GAP_SECONDS);
    }
  }

  private void action(String sessionId, long time, String name, String channel) {
    String feature =
        Draw.chance(rng, ACTION_OFF_FEATURE_SHARE) ? PAGE_FEATURES.pick(rng) : Vocabulary.featureOf(name);
    scala.collection.Map<String, String> properties =
        UPLOAD_FILE.equals(name) ? uploadProperties() : clientProperties(WEB.equals(channel));
    emit(sessionId, time, ACTION, name, feature, channel, null, properties);
  }

  private long startTime() {
    return dayStart + Times.timeOfDay(rng, region, weekend);
  }

  /** A gap between two events, in whole milliseconds, at least a second. */
  private long gap(double meanSeconds) {
    return Math.max(1000, StrictMath.round(Draw.exponential(rng, meanSeconds) * 1000)) * 1000;
  }

  private double amount() {
    double planFactor =
        switch (plan) {
          case Population.FREE -> 0.5;
          case Population.ENTERPRISE -> 3.0;
          default -> 1.0;
        };
    return StrictMath.round(Draw.logNormal(rng, 40, 0.9) * planFactor * 100) / 100.0;
  }

  private scala.collection.Map<String, String> uploadProperties() {
    String pages = Long.toString(1 + (long) Draw.logNormal(rng, 6, 1.0));
    long cents = Math.max(1, StrictMath.round(Draw.logNormal(rng, 2.5, 1.2) * 100));
    String sizeMb = cents / 100 + "." + Population.zeroPadded(cents % 100, 2);
    return properties(PAGES, maybeUnparsable(pages), SIZE_MB, maybeUnparsable(sizeMb));
  }

  private String maybeUnparsable(String number) {
    return Draw.chance(rng, UNPARSABLE_SHARE) ? UNPARSABLE_NUMBERS.pick(rng) : number;
  }

  /** What the web tracker or the mobile SDK sometimes adds. */
  private scala.collection.Map<String, String> clientProperties(boolean web) {
    if (web) {
      return Draw.chance(rng, 0.25) ? properties("browser", BROWSERS.pick(rng)) : null;
    }
    return Draw.chance(rng, 0.20)
        ? properties("os", OPERATING_SYSTEMS.pick(rng), "app_version", APP_VERSIONS.pick(rng))
        : null;
  }

  private scala.collection.Map<String, String> emailProperties() {
    return Draw.chance(rng, 0.5) ? properties("campaign", EMAIL_CAMPAIGNS.pick(rng)) : null;
  }

  /** Spark's Row encoder takes Scala maps; insertion order is kept so the bytes are stable. */
  private static scala.collection.Map<String, String> properties(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return CollectionConverters.asScala(map);
  }

  private void emit(
      String sessionId,
      long time,
      String type,
      String name,
      String feature,
      String channel,
      Double amount,
      scala.collection.Map<String, String> properties) {
    Object[] values = new Object[EVENTS_SCHEMA.size()];
    values[I_EVENT_ID] = eventIdPrefix + Long.toString(eventSeq++, 36);
    values[I_EVENT_TIME] = time;
    values[I_USER_ID] = userId;
    values[I_ACCOUNT_ID] = Draw.chance(rng, ACCOUNT_ID_SHARE) ? accountId : null;
    values[I_SESSION_ID] = sessionId;
    values[I_EVENT_TYPE] = type;
    values[I_EVENT_NAME] = name;
    values[I_FEATURE] = feature;
    values[I_CHANNEL] = channel;
    values[I_AMOUNT] = amount;
    values[I_PROPERTIES] = properties;
    if (eventSeq % BAD_EVERY == BAD_EVERY / 2) {
      addBad(values);
    } else {
      emit(RowFactory.create(values));
    }
  }

  private void addBad(Object[] values) {
    BadEvent kind = BadEvent.values()[nextBadKind];
    nextBadKind = (nextBadKind + 1) % BadEvent.values().length;
    long time = (Long) values[I_EVENT_TIME];
    switch (kind) {
      case NULL_EVENT_ID -> values[I_EVENT_ID] = null;
      case NULL_EVENT_TIME -> values[I_EVENT_TIME] = null;
      case NULL_USER_ID -> values[I_USER_ID] = null;
      case NULL_EVENT_TYPE -> values[I_EVENT_TYPE] = null;
      case OUTSIDE_DAY ->
          // A late export: yesterday evening's event in today's partition, or tomorrow's first minutes.
          values[I_EVENT_TIME] =
              Draw.chance(rng, 0.7)
                  ? dayStart - (1 + rng.nextInt(20 * 60)) * Times.MICROS_PER_SECOND
                  : dayEnd + rng.nextInt(10 * 60) * Times.MICROS_PER_SECOND;
      case EXACT_DUPLICATE -> emit(RowFactory.create(values.clone()));
      case LATER_DUPLICATE -> {
        Object[] retry = values.clone();
        retry[I_EVENT_TIME] = Math.min(dayEnd - 1000, time + (1 + rng.nextInt(120)) * Times.MICROS_PER_SECOND);
        emit(RowFactory.create(values));
        values = retry;
      }
    }
    emit(RowFactory.create(values));
  }
}
