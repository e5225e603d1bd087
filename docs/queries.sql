-- The questions analysts ask first, on the output tables (contract.md, Outputs).
-- Run them all:  scripts/run.sh sql --file docs/queries.sql
-- Each table is a view of its name. "The latest day" is the latest day processed: the latest
-- score_date of segment_engagement, which has the business row ('all', 'all') every day.
-- Segment columns (plan, region) are those of the default config (engagement.segments).

-- Accounts whose engagement fell most this week: 7-day change of the mean score on the latest day
SELECT account_id,
       users,
       active_users,
       round(mean_score, 1) AS mean_score,
       round(mean_score_change_7d, 1) AS mean_score_change_7d,
       active_users_change_7d
FROM account_engagement
WHERE score_date = (SELECT max(score_date) FROM segment_engagement)
  AND mean_score_change_7d < 0
ORDER BY mean_score_change_7d, account_id
LIMIT 20;

-- Promoters with low engagement on the latest day: they say more than they do (say_do)
SELECT user_id,
       account_id,
       plan,
       region,
       nps_score,
       response_date,
       round(score, 1) AS score,
       round(score_at_response, 1) AS score_at_response
FROM say_do
WHERE score_date = (SELECT max(score_date) FROM segment_engagement)
  AND flag = 'promoter_low_engagement'
ORDER BY score, user_id;

-- NPS by segment on the latest day, with its 95% margin of error and the range it gives
SELECT segment_dimension,
       segment_value,
       respondents,
       promoters,
       passives,
       detractors,
       round(nps, 1) AS nps,
       round(margin_of_error, 1) AS margin_of_error,
       round(greatest(-100, nps - margin_of_error), 1) AS nps_from,
       round(least(100, nps + margin_of_error), 1) AS nps_to,
       low_sample,
       round(response_rate, 3) AS response_rate,
       round(nps_change_7d, 1) AS nps_change_7d
FROM segment_nps
WHERE score_date = (SELECT max(score_date) FROM segment_engagement)
ORDER BY segment_dimension <> 'all', segment_dimension, segment_value;

-- Today's alerts: anomalies of the latest day, the largest |z| first (z is null for a flat baseline)
SELECT scope,
       key,
       metric,
       direction,
       round(value, 2) AS value,
       round(baseline_mean, 2) AS baseline_mean,
       round(baseline_std, 2) AS baseline_std,
       baseline_days,
       round(z, 1) AS z
FROM engagement_alerts
WHERE score_date = (SELECT max(score_date) FROM segment_engagement)
ORDER BY abs(z) DESC NULLS FIRST, scope, key, metric;

-- The business day by day (last 28 days): users, active users, scores and their 7-day changes
SELECT score_date,
       users,
       active_users,
       accounts,
       round(mean_score, 1) AS mean_score,
       round(median_score, 1) AS median_score,
       round(mean_account_score, 1) AS mean_account_score,
       round(mean_score_change_7d, 1) AS mean_score_change_7d,
       active_users_change_7d
FROM segment_engagement
WHERE segment_dimension = 'all'
ORDER BY score_date DESC
LIMIT 28;

-- Users by engagement band on the latest day, for the business and each segment
SELECT segment_dimension,
       segment_value,
       users,
       low_users,
       mid_users,
       high_users,
       round(try_divide(100.0 * high_users, users), 1) AS high_pct,
       round(mean_visits_score, 1) AS mean_visits_score,
       round(mean_actions_score, 1) AS mean_actions_score,
       round(mean_kpis_score, 1) AS mean_kpis_score
FROM segment_engagement
WHERE score_date = (SELECT max(score_date) FROM segment_engagement)
ORDER BY segment_dimension <> 'all', segment_dimension, segment_value;

-- Rejected rows by source and reason over the last 7 days (the users snapshot counts every day)
SELECT source,
       reason,
       count(*) AS rejected_rows,
       count(DISTINCT ingest_date) AS days,
       max(ingest_date) AS last_day
FROM rejected_records
WHERE ingest_date >= date_sub((SELECT max(ingest_date) FROM rejected_records), 6)
GROUP BY source, reason
ORDER BY rejected_rows DESC, source, reason;

-- The latest runs: how each ended, how long it took, what came in and what was rejected
SELECT run_date,
       command,
       status,
       exit_code,
       finished_at,
       round((unix_millis(finished_at) - unix_millis(started_at)) / 1000.0, 1) AS seconds,
       events_accepted,
       events_rejected,
       surveys_accepted,
       users_rejected,
       error_message
FROM job_runs
ORDER BY finished_at DESC
LIMIT 10;
