package io.engagement.output;

/**
 * Names of the output columns (contract.md), in one place. Input column names live in
 * {@link io.engagement.input.InputSchemas}; outputs reuse them where the meaning is the same
 * ({@code user_id}, {@code account_id}, ...).
 */
public final class Columns {
  private Columns() {}

  // date columns
  public static final String ACTIVITY_DATE = "activity_date";
  public static final String STATE_DATE = "state_date";
  public static final String SCORE_DATE = "score_date";
  public static final String RESPONSE_DATE = "response_date";
  public static final String INGEST_DATE = "ingest_date";
  public static final String RUN_DATE = "run_date";

  public static final String RUN_ID = "run_id";

  // user_daily_activity (metrics.md 2)
  public static final String VISITS = "visits";
  public static final String EVENTS = "events";
  public static final String DURATION_SECONDS = "duration_seconds";
  public static final String FEATURES_USED = "features_used";
  public static final String CHANNELS_USED = "channels_used";
  public static final String EVENT_COUNTS = "event_counts";
  public static final String KPI_VALUES = "kpi_values";
  public static final String FIRST_EVENT_TIME = "first_event_time";
  public static final String LAST_EVENT_TIME = "last_event_time";
  /** The latest non-null account_id among the day's events (for users missing from users). */
  public static final String EVENT_ACCOUNT_ID = "event_account_id";

  // user_state: what the window cannot tell, carried from day to day
  public static final String FIRST_ACTIVE_DAY = "first_active_day";
  public static final String LAST_ACTIVE_DAY = "last_active_day";
  /** The day of the latest event that carried a non-null account_id. */
  public static final String EVENT_ACCOUNT_DAY = "event_account_day";

  // window metrics (metrics.md 3)
  public static final String TOTAL_VISITS = "total_visits";
  public static final String UNIQUE_VISITS = "unique_visits";
  public static final String BREADTH = "breadth";
  public static final String DEPTH = "depth";
  public static final String DURATION = "duration";
  public static final String RECENCY = "recency";
  public static final String RELIANCE = "reliance";
  public static final String TENURE_DAYS = "tenure_days";
  public static final String METRICS = "metrics";

  // scores (metrics.md 5-6)
  public static final String SUB_SCORES = "sub_scores";
  public static final String CONTRIBUTIONS = "contributions";
  public static final String VISITS_SCORE = "visits_score";
  public static final String ACTIONS_SCORE = "actions_score";
  public static final String KPIS_SCORE = "kpis_score";
  public static final String SCORE = "score";
  public static final String ENGAGEMENT_BAND = "engagement_band";

  // user_metric_scores
  public static final String COMPONENT = "component";
  public static final String METRIC = "metric";
  public static final String VALUE = "value";
  public static final String SUB_SCORE = "sub_score";
  public static final String WEIGHT = "weight";
  public static final String CONTRIBUTION = "contribution";

  // roll-ups (metrics.md 7)
  public static final String SEGMENT_DIMENSION = "segment_dimension";
  public static final String SEGMENT_VALUE = "segment_value";
  public static final String ALL = "all";
  public static final String UNKNOWN = "unknown";
  public static final String USERS = "users";
  public static final String ACTIVE_USERS = "active_users";
  public static final String MEAN_SCORE = "mean_score";
  public static final String ACTIVE_MEAN_SCORE = "active_mean_score";
  public static final String MEDIAN_SCORE = "median_score";
  public static final String MIN_SCORE = "min_score";
  public static final String MAX_SCORE = "max_score";
  public static final String MEAN_VISITS_SCORE = "mean_visits_score";
  public static final String MEAN_ACTIONS_SCORE = "mean_actions_score";
  public static final String MEAN_KPIS_SCORE = "mean_kpis_score";
  public static final String LOW_USERS = "low_users";
  public static final String MID_USERS = "mid_users";
  public static final String HIGH_USERS = "high_users";
  public static final String ACCOUNTS = "accounts";
  public static final String MEAN_ACCOUNT_SCORE = "mean_account_score";
  public static final String MEAN_SCORE_CHANGE_7D = "mean_score_change_7d";
  public static final String ACTIVE_USERS_CHANGE_7D = "active_users_change_7d";

