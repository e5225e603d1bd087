package io.engagement.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engagement.activity.DailyActivity;
import io.engagement.config.EngagementConfig;
import io.engagement.input.InputSchemas;
import io.engagement.input.RawDay;
import io.engagement.input.RecordValidator;
import io.engagement.insights.AnomalyDetector;
import io.engagement.insights.AnomalyInputs;
import io.engagement.insights.SayDo;
import io.engagement.insights.SevenDayChange;
import io.engagement.insights.TodayAndHistory;
import io.engagement.metrics.ScoredUsers;
import io.engagement.metrics.UserGroups;
import io.engagement.metrics.UserState;
import io.engagement.metrics.WindowMetrics;
import io.engagement.nps.CountedResponses;
import io.engagement.nps.NpsCalculator;
import io.engagement.nps.NpsResponses;
import io.engagement.output.Columns;
import io.engagement.output.Tables;
import io.engagement.privacy.InputPrivacy;
import io.engagement.rollups.AccountRollup;
import io.engagement.rollups.SegmentRollup;
import io.engagement.scoring.EngagementScorer;
import io.engagement.scoring.MetricScoresLongForm;
import io.engagement.spark.Checkpoints;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One day as a function: {@code outputs(D) = pipeline(config, inputs(D), history(<D))}. Nothing
 * here reads or writes storage, so a test can run a whole day on a few hand-written rows, and a
 * rerun of a day with the same inputs and history gives the same tables.
 *
 * <p>The steps, in lineage order: validate and handle PII → daily activity → user state and
 * groups → window metrics → scores → roll-ups → NPS → say vs do → trends and alerts.
 */
public final class DailyPipeline {
  /** The pipeline's stages, in order: each names the intermediates it computes ({@link DayOutputs}). */
  public static final String ACTIVITY = "activity";
  public static final String SCORES = "scores";
  public static final String ROLLUPS = "roll-ups";
  public static final String NPS = "nps";
  public static final String INSIGHTS = "insights";

  private DailyPipeline() {}

  /**
   * Validation of the three raw inputs (contract.md, bad rows), then their PII handling
   * ({@code engagement.pii}): done here, once, so every table of the day, rejected_records included,
   * and every join with earlier days' tables sees the same pseudonyms and redacted comments.
   */
  public static ValidatedDay validate(RawDay raw, EngagementConfig config) {
    InputPrivacy privacy = new InputPrivacy(config.pii().userIdKey(), config.pii().redactComments());
    return new ValidatedDay(
        raw.day(),
        privacy.apply(RecordValidator.validateEvents(raw.events(), raw.day(), config.timezone())),
        privacy.apply(RecordValidator.validateSurveys(raw.surveys(), raw.day(), config.timezone())),
        privacy.apply(RecordValidator.validateUsers(raw.users())));
  }

  /** Every table of the day but rejected_records and job_runs. */
  public static DayOutputs compute(ValidatedDay input, DayHistory history, EngagementConfig config) {
    return compute(input, history, config, stage -> {});
  }

  /**
   * Every table of the day but rejected_records and job_runs. The intermediates several tables
   * share are computed here, stage by stage ({@link #ACTIVITY} to {@link #INSIGHTS});
   * {@code stageDone} is called with each stage's name when its last intermediate is computed,
   * so a caller can time the stages. The tables themselves are computed when they are written.
   */
  public static DayOutputs compute(
      ValidatedDay input, DayHistory history, EngagementConfig config, Consumer<String> stageDone) {
    Intermediates kept = new Intermediates(stageDone);
    try {
      return compute(input, history, config, kept);
    } catch (RuntimeException e) {
      // The caller never sees these intermediates: free them here.
      kept.releaseAll();
      throw e;
    }
  }

