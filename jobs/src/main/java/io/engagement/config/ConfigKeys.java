package io.engagement.config;

import com.typesafe.config.ConfigUtil;
import io.engagement.input.InputSchemas;
import io.engagement.output.Columns;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The config keys of contract.md and the naming rules they impose, in one place. Keys are relative
 * to their parent object, so the loader, the validator and the renderer spell each key once; {@link
 * #path} turns them into the full key that error messages name.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** Every key of the job lives under this root. */
  public static final String ROOT = "engagement";

  public static final String INPUT = "input";
  public static final String OUTPUT = "output";
  public static final String ROOT_DIR = "root";
  public static final String TIMEZONE = "timezone";
  public static final String WINDOW_DAYS = "window-days";
  public static final String VISIT_TIMEOUT_MINUTES = "visit-timeout-minutes";
  public static final String VISIT_EVENT_TYPES = "visit-event-types";
  public static final String MIN_RELIANCE_DAYS = "min-reliance-days";
  public static final String DORMANT_AFTER_DAYS = "dormant-after-days";
  public static final String SEGMENTS = "segments";
  public static final String ACTIONS = "actions";

  public static final String KPIS = "kpis";
  public static final String EVENT_TYPE = "event-type";
  public static final String EVENT_NAME = "event-name";
  public static final String MEASURE = "measure";
  public static final String AGGREGATION = "aggregation";

  /** The one numeric event column a KPI may measure besides {@code properties.<key>}. */
  public static final String AMOUNT_MEASURE = InputSchemas.AMOUNT;

  public static final String SCORE = "score";
  public static final String COMPONENTS = "components";
  public static final String WEIGHT = "weight";
  public static final String METRICS = "metrics";
  public static final String NORMALIZE = "normalize";
  public static final String TARGET = "target";
  public static final String HALF_LIFE_DAYS = "half-life-days";

  public static final String NPS = "nps";
  public static final String NPS_WINDOW_DAYS = "window-days";
  public static final String MIN_RESPONSES = "min-responses";
  public static final String SURVEYS = "surveys";

  public static final String SAY_DO = "say-do";
  public static final String LOW_BELOW = "low-below";
  public static final String HIGH_FROM = "high-from";

  public static final String ANOMALIES = "anomalies";
  public static final String BASELINE_DAYS = "baseline-days";
  public static final String Z_THRESHOLD = "z-threshold";
  public static final String MIN_USERS = "min-users";
  public static final String MIN_CHANGE = "min-change";
  public static final String MIN_CHANGE_MEAN_SCORE = Columns.MEAN_SCORE;
  public static final String MIN_CHANGE_NPS = Columns.NPS;
  public static final String MIN_CHANGE_ACTIVE_USERS = Columns.ACTIVE_USERS;

  public static final String QUALITY = "quality";
  public static final String MAX_REJECTED_FRACTION = "max-rejected-fraction";
  public static final String MIN_VOLUME_RATIO = "min-volume-ratio";

  public static final String PII = "pii";
  public static final String PSEUDONYMISE_USER_ID = "pseudonymise-user-id";
  public static final String REDACT_COMMENTS = "redact-comments";

  /** Environment variables that override keys (contract.md: "named in the defaults"). */
  public static final String ENV_INPUT_ROOT = "ENGAGEMENT_INPUT_ROOT";

  public static final String ENV_OUTPUT_ROOT = "ENGAGEMENT_OUTPUT_ROOT";
  public static final String ENV_TIMEZONE = "ENGAGEMENT_TIMEZONE";

  /**
   * The PII key's variable. It overrides no key and no config can substitute it: {@link
   * ConfigLoader} reads it into {@link PiiConfig#key()} alone, which is never rendered or hashed.
   */
  public static final String ENV_PII_KEY = "ENGAGEMENT_PII_KEY";

  /** The seven visit metrics of metrics.md 3: the only metrics of the visits component. */
  public static final List<String> VISIT_METRICS =
      List.of(
          Columns.TOTAL_VISITS,
          Columns.UNIQUE_VISITS,
          Columns.BREADTH,
          Columns.DEPTH,
          Columns.DURATION,
          Columns.RECENCY,
          Columns.RELIANCE);

  /** Metrics each tracked action gives, named {@code <action>.<suffix>} (metrics.md 3). */
  public static final List<String> ACTION_METRIC_SUFFIXES = List.of("count", "days", "reliance");

  /** Separator between an action and its metric suffix. */
  public static final String ACTION_METRIC_SEPARATOR = ".";

  /** Names of actions, KPIs and segments: they become map keys and column names. */
  public static final Pattern NAME_PATTERN = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Names an action, KPI or segment may not take: they would collide with a metric or a column of
   * user_engagement and the roll-ups, where segments become columns and KPIs metric names.
   */
  public static final Set<String> RESERVED_NAMES =
      Set.of(
          Columns.TOTAL_VISITS,
          Columns.UNIQUE_VISITS,
          Columns.BREADTH,
          Columns.DEPTH,
          Columns.DURATION,
          Columns.RECENCY,
          Columns.RELIANCE,
          Columns.TENURE_DAYS,
          Columns.FIRST_ACTIVE_DAY,
          Columns.LAST_ACTIVE_DAY,
          InputSchemas.USER_ID,
          InputSchemas.ACCOUNT_ID,
          Columns.SCORE,
          Columns.SCORE_DATE,
          Columns.VISITS_SCORE,
          Columns.ACTIONS_SCORE,
          Columns.KPIS_SCORE,
          Columns.ENGAGEMENT_BAND,
          Columns.METRICS,
          Columns.SUB_SCORES,
          Columns.CONTRIBUTIONS,
          Columns.RUN_ID,
          Columns.SEGMENT_DIMENSION,
          Columns.SEGMENT_VALUE,
          InputSchemas.SIGNUP_DATE,
          // columns of nps_responses and say_do, where segments become columns too
          InputSchemas.RESPONSE_ID,
          InputSchemas.RESPONSE_TIME,
          Columns.RESPONSE_DATE,
          InputSchemas.SURVEY,
          Columns.CATEGORY,
          InputSchemas.COMMENT,
          InputSchemas.CHANNEL,
          Columns.NPS_SCORE,
          Columns.NPS_CATEGORY,
          Columns.SCORE_AT_RESPONSE,
          Columns.FLAG);

  /** The metric name of one action's metric, e.g. {@code upload_file.count}. */
  public static String actionMetric(String action, String suffix) {
    return action + ACTION_METRIC_SEPARATOR + suffix;
  }

  /**
   * The full key of a path under {@code engagement}, each element quoted where HOCON needs it (so a
   * metric named {@code upload_file.count} stays one key).
   */
  public static String path(String... elements) {
    String[] all = new String[elements.length + 1];
    all[0] = ROOT;
    System.arraycopy(elements, 0, all, 1, elements.length);
    return ConfigUtil.joinPath(all);
  }
}
