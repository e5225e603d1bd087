package io.engagement.input;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The raw inputs of one day, each already conformed to its {@link InputSchemas} schema (column
 * order and types) but not yet validated row by row: that is {@link RecordValidator}'s job.
 *
 * @param events the day's events partition (empty when the partition holds no rows)
 * @param surveys the day's responses (empty when the partition is absent: a day without responses)
 * @param users the users snapshot in effect on the day (empty when there is none: users are optional)
 */
public record RawDay(LocalDate day, Dataset<Row> events, Dataset<Row> surveys, Dataset<Row> users) {}