  private static DayOutputs compute(
      ValidatedDay input,
      DayHistory history,
      EngagementConfig config,
      Intermediates kept) {
    LocalDate day = input.day();
    List<String> segments = config.segments();
    Map<Tables, Dataset<Row>> out = new EnumMap<>(Tables.class);

    Dataset<Row> users = input.users().accepted();
    Dataset<Row> activity = kept.compute(ACTIVITY, DailyActivity.build(input.events().accepted(), config, day));
    Dataset<Row> previousState =
        history.previousState().orElseGet(() -> activity.sparkSession().createDataFrame(List.of(), UserState.SCHEMA));
    Dataset<Row> state = kept.compute(ACTIVITY, UserState.advance(previousState, activity, day));
    Dataset<Row> groups = kept.compute(ACTIVITY, UserGroups.resolve(users, state, segments));

    Dataset<Row> userDailyActivity =
        activity
            .join(groups.select(InputSchemas.USER_ID, InputSchemas.ACCOUNT_ID), InputSchemas.USER_ID, "left")
            .select(dailyActivityColumns());
    out.put(Tables.USER_DAILY_ACTIVITY, userDailyActivity);
    out.put(Tables.USER_STATE, state);

    Dataset<Row> activityWindow =
        history
            .activityWindow()
            .map(h -> h.select(activityColumns()).unionByName(activity.select(activityColumns())))
            .orElse(activity);
    Dataset<Row> scored = ScoredUsers.select(users, state, config.dormantAfterDays(), day);
    Dataset<Row> windowMetrics = WindowMetrics.compute(activityWindow, scored, groups, config, day);
    Dataset<Row> userEngagement =
        kept.compute(SCORES, EngagementScorer.score(windowMetrics, config.score(), config.sayDo(), day));
    out.put(Tables.USER_ENGAGEMENT, userEngagement);
    out.put(Tables.USER_METRIC_SCORES, MetricScoresLongForm.explode(userEngagement, config.score()));

    Dataset<Row> accountToday = kept.compute(ROLLUPS, AccountRollup.rollup(userEngagement));
    Dataset<Row> segmentToday = kept.compute(ROLLUPS, SegmentRollup.rollup(userEngagement, segments));
    Dataset<Row> accountHistory = history.accountEngagement().orElse(accountToday.where(lit(false)));
    Dataset<Row> segmentHistory = history.segmentEngagement().orElse(segmentToday.where(lit(false)));
    List<String> accountKey = List.of(InputSchemas.ACCOUNT_ID);
    List<String> segmentKey = List.of(Columns.SEGMENT_DIMENSION, Columns.SEGMENT_VALUE);
    out.put(Tables.ACCOUNT_ENGAGEMENT, withEngagementChanges(accountToday, accountHistory, accountKey, day));
    out.put(Tables.SEGMENT_ENGAGEMENT, withEngagementChanges(segmentToday, segmentHistory, segmentKey, day));

    Dataset<Row> scoredUsers = scoredUserGroups(userEngagement, segments);
    Dataset<Row> responsesToday =
        NpsResponses.forDay(input.surveys().accepted(), scoredUsers, segments, day);
    out.put(Tables.NPS_RESPONSES, responsesToday);
    Dataset<Row> responsesWindow =
        history
            .npsResponses()
            .map(h -> h.select(columnsOf(responsesToday.columns())).unionByName(responsesToday))
            .orElse(responsesToday);
    Dataset<Row> counted = kept.compute(NPS, CountedResponses.latestPerUser(responsesWindow, config.nps(), day));
    Dataset<Row> accountNpsToday =
        kept.compute(NPS, NpsCalculator.accountNps(counted, scoredUsers, config.nps(), day));
    Dataset<Row> segmentNpsToday =
        kept.compute(NPS, NpsCalculator.segmentNps(counted, scoredUsers, segments, config.nps(), day));
    Dataset<Row> accountNpsHistory = history.accountNps().orElse(accountNpsToday.where(lit(false)));
    Dataset<Row> segmentNpsHistory = history.segmentNps().orElse(segmentNpsToday.where(lit(false)));
    out.put(Tables.ACCOUNT_NPS, withNpsChange(accountNpsToday, accountNpsHistory, accountKey, day));
    out.put(Tables.SEGMENT_NPS, withNpsChange(segmentNpsToday, segmentNpsHistory, segmentKey, day));

    Dataset<Row> scoreHistory =
        history
            .scores()
            .orElse(userEngagement.where(lit(false)))
            .select(InputSchemas.USER_ID, Columns.SCORE_DATE, Columns.SCORE);
    Dataset<Row> sayDo =
        kept.compute(INSIGHTS, SayDo.perUser(counted, scoredUsers, scoreHistory, config.sayDo(), segments, day));
    out.put(Tables.SAY_DO, sayDo);
    out.put(Tables.SAY_DO_SEGMENTS, SayDo.perSegment(sayDo, segments));

    AnomalyInputs anomalyInputs =
        new AnomalyInputs(
            new TodayAndHistory(accountToday, accountHistory),
            new TodayAndHistory(segmentToday, segmentHistory),
            new TodayAndHistory(accountNpsToday, accountNpsHistory),
            new TodayAndHistory(segmentNpsToday, segmentNpsHistory));
    out.put(Tables.ENGAGEMENT_ALERTS, AnomalyDetector.detect(anomalyInputs, config.anomalies(), day));
    return new DayOutputs(out, kept.done());
  }

