package io.engagement.insights;

/**
 * The four roll-up tables that engagement alerts watch (metrics.md 10). Only their keys,
 * score_date, the watched metric columns (mean_score, active_users, nps), users (engagement
 * roll-ups of D) and low_sample (NPS tables of D) are read.
 */
public record AnomalyInputs(
    TodayAndHistory accountEngagement,
    TodayAndHistory segmentEngagement,
    TodayAndHistory accountNps,
    TodayAndHistory segmentNps) {}
