package io.engagement.insights;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One output table as a day's step sees it: its rows of D and its rows of earlier days, kept
 * apart so that a rerun of D, whose table still holds the first run's rows of D, cannot let
 * those old rows leak into a baseline.
 *
 * @param today the rows of D
 * @param history rows of earlier days, read from the table (rows of D or later are ignored)
 */
public record TodayAndHistory(Dataset<Row> today, Dataset<Row> history) {}