  /** What NPS and say-vs-do need of the day's scored users: their groups, score and band. */
  private static Dataset<Row> scoredUserGroups(Dataset<Row> userEngagement, List<String> segments) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(InputSchemas.USER_ID));
    columns.add(col(InputSchemas.ACCOUNT_ID));
    segments.forEach(s -> columns.add(col(s)));
    columns.add(col(Columns.SCORE));
    columns.add(col(Columns.ENGAGEMENT_BAND));
    columns.add(col(Columns.UNIQUE_VISITS));
    columns.add(col(Columns.SCORE_DATE));
    return userEngagement.select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> withEngagementChanges(
      Dataset<Row> today, Dataset<Row> history, List<String> keys, LocalDate day) {
    Dataset<Row> withMean =
        SevenDayChange.add(today, history, keys, Columns.SCORE_DATE, Columns.MEAN_SCORE, Columns.MEAN_SCORE_CHANGE_7D, day);
    return SevenDayChange.add(
        withMean, history, keys, Columns.SCORE_DATE, Columns.ACTIVE_USERS, Columns.ACTIVE_USERS_CHANGE_7D, day);
  }

  private static Dataset<Row> withNpsChange(
      Dataset<Row> today, Dataset<Row> history, List<String> keys, LocalDate day) {
    return SevenDayChange.add(today, history, keys, Columns.SCORE_DATE, Columns.NPS, Columns.NPS_CHANGE_7D, day);
  }

  /** user_daily_activity: the activity columns with the user's resolved account second. */
  private static Column[] dailyActivityColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(col(InputSchemas.USER_ID));
    columns.add(col(InputSchemas.ACCOUNT_ID));
    for (String name : DailyActivity.SCHEMA.fieldNames()) {
      if (!name.equals(InputSchemas.USER_ID)) {
        columns.add(col(name));
      }
    }
    return columns.toArray(Column[]::new);
  }

  private static Column[] activityColumns() {
    return columnsOf(DailyActivity.SCHEMA.fieldNames());
  }

  private static Column[] columnsOf(String[] names) {
    return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  /** The intermediates computed so far, in order, and the stage clock they drive. */
  private static final class Intermediates {
    private final Consumer<String> stageDone;
    private final List<DayOutputs.Intermediate> computed = new ArrayList<>();

    Intermediates(Consumer<String> stageDone) {
      this.stageDone = stageDone;
    }

    /** Computes rows now (a local checkpoint); the previous stage ends when a new one starts. */
    Dataset<Row> compute(String stage, Dataset<Row> rows) {
      if (!computed.isEmpty() && !last().equals(stage)) {
        stageDone.accept(last());
      }
      Dataset<Row> kept = Checkpoints.computeOnce(rows);
      computed.add(new DayOutputs.Intermediate(stage, kept));
      return kept;
    }

    /** Ends the last stage; returns every intermediate. */
    List<DayOutputs.Intermediate> done() {
      if (!computed.isEmpty()) {
        stageDone.accept(last());
      }
      return computed;
    }

    void releaseAll() {
      computed.forEach(i -> Checkpoints.release(i.rows()));
    }

    private String last() {
      return computed.get(computed.size() - 1).stage();
    }
  }
}