  // engagement bands
  public static final String BAND_LOW = "low";
  public static final String BAND_MID = "mid";
  public static final String BAND_HIGH = "high";

  // NPS (metrics.md 8)
  public static final String CATEGORY = "category";
  public static final String RESPONDENTS = "respondents";
  public static final String PROMOTERS = "promoters";
  public static final String PASSIVES = "passives";
  public static final String DETRACTORS = "detractors";
  public static final String NPS = "nps";
  public static final String MARGIN_OF_ERROR = "margin_of_error";
  public static final String RESPONSE_RATE = "response_rate";
  public static final String LOW_SAMPLE = "low_sample";
  public static final String NPS_CHANGE_7D = "nps_change_7d";

  // say vs do (metrics.md 9)
  public static final String NPS_SCORE = "nps_score";
  public static final String NPS_CATEGORY = "nps_category";
  public static final String SCORE_AT_RESPONSE = "score_at_response";
  public static final String FLAG = "flag";
  public static final String CORRELATION = "correlation";

  // alerts (metrics.md 10)
  public static final String SCOPE = "scope";
  public static final String KEY = "key";
  public static final String BASELINE_MEAN = "baseline_mean";
  public static final String BASELINE_STD = "baseline_std";
  public static final String BASELINE_DAYS = "baseline_days";
  public static final String Z = "z";
  public static final String DIRECTION = "direction";

  // rejected_records
  public static final String SOURCE = "source";
  public static final String REASON = "reason";
  public static final String RECORD = "record";

  // nps and insights: values that name categories, flags, scopes and directions. The four flag
  // values are also the say_do_segments count columns, so one constant serves both.
  public static final String PROMOTER = "promoter";
  public static final String PASSIVE = "passive";
  public static final String DETRACTOR = "detractor";
  public static final String PROMOTER_LOW_ENGAGEMENT = "promoter_low_engagement";
  public static final String DETRACTOR_HIGH_ENGAGEMENT = "detractor_high_engagement";
  public static final String ALIGNED = "aligned";
  public static final String NEUTRAL = "neutral";
  public static final String SCOPE_BUSINESS = "business";
  public static final String SCOPE_SEGMENT = "segment";
  public static final String SCOPE_ACCOUNT = "account";
  public static final String DIRECTION_UP = "up";
  public static final String DIRECTION_DOWN = "down";

  // output (job_runs): one row per run of one day
  public static final String COMMAND = "command";
  public static final String STATUS = "status";
  public static final String STARTED_AT = "started_at";
  public static final String FINISHED_AT = "finished_at";
  public static final String CONFIG_HASH = "config_hash";
  public static final String EXIT_CODE = "exit_code";
  public static final String ERROR_MESSAGE = "error_message";
  public static final String EVENTS_INPUT = "events_input";
  public static final String EVENTS_ACCEPTED = "events_accepted";
  public static final String EVENTS_REJECTED = "events_rejected";
  public static final String SURVEYS_INPUT = "surveys_input";
  public static final String SURVEYS_ACCEPTED = "surveys_accepted";
  public static final String SURVEYS_REJECTED = "surveys_rejected";
  public static final String USERS_INPUT = "users_input";
  public static final String USERS_ACCEPTED = "users_accepted";
  public static final String USERS_REJECTED = "users_rejected";
  /** Rows written per table name by the run. */
  public static final String ROWS_WRITTEN = "rows_written";
  /** job_runs: every source's input = accepted + rejected ({@code io.engagement.input.RowAccounting}). */
  public static final String COUNTS_BALANCED = "counts_balanced";
}
