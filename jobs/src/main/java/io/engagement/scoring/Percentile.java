package io.engagement.scoring;

import static org.apache.spark.sql.functions.percent_rank;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code percentile}: the {@code percent_rank} of x, ascending, among every row of the Dataset it
 * is applied to, which the scorer calls on exactly the users scored on one day. Ties share the
 * lowest rank and a single user gets 0 ({@code percent_rank}'s own rules). Null values are ranked
 * apart (they score 0 anyway), so they do not push the others' ranks up.
 *
 * <p>The ranking needs the whole day in one window: it is relative by nature, which is why the
 * absolute methods are the default (metrics.md 5).
 */
public record Percentile() implements Normalizer {

  @Override
  public Column presentValueScore(Column x) {
    return percent_rank().over(Window.partitionBy(x.isNull()).orderBy(x.asc()));
  }
}
