package io.engagement.sample;

import static io.engagement.input.InputSchemas.ACCOUNT_ID;
import static io.engagement.input.InputSchemas.CHANNEL;
import static io.engagement.input.InputSchemas.COMMENT;
import static io.engagement.input.InputSchemas.RESPONSE_ID;
import static io.engagement.input.InputSchemas.RESPONSE_TIME;
import static io.engagement.input.InputSchemas.SCORE;
import static io.engagement.input.InputSchemas.SURVEY;
import static io.engagement.input.InputSchemas.SURVEYS_SCHEMA;
import static io.engagement.input.InputSchemas.USER_ID;
import static io.engagement.sample.Vocabulary.RELATIONSHIP;
import static io.engagement.sample.Vocabulary.RELATIONSHIP_CHANNELS;
import static io.engagement.sample.Vocabulary.TRANSACTIONAL;
import static io.engagement.sample.Vocabulary.TRANSACTIONAL_CHANNELS;

import io.engagement.sample.Seeds.Purpose;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The NPS responses of one day. Small (a few percent of users over weeks), so built on the driver
 * in full, which lets the bad rows be sized to the day's real count.
 *
 * <p>A relationship campaign goes out every {@value #CAMPAIGN_EVERY_DAYS} days from the first day
 * of the range and 1.5% of active users answer it, most on the day it is sent and the two days
 * after. With the transactional trickle, about 5% of users answer over five weeks. Transactional
 * surveys (after a support contact) trickle in every day. Scores follow activity: heavy users are
 * more often promoters, yet some of them are unhappy, so say-vs-do has something to show; a
 * user's answers are mostly consistent over time.
 *
 * <p>The quality gate fails a day whose rejected share of a source exceeds 5%, so bad rows only go
 * on days with at least 40 valid rows per bad row (under 2.5%), one of each {@link BadSurvey} in
 * turn, continuing the cycle across days.
 */
final class SurveyRows {
  private SurveyRows() {}

  static final int CAMPAIGN_EVERY_DAYS = 14;
  private static final double RELATIONSHIP_RATE_ACTIVE = 0.015;
  private static final double RELATIONSHIP_RATE_INACTIVE = 0.005;
  private static final double TRANSACTIONAL_DAILY_RATE_ACTIVE = 0.0004;
  private static final double TRANSACTIONAL_DAILY_RATE_INACTIVE = 0.0001;
  /** Days between a campaign and the answer: 0 (55%), 1 (25%), 2 (12%), then a trickle to 6. */
  private static final Weighted<Integer> ANSWER_LAG = Weighted.of(List.of(0, 1, 2, 3, 4, 5, 6), 55, 25, 12, 2, 2, 2, 2);
  private static final int MAX_LAG = 6;
  static final int VALID_ROWS_PER_BAD_ROW = 40;
  private static final double ACCOUNT_ID_SHARE = 0.95;

  private static final Weighted<Integer> DETRACTOR_SCORES = Weighted.of(List.of(0, 1, 2, 3, 4, 5, 6), 2, 1, 2, 3, 5, 8, 12);
  private static final Weighted<Integer> PASSIVE_SCORES = Weighted.of(List.of(7, 8), 45, 55);
  private static final Weighted<Integer> PROMOTER_SCORES = Weighted.of(List.of(9, 10), 55, 45);

  /** The ways a survey row is bad (contract.md, Bad rows), the most telling first. */
  enum BadSurvey {
    SCORE_ELEVEN,
    DUPLICATE_ID,
    NULL_SCORE,
    OUTSIDE_DAY,
    SCORE_MINUS_ONE,
    NULL_USER_ID,
    NULL_RESPONSE_ID,
    NULL_RESPONSE_TIME
  }

  private static final int I_RESPONSE_ID = SURVEYS_SCHEMA.fieldIndex(RESPONSE_ID);
  private static final int I_RESPONSE_TIME = SURVEYS_SCHEMA.fieldIndex(RESPONSE_TIME);
  private static final int I_USER_ID = SURVEYS_SCHEMA.fieldIndex(USER_ID);
  private static final int I_ACCOUNT_ID = SURVEYS_SCHEMA.fieldIndex(ACCOUNT_ID);
  private static final int I_SURVEY = SURVEYS_SCHEMA.fieldIndex(SURVEY);
  private static final int I_SCORE = SURVEYS_SCHEMA.fieldIndex(SCORE);
  private static final int I_COMMENT = SURVEYS_SCHEMA.fieldIndex(COMMENT);
  private static final int I_CHANNEL = SURVEYS_SCHEMA.fieldIndex(CHANNEL);

  /** A day's rows (raw: response_time as epoch microseconds) and how many of them are bad. */
  record Day(List<Row> rows, int badRows) {}

  private record Response(long time, int user, Object[] values) {}

  /**
   * @param firstBadKind index into {@link BadSurvey} of the day's first bad row, so the kinds
   *     cycle over the days of a range
   */
  static Day forDay(Population population, long day, int firstBadKind) {
    SplittableRandom rng = new SplittableRandom(Seeds.mix(population.seed(), Purpose.SURVEY_DAY, day));
    long seed = population.seed();
    boolean weekend = Times.isWeekend(day);
    List<Response> responses = new ArrayList<>();
    for (int user = 0; user < population.users(); user++) {
      if (!population.signedUpBy(user, day)) {
        continue;
      }
      boolean active = population.active(user);
      if (answersCampaign(population, user, day, active)) {
        responses.add(response(population, rng, user, day, weekend, RELATIONSHIP));
      }
      double transactionalRate = active ? TRANSACTIONAL_DAILY_RATE_ACTIVE : TRANSACTIONAL_DAILY_RATE_INACTIVE;
      if (Seeds.unit(seed, Purpose.SURVEY_TRANSACTIONAL, day, user) < transactionalRate) {
        responses.add(response(population, rng, user, day, weekend, TRANSACTIONAL));
      }
    }
    responses.sort(Comparator.comparingLong(Response::time).thenComparingInt(Response::user));
    String idPrefix = "r" + LocalDate.ofEpochDay(day).format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
    List<Object[]> rows = new ArrayList<>(responses.size());
    for (Response response : responses) {
      response.values()[I_RESPONSE_ID] = idPrefix + (rows.size() + 1);
      rows.add(response.values());
    }
    int bad = badRows(rows.size());
    List<Row> out = new ArrayList<>(rows.size() + bad);
    int nextBad = 0;
    for (int i = 0; i < rows.size(); i++) {
      Object[] values = rows.get(i);
      if (nextBad < bad && i == (int) ((2L * nextBad + 1) * rows.size() / (2L * bad))) {
        BadSurvey kind = BadSurvey.values()[(firstBadKind + nextBad) % BadSurvey.values().length];
        nextBad++;
        if (kind == BadSurvey.DUPLICATE_ID) {
          out.add(RowFactory.create(values));
          values = resubmitted(values, rng, day);
        } else {
          spoil(values, kind, rng, day);
        }
      }
      out.add(RowFactory.create(values));
    }
    return new Day(out, bad);
  }

  /** Bad rows a day of this many valid rows can take: 1 per 40 at most, about 1% when large. */
  static int badRows(int validRows) {
    int kinds = BadSurvey.values().length;
    return Math.min(validRows / VALID_ROWS_PER_BAD_ROW, Math.max(kinds, (validRows + 99) / 100));
  }

  /** Whether the user answers, on this day, a relationship campaign of the last week. */
  private static boolean answersCampaign(Population population, int user, long day, boolean active) {
    long seed = population.seed();
    double rate = active ? RELATIONSHIP_RATE_ACTIVE : RELATIONSHIP_RATE_INACTIVE;
    long sinceFirst = day - population.fromDay();
    for (long campaign = Math.max(0, (sinceFirst - MAX_LAG + CAMPAIGN_EVERY_DAYS - 1) / CAMPAIGN_EVERY_DAYS);
        campaign * CAMPAIGN_EVERY_DAYS <= sinceFirst;
        campaign++) {
      long lag = sinceFirst - campaign * CAMPAIGN_EVERY_DAYS;
      if (Seeds.unit(seed, Purpose.SURVEY_RELATIONSHIP, campaign, user) < rate
          && ANSWER_LAG.pick(Seeds.unit(seed, Purpose.SURVEY_LAG, campaign, user)) == lag) {
        return true;
      }
    }
    return false;
  }

  private static Response response(
      Population population, SplittableRandom rng, int user, long day, boolean weekend, String survey) {
    long time = day * Times.MICROS_PER_DAY + Times.timeOfDay(rng, population.region(user), weekend);
    Object[] values = new Object[SURVEYS_SCHEMA.size()];
    values[I_RESPONSE_TIME] = time;
    values[I_USER_ID] = population.userId(user);
    values[I_ACCOUNT_ID] = Draw.chance(rng, ACCOUNT_ID_SHARE) ? population.accountId(population.account(user)) : null;
    values[I_SURVEY] = survey;
    int score = score(population, rng, user);
    values[I_SCORE] = score;
    values[I_COMMENT] = comment(rng, score);
    values[I_CHANNEL] = (RELATIONSHIP.equals(survey) ? RELATIONSHIP_CHANNELS : TRANSACTIONAL_CHANNELS).pick(rng);
    return new Response(time, user, values);
  }

  /**
   * Promoters grow with activity (22% for the lightest active users, 67% for the heaviest),
   * detractors shrink; 15% of the heaviest quarter are unhappy anyway; users who never act are
   * mostly detractors. Seven answers in ten reuse the user's own sentiment, so a user's answers
   * agree over time.
   */
  private static int score(Population population, SplittableRandom rng, int user) {
    long seed = population.seed();
    double quantile = population.activityQuantile(user);
    double detractor;
    double passive;
    if (!population.active(user)) {
      detractor = 0.50;
      passive = 0.38;
    } else if (quantile > 0.75 && Seeds.unit(seed, Purpose.USER_UNHAPPY, user) < 0.15) {
      detractor = 0.65;
      passive = 0.25;
    } else {
      detractor = 0.33 - 0.25 * quantile;
      passive = 1 - detractor - (0.22 + 0.45 * quantile);
    }
    double sentiment = Draw.chance(rng, 0.7) ? Seeds.unit(seed, Purpose.USER_SENTIMENT, user) : rng.nextDouble();
    if (sentiment < detractor) {
      return DETRACTOR_SCORES.pick(rng);
    }
    return sentiment < detractor + passive ? PASSIVE_SCORES.pick(rng) : PROMOTER_SCORES.pick(rng);
  }

  /** Most answers say something; some leave the box untouched (null) or clear it (""). */
  private static String comment(SplittableRandom rng, int score) {
    double u = rng.nextDouble();
    if (u < 0.12) {
      return null;
    }
    if (u < 0.20) {
      return "";
    }
    List<String> texts =
        score >= 9
            ? Vocabulary.PROMOTER_COMMENTS
            : score >= 7 ? Vocabulary.PASSIVE_COMMENTS : Vocabulary.DETRACTOR_COMMENTS;
    return texts.get(rng.nextInt(texts.size()));
  }

  private static void spoil(Object[] values, BadSurvey kind, SplittableRandom rng, long day) {
    switch (kind) {
      case SCORE_ELEVEN -> values[I_SCORE] = 11;
      case SCORE_MINUS_ONE -> values[I_SCORE] = -1;
      case NULL_SCORE -> values[I_SCORE] = null;
      case NULL_USER_ID -> values[I_USER_ID] = null;
      case NULL_RESPONSE_ID -> values[I_RESPONSE_ID] = null;
      case NULL_RESPONSE_TIME -> values[I_RESPONSE_TIME] = null;
      case OUTSIDE_DAY ->
          // Answered late yesterday, exported with today's file.
          values[I_RESPONSE_TIME] = day * Times.MICROS_PER_DAY - (5 + rng.nextInt(55)) * 60 * Times.MICROS_PER_SECOND;
      case DUPLICATE_ID -> throw new IllegalArgumentException("a duplicate is added, not spoiled");
    }
  }

  /** The same form sent twice: same response_id, a few minutes later. */
  private static Object[] resubmitted(Object[] values, SplittableRandom rng, long day) {
    Object[] again = values.clone();
    long later = (Long) values[I_RESPONSE_TIME] + (1 + rng.nextInt(600)) * Times.MICROS_PER_SECOND;
    again[I_RESPONSE_TIME] = Math.min((day + 1) * Times.MICROS_PER_DAY - 1000, later);
    return again;
  }
}
