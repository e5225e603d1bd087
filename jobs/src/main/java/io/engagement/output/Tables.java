package io.engagement.output;

import java.util.List;

/**
 * Every output table of contract.md: its name (also its folder under the output root) and the
 * DATE column it is partitioned by. A day's partition of a table is the rows whose date column is
 * that day; a rerun replaces exactly that partition.
 */
public enum Tables {
  USER_DAILY_ACTIVITY("user_daily_activity", Columns.ACTIVITY_DATE),
  USER_STATE("user_state", Columns.STATE_DATE),
  USER_ENGAGEMENT("user_engagement", Columns.SCORE_DATE),
  USER_METRIC_SCORES("user_metric_scores", Columns.SCORE_DATE),
  ACCOUNT_ENGAGEMENT("account_engagement", Columns.SCORE_DATE),
  SEGMENT_ENGAGEMENT("segment_engagement", Columns.SCORE_DATE),
  NPS_RESPONSES("nps_responses", Columns.RESPONSE_DATE),
  SEGMENT_NPS("segment_nps", Columns.SCORE_DATE),
  ACCOUNT_NPS("account_nps", Columns.SCORE_DATE),
  SAY_DO("say_do", Columns.SCORE_DATE),
  SAY_DO_SEGMENTS("say_do_segments", Columns.SCORE_DATE),
  ENGAGEMENT_ALERTS("engagement_alerts", Columns.SCORE_DATE),
  REJECTED_RECORDS("rejected_records", Columns.INGEST_DATE),
  JOB_RUNS("job_runs", Columns.RUN_DATE);

  private final String tableName;
  private final String dateColumn;

  Tables(String tableName, String dateColumn) {
    this.tableName = tableName;
    this.dateColumn = dateColumn;
  }

  public String tableName() {
    return tableName;
  }

  public String dateColumn() {
    return dateColumn;
  }

  /** The tables a day's run replaces, in the order they are written; job_runs comes after them. */
  public static List<Tables> dayTables() {
    return List.of(
        REJECTED_RECORDS,
        USER_DAILY_ACTIVITY,
        USER_STATE,
        USER_ENGAGEMENT,
        USER_METRIC_SCORES,
        ACCOUNT_ENGAGEMENT,
        SEGMENT_ENGAGEMENT,
        NPS_RESPONSES,
        SEGMENT_NPS,
        ACCOUNT_NPS,
        SAY_DO,
        SAY_DO_SEGMENTS,
        ENGAGEMENT_ALERTS);
  }
}
